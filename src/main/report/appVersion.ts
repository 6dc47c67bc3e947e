// The app's name and version for the report header when the result does not carry them: read
// from the project's package.json, found by walking up from this module (src/ in tests, dist/ when built).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { name: string; version: string } | null = null;

export function ownAppVersion(): { name: string; version: string } {
  if (cached) return cached;
  cached = { name: 'Lopsided', version: 'unknown' };
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'lopsided' && typeof pkg.version === 'string') {
          cached = { name: 'Lopsided', version: pkg.version };
          break;
        }
      }
      dir = dirname(dir);
    }
  } catch {
    // No readable package.json (e.g. an unusual bundle): the header says "unknown".
  }
  return cached;
}
