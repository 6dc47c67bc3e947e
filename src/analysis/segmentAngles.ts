// Side-view segment angles against the world's vertical and horizontal as the clip shows them (issue 16, "Which side
// works harder"): the scene's vertical edges, else the belt's slant (computeMetrics.ts chooses).
// One sign convention throughout: an inclination is positive when the segment's lower end (knee, elbow) or upper end
// (shoulders, for the trunk) lies AHEAD of the other in the direction of travel.
import { pointAt, type Point } from './jointAngles';
import type { PoseTrack, Side } from './types';

const DEG = 180 / Math.PI;

/**
 * Angle of the image vector from → to, measured from the world's "down" direction towards the direction of travel.
 * verticalDeg is the world vertical's tilt in the image, positive for a clockwise camera roll (the scene's verticals'
 * top leaning to image-right, a belt running down to the image right): the world's down is the image down turned by it.
 */
export function inclinationFromDownDeg(from: Point, to: Point, forwardSign: 1 | -1, verticalDeg = 0): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y; // y grows downwards
  if (dx === 0 && dy === 0) return Number.NaN;
  return forwardSign * (Math.atan2(dx, dy) * DEG + verticalDeg);
}

/**
 * Shank (knee → ankle) inclination, positive when the ankle is ahead of the knee in the direction of travel: the
 * "tibia angle at initial contact" overstride measure of the 2D framework of Souza 2016 (docs/references.md).
 */
export function shankInclinationDeg(track: PoseTrack, side: Side, t: number, forwardSign: 1 | -1, verticalDeg = 0): number {
  const knee = pointAt(track, `${side}_knee`, t);
  const ankle = pointAt(track, `${side}_ankle`, t);
  return knee && ankle ? inclinationFromDownDeg(knee, ankle, forwardSign, verticalDeg) : Number.NaN;
}

/** Thigh (hip → knee) inclination: positive with the knee ahead of the hip (knee drive), negative behind (hip extension). */
export function thighInclinationDeg(track: PoseTrack, side: Side, t: number, forwardSign: 1 | -1, verticalDeg = 0): number {
  const hip = pointAt(track, `${side}_hip`, t);
  const knee = pointAt(track, `${side}_knee`, t);
  return hip && knee ? inclinationFromDownDeg(hip, knee, forwardSign, verticalDeg) : Number.NaN;
}

/** Upper arm (shoulder → elbow) inclination: positive with the elbow ahead of the shoulder. */
export function upperArmInclinationDeg(track: PoseTrack, side: Side, t: number, forwardSign: 1 | -1, verticalDeg = 0): number {
  const shoulder = pointAt(track, `${side}_shoulder`, t);
  const elbow = pointAt(track, `${side}_elbow`, t);
  return shoulder && elbow ? inclinationFromDownDeg(shoulder, elbow, forwardSign, verticalDeg) : Number.NaN;
}

/**
 * Heel → toe line against the horizontal, positive with the toe up. Only differences of it are reported (strike
 * minus foot-flat mid-stance, Altman & Davis 2012), so the belt's slant and the pose model's choice of toe point
 * (BlazePose marks the toe tip, the RBDS foot_index the ball of the foot) cancel as long as the foot is rigid.
 */
export function footAngleDeg(track: PoseTrack, side: Side, t: number, forwardSign: 1 | -1): number {
  const heel = pointAt(track, `${side}_heel`, t);
  const toe = pointAt(track, `${side}_foot_index`, t);
  if (!heel || !toe) return Number.NaN;
  const ahead = forwardSign * (toe.x - heel.x);
  const up = heel.y - toe.y;
  return ahead === 0 && up === 0 ? Number.NaN : Math.atan2(up, ahead) * DEG;
}

/** Midpoint of the named left/right pair's points seen at t (one alone when the other is missing). */
function midpointAt(track: PoseTrack, joint: string, t: number, seen: (side: Side) => boolean): Point | null {
  const pts = (['left', 'right'] as const).filter(seen).map((s) => pointAt(track, `${s}_${joint}`, t)).filter((p): p is Point => p !== null);
  if (pts.length === 0) return null;
  return { x: pts.reduce((a, p) => a + p.x, 0) / pts.length, y: pts.reduce((a, p) => a + p.y, 0) / pts.length };
}

/**
 * Trunk lean: the mid-hip → mid-shoulder line against the belt's vertical, positive leaning forward. From the side
 * both shoulders (and both hips) fall on about the same image line, so either one seen places the trunk.
 * `seen(joint, side)` says which points the pose model saw at that moment.
 */
export function trunkLeanDeg(track: PoseTrack, t: number, forwardSign: 1 | -1, verticalDeg = 0,
  seen: (joint: 'hip' | 'shoulder', side: Side) => boolean = () => true): number {
  const hip = midpointAt(track, 'hip', t, (s) => seen('hip', s));
  const shoulder = midpointAt(track, 'shoulder', t, (s) => seen('shoulder', s));
  if (!hip || !shoulder) return Number.NaN;
  // the line hip → shoulder points up: its lean forward is the angle from the up direction, i.e. from down to the
  // reversed vector shoulder → hip, negated
  return -inclinationFromDownDeg(shoulder, hip, forwardSign, verticalDeg);
}
