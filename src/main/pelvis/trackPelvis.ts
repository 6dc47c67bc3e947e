// Rear-view pelvis marks (issue 6): runs the tracker in a worker thread and adds `left_pelvis_mark` /
// `right_pelvis_mark` (displayed-video pixels, score = per-frame confidence 0..1) and `pelvisTracking` (method,
// zero reference, scene horizon for the camera-roll correction) to the track.
import type { JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';
import type { PelvisRunMessage } from '../pixels/pixelProtocol';
import { runPixelWorker } from '../pixels/runPixelWorker';
import { hipFrames, medianHipWidth } from './hipSeries';
import { PelvisError } from './pelvisErrors';
import type { PelvisRunResult } from './runPelvisTracking';

export interface PelvisOptions {
  /** 'auto': tape marks when found near the hips, else the pelvis region seeded by the hips. Explicit seeds
   *  (displayed-video pixels, e.g. CLI `--pelvis-marks x1,y1,x2,y2` or dragged in the UI) override. */
  marks: 'auto' | { left: { x: number; y: number }; right: { x: number; y: number } };
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** Decode long side; default: the size that gives ~80 px between the hips, at most the video's own. */
  longSide?: number;
}

/** The pelvis needs ~60–90 px between the hips for 0.5° (a 1° tilt moves one side by 1.4 px at 80 px). */
const TARGET_HIP_WIDTH_PX = 80;

export function chooseLongSide(info: VideoInfo, track: PoseTrack): number {
  const longSide = Math.max(info.width, info.height);
  const hipW = medianHipWidth(hipFrames(track));
  if (!(hipW > 0)) return longSide;
  return Math.max(320, Math.min(longSide, Math.round((longSide * TARGET_HIP_WIDTH_PX) / hipW)));
}

function validSeeds(m: PelvisOptions['marks'], info: VideoInfo): void {
  if (m === 'auto') return;
  const pts = [m.left, m.right];
  if (!pts.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x >= 0 && p.y >= 0 && p.x < info.width && p.y < info.height)) {
    throw new PelvisError('PELVIS_BAD_SEEDS', `Pelvis marks must lie inside the ${info.width}x${info.height} video.`);
  }
  if (Math.hypot(m.right.x - m.left.x, m.right.y - m.left.y) < 8) {
    throw new PelvisError('PELVIS_BAD_SEEDS', 'The two pelvis marks are too close together to track a line between them.');
  }
}

/** Runs the tracker in the pixel worker. Rejects with a PelvisError (bad seeds), a PixelWorkerError (code) or an AbortError. */
export function runPelvisWorker(info: VideoInfo, track: PoseTrack, opts: PelvisOptions): Promise<PelvisRunResult> {
  validSeeds(opts.marks, info);
  const message: PelvisRunMessage = { type: 'run', info, track, marks: opts.marks, longSide: opts.longSide ?? chooseLongSide(info, track) };
  return runPixelWorker({ message, stage: 'pelvis', total: track.timesSec.length, result: (m) => (m.type === 'done' ? m.result : undefined) }, opts);
}

/** Returns the track with `left_pelvis_mark` / `right_pelvis_mark` series and `pelvisTracking` added (rear view). */
export async function trackPelvis(info: VideoInfo, track: PoseTrack, opts: PelvisOptions): Promise<PoseTrack> {
  const r = await runPelvisWorker(info, track, opts);
  opts.onProgress?.({ stage: 'pelvis', done: track.timesSec.length, total: track.timesSec.length });
  return {
    ...track,
    keypoints: { ...track.keypoints, left_pelvis_mark: r.left, right_pelvis_mark: r.right },
    pelvisTracking: r.info,
  };
}
