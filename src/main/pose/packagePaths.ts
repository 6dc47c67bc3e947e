// Paths inside the installed package, valid from src (vitest, tsx) and from the bundles in dist/.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PoseError } from './poseErrors';

/**
 * Where to start looking for the package: the bundle's own directory in CommonJS bundles
 * (__dirname), the real path of the entry script (dist/cli.js, dist/bench.js, bin/lopsided.mjs
 * through an npx symlink, vitest inside node_modules), then the working directory. No
 * import.meta: the same source is also bundled as CommonJS for Electron.
 */
export function searchStarts(): string[] {
  const starts: string[] = [];
  if (typeof __dirname === 'string') starts.push(__dirname);
  if (process.argv[1]) {
    try {
      starts.push(dirname(realpathSync(process.argv[1])));
    } catch {
      starts.push(dirname(resolve(process.argv[1])));
    }
  }
  starts.push(process.cwd());
  return starts;
}

/** The directory of the running bundle (dist/ once built; the entry script's directory otherwise). */
export function moduleDir(): string {
  return searchStarts()[0] ?? process.cwd();
}

/** The nearest directory, walking up from each start in turn, whose package.json is named "lopsided". */
export function findPackageRoot(starts: string | string[] = searchStarts()): string | null {
  for (const start of typeof starts === 'string' ? [starts] : starts) {
    const root = walkUp(start);
    if (root) return root;
  }
  return null;
}

function walkUp(start: string): string | null {
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
