// System programs the tests may use to go faster (Debian's chromium and poppler-utils, installed by .ci/run).
// Every test must also pass without them, on a machine that has nothing but Node: LOPSIDED_TEST_NO_SYSTEM_TOOLS=1
// hides them so CI proves that path too (issue 15).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const HIDE_SYSTEM_TOOLS_ENV = 'LOPSIDED_TEST_NO_SYSTEM_TOOLS';

export function systemToolsHidden(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[HIDE_SYSTEM_TOOLS_ENV] === '1';
}

/** Absolute path of an executable on PATH, or null (also null when system tools are hidden). */
export function findSystemTool(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (systemToolsHidden(env)) return null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: try the next PATH entry
    }
  }
  return null;
}
