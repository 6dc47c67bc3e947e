// A fixture clip re-encoded through an ffmpeg filter (x264), for checks on clips made from the fixtures rather than
// stored: the demo mirrored (mirroredDemo.ts), the rendered clip rolled (sceneVertical.ts).
import { existsSync } from 'node:fs';
import { resolveFfmpeg } from '../../src/main/video/resolveFfmpeg';
import { runFfmpeg } from '../../src/main/video/runFfmpeg';

export interface FilteredClipOptions {
  /** x264 quality (lower is closer to the source). */
  crf: number;
  /** Only the first this many seconds. */
  endSec?: number;
  /** Further output options, e.g. ['-an'] or ['-pix_fmt', 'yuv420p']. */
  extra?: readonly string[];
}

/** Writes `src` through the video filter `vf` to `out`; rejects naming what failed. */
export async function filteredClip(src: string, out: string, vf: string, opts: FilteredClipOptions): Promise<string> {
  const { ffmpeg } = await resolveFfmpeg();
  const run = runFfmpeg(ffmpeg.path, [
    '-loglevel', 'error', '-y', '-i', src, ...(opts.endSec !== undefined ? ['-t', String(opts.endSec)] : []),
    '-vf', vf, '-c:v', 'libx264', '-crf', String(opts.crf), ...(opts.extra ?? []), out,
  ]);
  const { code } = await run.closed;
  if (code !== 0 || !existsSync(out)) throw new Error(`ffmpeg could not make ${out} from ${src} with "${vf}" (exit ${code})`);
  return out;
}
