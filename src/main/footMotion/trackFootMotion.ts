// Side clips: each foot region's image motion (issue 11), measured in the pixel worker (dist/pelvis-worker.js) and
// added to the track as `footMotion`; analysis reads it as one more independent piece of timing evidence
// (src/analysis/gait/pixelStance.ts).
import { legLengthPx } from '../../analysis/gait/bodyGeometry';
import type { JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';
import type { FeetRunMessage } from '../pelvis/pelvisProtocol';
import { runPixelWorker } from '../pelvis/trackPelvis';

export interface FootMotionOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

/**
 * Decoded size: the runner's leg (hip to ankle) ~140 px. A shoe is then ~40 px long, enough texture for the match,
 * and the belt's ~0.1 leg lengths per frame at 30 fps is ~14 px, measured to ~0.1 px (1%); larger frames cost time
 * for nothing (tests/main/footMotion/blockMatch.test.ts: sub-pixel error on a patch of this size).
 */
const TARGET_LEG_PX = 140;

export function footMotionLongSide(info: VideoInfo, track: PoseTrack): number {
  const longSide = Math.max(info.width, info.height);
  const leg = legLengthPx(track);
  if (!(leg > 0)) return Math.min(longSide, 640);
  return Math.max(320, Math.min(longSide, Math.round((longSide * TARGET_LEG_PX) / leg)));
}

/** The track with `footMotion` added. Rejects with a PelvisError (code) or an AbortError. */
export async function trackFootMotion(info: VideoInfo, track: PoseTrack, opts: FootMotionOptions = {}): Promise<PoseTrack> {
  const message: FeetRunMessage = { type: 'feet', info, track, longSide: footMotionLongSide(info, track) };
  const total = track.timesSec.length;
  const footMotion = await runPixelWorker({ message, stage: 'feet', total, result: (m) => (m.type === 'feetDone' ? m.result : undefined) }, opts);
  opts.onProgress?.({ stage: 'feet', done: total, total });
  return { ...track, footMotion };
}
