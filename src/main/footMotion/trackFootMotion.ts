// Side clips: each foot region's image motion (issue 11), measured in the pixel worker (dist/pixel-worker.js) and
// added to the track as `footMotion`; analysis reads it as one more independent piece of timing evidence
// (src/analysis/gait/pixelStance.ts).
import { legLengthPx } from '../../analysis/gait/bodyGeometry';
import type { JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';
import type { FeetRunMessage } from '../pixels/pixelProtocol';
import { runPixelWorker } from '../pixels/runPixelWorker';

export interface FootMotionOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

/**
 * Decoded size: the runner's leg (hip to ankle) ~100 px. A shoe is then ~30 px long and each patch ~18 × 14 px,
 * enough texture for the match, and the belt's ~0.1 leg lengths per frame at 30 fps is ~10 px, measured to ~0.2 px
 * (tests/main/footMotion: ≤ 0.25 px on painted frames). At 140 px the pixel stance was no closer to the truth (`npm
 * run validate`, "Foot pixels": the largest per-foot median error 38 ms either way) for twice the cost (demo clip:
 * 6.5 vs 2.3 ms of matching per frame, decoding 655 vs 468 px).
 */
const TARGET_LEG_PX = 100;

export function footMotionLongSide(info: VideoInfo, track: PoseTrack): number {
  const longSide = Math.max(info.width, info.height);
  const leg = legLengthPx(track);
  if (!(leg > 0)) return Math.min(longSide, 640);
  return Math.max(320, Math.min(longSide, Math.round((longSide * TARGET_LEG_PX) / leg)));
}

/** The track with `footMotion` added. Rejects with a PixelWorkerError (code) or an AbortError. */
export async function trackFootMotion(info: VideoInfo, track: PoseTrack, opts: FootMotionOptions = {}): Promise<PoseTrack> {
  const message: FeetRunMessage = { type: 'feet', info, track, longSide: footMotionLongSide(info, track) };
  const total = track.timesSec.length;
  const footMotion = await runPixelWorker({ message, stage: 'feet', total, result: (m) => (m.type === 'feetDone' ? m.result : undefined) }, opts);
  opts.onProgress?.({ stage: 'feet', done: total, total });
  return { ...track, footMotion };
}
