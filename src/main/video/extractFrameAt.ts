// One displayed frame at a given time, for the report's key frames (issue 5).
import type { RgbFrame, VideoInfo } from '../../shared/contract';
import { decodeFrames } from './decodeFrames';
import { VideoError } from './videoErrors';

export interface ExtractFrameOptions {
  longSide?: number;
  signal?: AbortSignal;
}

/**
 * The frame shown at `timeSec` (seconds from the first frame): the last frame
 * whose presentation time is ≤ timeSec, found by decoding a short window
 * around it (same timeline and indices as decodeFrames).
 */
export async function extractFrameAt(info: VideoInfo, timeSec: number, opts: ExtractFrameOptions = {}): Promise<RgbFrame> {
  if (!Number.isFinite(timeSec) || timeSec < 0) throw new VideoError('DECODE_FAILED', `No frame at ${timeSec} s in ${info.path}.`);
  // Look back one second: with VFR the frame on screen at timeSec may have started well before it.
  const startSec = Math.max(0, timeSec - 1);
  let best: RgbFrame | null = null;
  for await (const f of decodeFrames(info, {
    startSec,
    endSec: timeSec + 1e-3,
    ...(opts.longSide !== undefined ? { longSide: opts.longSide } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  })) {
    best = f;
  }
  if (!best) throw new VideoError('DECODE_FAILED', `No frame at ${timeSec.toFixed(3)} s in ${info.path} (the video lasts ${info.durationSec.toFixed(2)} s).`);
  return best;
}
