// The Chromium the browser tests drive: Debian's when installed (fast start), else the headless build shipped
// inside the @sparticuz/chromium npm package, so `npm install && npm test` needs nothing but Node. A browser
// that cannot be found or started fails the test that needs it; it never turns into a skip.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findSystemTool } from './systemTools';

export interface ChromiumBinary {
  path: string;
  source: 'system' | 'npm package';
}

let unpacking: Promise<string> | null = null;

export async function findChromium(): Promise<ChromiumBinary> {
  const system = findSystemTool('chromium');
  if (system !== null) return { path: system, source: 'system' };
  unpacking ??= unpackPackagedChromium();
  return { path: await unpacking, source: 'npm package' };
}

/**
 * The package unpacks its brotli archives into os.tmpdir(), which on a shared machine is a shared /tmp/chromium
 * of whatever version was there first. Unpack into a folder of our own, keyed by the package version, built under
 * a private name and renamed into place so two test files unpacking at once never see half a browser.
 */
async function unpackPackagedChromium(): Promise<string> {
  // the package exports only its entry (build/index.js): its folder is two levels up
  const pkgDir = dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')));
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const cacheRoot = join(dirname(dirname(pkgDir)), '.cache', 'lopsided-chromium');
  const ready = join(cacheRoot, version);
  if (existsSync(join(ready, 'chromium'))) return join(ready, 'chromium');

  const staging = join(cacheRoot, `.${version}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const savedTmp = process.env.TMPDIR;
  try {
    process.env.TMPDIR = staging; // the package reads os.tmpdir() for where to unpack
    const { default: Chromium } = await import('@sparticuz/chromium');
    await Chromium.executablePath(join(pkgDir, 'bin'));
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  try {
    renameSync(staging, ready);
  } catch (err) {
    // another test file finished first: use its copy
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(ready, 'chromium'))) throw err;
  }
  return join(ready, 'chromium');
}
