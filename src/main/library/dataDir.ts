// Where jobs live on disk (issue 4: "kept on disk until deleted"). LOPSIDED_DATA_DIR wins so tests,
// CI and a clinic's shared drive can choose; otherwise the per-user app data folder of each OS.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const explicit = env.LOPSIDED_DATA_DIR;
  if (explicit !== undefined && explicit.trim() !== '') return explicit;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lopsided');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lopsided');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.local', 'share'), 'lopsided');
}
