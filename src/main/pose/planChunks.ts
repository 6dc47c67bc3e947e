// Splits a clip into contiguous time chunks, one per worker (issue 2: BlazePose tracks its
// region of interest from frame to frame, so each worker gets consecutive frames, not every Nth).

export interface TimeChunk {
  startSec: number;
  /** Infinity for the last chunk. */
  endSec: number;
}

/** Below this many frames per chunk a worker spends more time starting than estimating. */
export const MIN_FRAMES_PER_CHUNK = 45;

/**
 * Chunk boundaries fall half a frame before a frame's nominal time, so rounding in the
 * decoder's timestamps can never put a frame on the wrong side (or on both sides).
 */
export function planChunks(frameCount: number, fps: number, workers: number): TimeChunk[] {
  const n = Math.max(1, Math.min(Math.floor(workers), Math.floor(frameCount / MIN_FRAMES_PER_CHUNK)));
  if (!Number.isFinite(fps) || fps <= 0 || n <= 1) return [{ startSec: 0, endSec: Infinity }];
  const bounds: number[] = [0];
  for (let k = 1; k < n; k++) bounds.push((Math.round((k * frameCount) / n) - 0.5) / fps);
  bounds.push(Infinity);
  return bounds.slice(0, -1).map((startSec, k) => ({ startSec, endSec: bounds[k + 1] ?? Infinity }));
}
