// The pose of one PoseTrack frame and the bones to draw over a key frame (issue 5).
import type { PoseTrack, Side } from '../../shared/contract';

export interface PosePoint {
  x: number;
  y: number;
  score: number;
}

export interface PoseAtTime {
  frameIndex: number;
  /** The track frame's own presentation time (the key frame is decoded at exactly this time). */
  timeSec: number;
  points: Record<string, PosePoint>;
}

/** Below this BlazePose visibility a joint is too unsure to draw. */
export const MIN_DRAW_SCORE = 0.3;

/** Index of the frame whose time is nearest to timeSec (times strictly increasing). */
export function nearestFrameIndex(timesSec: readonly number[], timeSec: number): number {
  if (timesSec.length === 0) return -1;
  let lo = 0;
  let hi = timesSec.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((timesSec[mid] ?? 0) <= timeSec) lo = mid;
    else hi = mid;
  }
  const dLo = Math.abs((timesSec[lo] ?? Infinity) - timeSec);
  const dHi = Math.abs((timesSec[hi] ?? Infinity) - timeSec);
  return dHi < dLo ? hi : lo;
}

export function poseAtTime(track: PoseTrack, timeSec: number): PoseAtTime | null {
  const i = nearestFrameIndex(track.timesSec, timeSec);
  if (i < 0) return null;
  const points: Record<string, PosePoint> = {};
  for (const [name, s] of Object.entries(track.keypoints)) {
    const x = s.x[i] ?? Number.NaN;
    const y = s.y[i] ?? Number.NaN;
    // Tracks from lab CSVs may carry no score column meaning "certain": treat NaN score as 1.
    const rawScore = s.score[i];
    const score = rawScore === undefined || Number.isNaN(rawScore) ? 1 : rawScore;
    if (Number.isFinite(x) && Number.isFinite(y)) points[name] = { x, y, score };
  }
  return { frameIndex: i, timeSec: track.timesSec[i] ?? timeSec, points };
}

export function drawablePoint(pose: PoseAtTime, name: string): PosePoint | null {
  const p = pose.points[name];
  return p && p.score >= MIN_DRAW_SCORE ? p : null;
}

export interface Bone {
  from: string;
  to: string;
  /** The body side the bone belongs to; null for the trunk and head. */
  side: Side | null;
}

function limb(side: Side, names: string[]): Bone[] {
  const bones: Bone[] = [];
  for (let i = 0; i + 1 < names.length; i++) bones.push({ from: `${side}_${names[i]}`, to: `${side}_${names[i + 1]}`, side });
  return bones;
}

/** BlazePose bones worth showing to a physio: legs with the foot triangle, arms, trunk. */
export const BONES: readonly Bone[] = [
  ...(['left', 'right'] as const).flatMap((side) => [
    ...limb(side, ['hip', 'knee', 'ankle', 'heel', 'foot_index']),
    { from: `${side}_ankle`, to: `${side}_foot_index`, side },
    ...limb(side, ['shoulder', 'elbow', 'wrist']),
    { from: `${side}_shoulder`, to: `${side}_hip`, side },
  ]),
  { from: 'left_shoulder', to: 'right_shoulder', side: null },
  { from: 'left_hip', to: 'right_hip', side: null },
];

export const JOINTS_TO_MARK = ['hip', 'knee', 'ankle', 'heel', 'foot_index', 'shoulder', 'elbow', 'wrist'] as const;

/** Bounding box (display pixels) of the drawable joints, or null when fewer than 3. */
export function poseBounds(pose: PoseAtTime): { minX: number; minY: number; maxX: number; maxY: number } | null {
  const pts = Object.values(pose.points).filter((p) => p.score >= MIN_DRAW_SCORE);
  if (pts.length < 3) return null;
  return {
    minX: Math.min(...pts.map((p) => p.x)),
    minY: Math.min(...pts.map((p) => p.y)),
    maxX: Math.max(...pts.map((p) => p.x)),
    maxY: Math.max(...pts.map((p) => p.y)),
  };
}
