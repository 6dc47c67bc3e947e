// Name and version of the app as written into report.json (`app`) and the sidecar JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../pose/packagePaths';

let cached: { name: string; version: string } | null = null;

export function appInfo(): { name: string; version: string } {
  if (cached) return cached;
  cached = { name: 'Lopsided', version: '0.0.0' };
  const root = findPackageRoot();
  if (root) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
      if (pkg.version) cached = { name: 'Lopsided', version: pkg.version };
    } catch {
      // keep the default: a missing version never stops an analysis
    }
  }
  return cached;
}
