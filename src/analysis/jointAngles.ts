// 2D joint angles read from a PoseTrack at sub-frame times (side view).
import { interpolateAt } from './seriesMath';
import type { PoseTrack, Side } from './types';

export interface Point { x: number; y: number }

/** A keypoint's position at time t, linearly interpolated between frames; null when missing. */
export function pointAt(track: PoseTrack, name: string, t: number): Point | null {
  const kp = track.keypoints[name];
  if (!kp) return null;
  const x = interpolateAt(track.timesSec, kp.x, t);
  const y = interpolateAt(track.timesSec, kp.y, t);
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

/** Interior angle at b of the segments b→a and b→c, degrees (0..180). */
export function interiorAngleDeg(a: Point, b: Point, c: Point): number {
  const ux = a.x - b.x; const uy = a.y - b.y;
  const vx = c.x - b.x; const vy = c.y - b.y;
  const nu = Math.hypot(ux, uy); const nv = Math.hypot(vx, vy);
  if (nu === 0 || nv === 0) return Number.NaN;
  const cos = Math.max(-1, Math.min(1, (ux * vx + uy * vy) / (nu * nv)));
  return (Math.acos(cos) * 180) / Math.PI;
}

/**
 * Knee flexion = 180° − the hip-knee-ankle angle (0 = straight leg), the 2D sagittal measure of Bramah 2018 /
 * Damsted (docs/references.md: knee flexion at initial contact). The points are interpolated to the sub-frame time.
 */
export function kneeFlexionDeg(track: PoseTrack, side: Side, t: number): number {
  const hip = pointAt(track, `${side}_hip`, t);
  const knee = pointAt(track, `${side}_knee`, t);
  const ankle = pointAt(track, `${side}_ankle`, t);
  if (!hip || !knee || !ankle) return Number.NaN;
  return 180 - interiorAngleDeg(hip, knee, ankle);
}

