// Paths inside the installed package, valid from src (vitest, tsx) and from the bundles in dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PoseError } from './poseErrors';

/** The directory of the running module: src/main/pose, or dist/ once bundled. */
export function moduleDir(): string {
  const url = (import.meta as { url?: string }).url;
  if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  // CommonJS bundles (Electron main) have no import.meta: fall back to the entry script.
  return process.argv[1] ? dirname(resolve(process.argv[1])) : process.cwd();
}

/** Walks up from `start` to the directory whose package.json is named "lopsided". */
export function findPackageRoot(start: string = moduleDir()): string | null {
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'lopsided') return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** dist/pose-worker.js: beside the running bundle, else in <package root>/dist (vitest runs src). */
export function poseWorkerPath(): string {
  const candidates = [join(moduleDir(), 'pose-worker.js')];
  const root = findPackageRoot();
  if (root) candidates.push(join(root, 'dist', 'pose-worker.js'));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new PoseError('POSE_WORKER_MISSING', `the pose worker bundle is missing (looked for ${candidates.join(', ')}); run: npm run build`);
  }
  return found;
}
