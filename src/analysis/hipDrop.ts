// Contralateral pelvic drop from the rear view (docs/references.md "Hip drop from the rear view"; issue 6):
// the angle of the left–right pelvis line against the horizontal at each foot's mid-stance, positive when the
// swing side is lower, reported per stance side, corrected for camera roll against a stated reference.
import { interpolateAt, mean } from './seriesMath';
import type { PoseTrack, Side } from './types';

export type PelvisSource = 'pelvisMarks' | 'hipKeypoints';
export type RollReference = 'horizon' | 'imageLevel' | 'meanPelvisLine';

/**
 * An imported keypoint CSV has no scene to find a horizon in. Lab data are level by construction (RBDS: the
 * projected hip line's angle IS the truth), so its image horizontal is taken as level unless the mean pelvis line
 * leans more than this — beyond what running obliquity explains (RBDS runners: 0.5–2.1° mean): then a rolled camera
 * is likelier, and the mean line is the reference.
 */
export const IMAGE_LEVEL_MAX_TILT_DEG = 3;
/** Roll a camera taken as level may still have (per side; the left−right bias is twice it). */
export const ASSUMED_LEVEL_ROLL_DEG = 1;

export interface PelvisLine {
  source: PelvisSource;
  /** Per frame: angle of the pelvis line, degrees, positive when the runner's RIGHT side is lower in the image. */
  rightLowDeg: number[];
}

const MARKS = { left: 'left_pelvis_mark', right: 'right_pelvis_mark' } as const;

function presentFraction(track: PoseTrack, name: string): number {
  const kp = track.keypoints[name];
  if (!kp || track.timesSec.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < track.timesSec.length; i++) {
    if (Number.isFinite(kp.x[i]) && Number.isFinite(kp.y[i]) && !((kp.score[i] ?? 1) <= 0)) n++;
  }
  return n / track.timesSec.length;
}

/** Both image-tracked pelvis marks are present in at least half the frames (then they, not the hips, are the pelvis). */
export function pelvisMarksUsable(track: PoseTrack): boolean {
  return presentFraction(track, MARKS.left) >= 0.5 && presentFraction(track, MARKS.right) >= 0.5;
}

/**
 * The pelvis line per frame. Prefers the image-tracked pelvis marks (issue 6) when both are present in at least
 * half the frames; otherwise the pose-model hip keypoints, which under-report the drop (gain 0.06–0.12 measured on
 * rendered rear clips: fixtures/synthetic/README.md) — the caller must warn.
 */
export function pelvisLine(track: PoseTrack): PelvisLine {
  const useMarks = pelvisMarksUsable(track);
  const left = track.keypoints[useMarks ? MARKS.left : 'left_hip'];
  const right = track.keypoints[useMarks ? MARKS.right : 'right_hip'];
  const rightLowDeg = track.timesSec.map((_, i) => {
    const lx = left?.x[i] ?? Number.NaN; const ly = left?.y[i] ?? Number.NaN;
    const rx = right?.x[i] ?? Number.NaN; const ry = right?.y[i] ?? Number.NaN;
    const ok = [lx, ly, rx, ry].every(Number.isFinite) && !((left?.score[i] ?? 1) <= 0) && !((right?.score[i] ?? 1) <= 0);
    // |dx|: the same formula holds whichever way the runner faces (rear: right on image right; front: mirrored).
    return ok && rx !== lx ? (Math.atan2(ry - ly, Math.abs(rx - lx)) * 180) / Math.PI : Number.NaN;
  });
  return { source: useMarks ? 'pelvisMarks' : 'hipKeypoints', rightLowDeg };
}

export interface RollCorrection {
  reference: RollReference;
  /** Angle subtracted from the right-low pelvis line, degrees. */
  offsetDeg: number;
  /** Mean right-low angle of the pelvis line over the running part, degrees (without a horizon). */
  meanTiltDeg?: number;
}

/**
 * Camera roll adds one-to-one bias (docs/references.md). With a known image horizon (e.g. the treadmill deck edge,
 * issue 6) it is removed exactly. Without one, an imported track may take the image as level (imageLevelMaxTiltDeg,
 * see IMAGE_LEVEL_MAX_TILT_DEG); otherwise the mean pelvis line over the running part of the clip is taken as
 * level — which also removes any true standing obliquity and most of a real left/right difference in drop, so
 * the caller must not flag hip-drop asymmetry on that reference.
 * horizonDeg: image angle of a true horizontal, positive when its image-right end is lower (y down).
 */
export function rollCorrection(line: PelvisLine, track: PoseTrack, opts: {
  horizonDeg?: number; rightOnImageRight: boolean; fromSec?: number; toSec?: number;
  /** No horizon: take the image horizontal as level while the mean pelvis line leans no more than this (°). */
  imageLevelMaxTiltDeg?: number;
}): RollCorrection {
  if (opts.horizonDeg !== undefined && Number.isFinite(opts.horizonDeg)) {
    return { reference: 'horizon', offsetDeg: opts.rightOnImageRight ? opts.horizonDeg : -opts.horizonDeg };
  }
  const from = opts.fromSec ?? Number.NEGATIVE_INFINITY;
  const to = opts.toSec ?? Number.POSITIVE_INFINITY;
  const inRange = line.rightLowDeg.filter((_, i) => {
    const t = track.timesSec[i] as number;
    return t >= from && t <= to;
  });
  const offset = mean(inRange);
  const tilt = Number.isFinite(offset) ? offset : 0;
  if (opts.imageLevelMaxTiltDeg !== undefined && Math.abs(tilt) <= opts.imageLevelMaxTiltDeg) {
    return { reference: 'imageLevel', offsetDeg: 0, meanTiltDeg: tilt };
  }
  return { reference: 'meanPelvisLine', offsetDeg: tilt, meanTiltDeg: tilt };
}

/** Hip drop of one stance at its mid-stance time: positive when the swing (other) side is lower. */
export function hipDropAt(line: PelvisLine, track: PoseTrack, roll: RollCorrection, stanceSide: Side, midStanceSec: number): number {
  const rightLow = interpolateAt(track.timesSec, line.rightLowDeg, midStanceSec) - roll.offsetDeg;
  // Left stance: the swing side is the right, so "right lower" is a positive drop; right stance: the opposite.
  return stanceSide === 'left' ? rightLow : -rightLow;
}
