// Builds every Node entry point with esbuild (node_modules stay external so
// tfjs finds its .wasm files and ffmpeg packages find their binaries), then the
// renderer with Vite when it exists. Entries whose source is absent are skipped
// so the build works while stations are still being written.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const nodeEntries = [
  { src: 'src/main/cli/main.ts', out: 'dist/cli.js' },
  { src: 'src/main/pose/poseWorker.ts', out: 'dist/pose-worker.js' },
  { src: 'src/main/pixels/pixelWorker.ts', out: 'dist/pixel-worker.js' },
  { src: 'scripts/validate.ts', out: 'dist/validate.js' },
  { src: 'scripts/bench.ts', out: 'dist/bench.js' },
];
const electronEntries = [
  { src: 'src/main/electron/main.ts', out: 'dist/electron-main.cjs' },
  { src: 'src/main/electron/preload.ts', out: 'dist/preload.cjs' },
];

const present = (list) => list.filter((e) => existsSync(e.src));

await Promise.all([
  ...present(nodeEntries).map((e) =>
    build({
      entryPoints: [e.src], outfile: e.out, bundle: true, platform: 'node', format: 'esm', target: 'node20',
      packages: 'external', sourcemap: true, logLevel: 'warning',
    })),
  ...present(electronEntries).map((e) =>
    build({
      entryPoints: [e.src], outfile: e.out, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      external: ['electron'], packages: 'external', sourcemap: true, logLevel: 'warning',
    })),
]);

if (existsSync('src/renderer/index.html')) {
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
