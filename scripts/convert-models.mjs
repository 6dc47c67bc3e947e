// Writes the BlazePose landmark models as ONNX (models/blazepose-{lite,full,heavy}.onnx) from the
// pinned, hash-checked TF.js graph models fetch-models put in models/ (issue 12). Runs at set-up
// (`npm install` → prepare), never at run time. Each output's SHA-256 is checked against
// scripts/models.json "onnx": a converter change that alters a model fails here until the new
// hash is recorded on purpose (`node scripts/convert-models.mjs --print-hashes`).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tfjsGraphToOnnx } from './onnx/tfjsGraphToOnnx.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'scripts/models.json'), 'utf8'));
const dir = resolve(process.env.LOPSIDED_MODELS_DIR ?? join(root, 'models'));
const printHashes = process.argv.includes('--print-hashes');
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

let failed = false;
for (const [onnxName, expected] of Object.entries(manifest.onnx)) {
  const out = join(dir, onnxName);
  if (!printHashes && existsSync(out) && sha256(readFileSync(out)) === expected) continue;
  const stem = onnxName.replace(/\.onnx$/, '');
  const json = JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8'));
  const shards = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p))));
  const bytes = tfjsGraphToOnnx(json, new Uint8Array(Buffer.concat(shards)), stem);
  const got = sha256(bytes);
  if (printHashes) {
    console.log(`"${onnxName}": "${got}",`);
  } else if (got !== expected) {
    console.error(`models: ${onnxName}: converted model SHA-256 ${got}, expected ${expected} (did the converter change? check, then record the new hash)`);
    failed = true;
    continue;
  }
  const tmp = join(dir, `.${onnxName}.tmp`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, out);
  if (!printHashes) console.log(`models: ${onnxName} converted and verified (${(bytes.byteLength / 2 ** 20).toFixed(1)} MB)`);
}
if (failed) process.exit(1);
