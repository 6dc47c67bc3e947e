// In a packaged app (electron-builder.yml) the models are in resources/models and the ffmpeg/ffprobe
// binaries in app.asar.unpacked: tell the video and pose stations through their documented env variables.
import { join } from 'node:path';

export interface PackagedInput {
  isPackaged: boolean;
  resourcesPath: string;
  env: NodeJS.ProcessEnv;
  /** Paths the installer packages report (inside app.asar when packaged), or null when absent. */
  ffmpegPath: string | null;
  ffprobePath: string | null;
}

/** The env additions for a packaged app; values already set by the user win. */
export function packagedEnv(p: PackagedInput): Record<string, string> {
  if (!p.isPackaged) return {};
  const out: Record<string, string> = {};
  const unpacked = (path: string) => path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  if (p.env.LOPSIDED_MODELS_DIR === undefined) out.LOPSIDED_MODELS_DIR = join(p.resourcesPath, 'models');
  if (p.env.LOPSIDED_FFMPEG === undefined && p.ffmpegPath !== null) out.LOPSIDED_FFMPEG = unpacked(p.ffmpegPath);
  if (p.env.LOPSIDED_FFPROBE === undefined && p.ffprobePath !== null) out.LOPSIDED_FFPROBE = unpacked(p.ffprobePath);
  return out;
}
