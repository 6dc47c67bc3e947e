// PLACEHOLDER signature (owned by the video station, issue 2): replaced by the real decoder.
import type { JobProgress, RgbFrame, VideoInfo } from '../../shared/contract';

export interface DecodeOptions {
  /** Long side of decoded frames in pixels (ffmpeg scales); default 640. */
  longSide?: number;
  /** Decode only [startSec, endSec) of presentation time. */
  startSec?: number;
  endSec?: number;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

// eslint-disable-next-line require-yield
export async function* decodeFrames(_info: VideoInfo, _opts: DecodeOptions = {}): AsyncGenerator<RgbFrame> {
  throw new Error('decodeFrames: not implemented yet');
}
