// The app's name and version for the report header when the result does not carry them: read
// from the project's package.json, found by walking up from this module (src/ in tests, dist/ when built).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { name: string; version: string } | null = null;

function startDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // import.meta.url is undefined in the Electron (CommonJS) bundle.
  }
  if (typeof __dirname === 'string') dirs.push(__dirname);
  dirs.push(process.cwd());
  return dirs;
}

function findVersion(start: string): string | null {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'lopsided' && typeof pkg.version === 'string') return pkg.version;
    }
    dir = dirname(dir);
  }
  return null;
}

export function ownAppVersion(): { name: string; version: string } {
  if (cached) return cached;
  let version = 'unknown';
  for (const dir of startDirs()) {
    try {
      const found = findVersion(dir);
      if (found) {
        version = found;
        break;
      }
    } catch {
      // An unreadable package.json: try the next place; the header says "unknown" at worst.
    }
  }
  cached = { name: 'Lopsided', version };
  return cached;
}
