// Step width and crossover from the rear view (issue 16; docs/references.md "Step width and crossover"): the
// lateral distance between the two feet's ankle centres at consecutive mid-stances, and whether a stance foot lands
// across the body's midline (the pelvis centre at that mid-stance). Brindle 2014: healthy runners' preferred step
// width about 6 cm; a crossover (negative width) narrows the base the way the step-width manipulations of
// Meardon 2012 / Meardon & Derrick 2014 did.
import { interpolateAt, median } from './seriesMath';
import type { PoseTrack, Side } from './types';

/** +1 when the runner's right is on the image right (camera behind the runner), −1 when facing the camera. */
export type RightwardSign = 1 | -1;

export interface StanceAtMid {
  side: Side;
  /** Mid-stance time of this stance, seconds; null when it has none (no toe-off). */
  midSec: number | null;
}

export interface FootPlacement {
  /** Right ankle minus left ankle along the runner's rightward axis, px: positive with the feet apart,
   *  negative when they cross. The other foot is read at its neighbouring mid-stances (mean of the one before and
   *  the one after), so a runner drifting sideways on the belt does not widen one side's steps. */
  widthPx: number;
  /** The stance ankle's distance outward from the pelvis centre at mid-stance, px; ≤ 0 is a crossover. */
  outwardOfMidlinePx: number;
}

function rightwardX(track: PoseTrack, name: string, t: number, sign: RightwardSign): number {
  const kp = track.keypoints[name];
  return kp ? sign * interpolateAt(track.timesSec, kp.x, t) : Number.NaN;
}

/** Median distance between the two hip keypoints over the clip, px: the body's own ruler when no scale is known. */
export function hipWidthPx(track: PoseTrack): number {
  const l = track.keypoints.left_hip; const r = track.keypoints.right_hip;
  if (!l || !r) return Number.NaN;
  return median(l.x.map((x, i) => Math.abs((r.x[i] as number) - x)).filter((d) => Number.isFinite(d) && d > 0));
}

/**
 * Step width of the step that ends on stance i and its offset from the midline; null where the stance or either
 * neighbouring stance of the other foot lacks a mid-stance. `ownMidSec` reads stance i at another time (the
 * timing bound of the width).
 */
export function footPlacementAt(track: PoseTrack, stances: readonly StanceAtMid[], i: number, sign: RightwardSign,
  ownMidSec: number | null = stances[i]?.midSec ?? null): FootPlacement | null {
  const s = stances[i];
  if (!s || ownMidSec === null) return null;
  const ankle = (side: Side, t: number): number => rightwardX(track, `${side}_ankle`, t, sign);
  const other: Side = s.side === 'left' ? 'right' : 'left';
  // only the immediate neighbours, and only when they are the other foot (a missed contact breaks alternation)
  const near = [stances[i - 1], stances[i + 1]]
    .filter((n): n is StanceAtMid & { midSec: number } => n !== undefined && n.side === other && n.midSec !== null)
    .map((n) => ankle(other, n.midSec))
    .filter(Number.isFinite);
  const own = ankle(s.side, ownMidSec);
  // both neighbours: with one alone, a runner drifting across the belt at 3 cm/s would widen or narrow the step by
  // about 1 cm (a step lasts ~0.35 s)
  if (near.length < 2 || !Number.isFinite(own)) return null;
  const otherX = near.reduce((a, b) => a + b, 0) / near.length;
  const widthPx = s.side === 'right' ? own - otherX : otherX - own;
  const mid = (rightwardX(track, 'left_hip', ownMidSec, sign) + rightwardX(track, 'right_hip', ownMidSec, sign)) / 2;
  const outwardOfMidlinePx = s.side === 'right' ? own - mid : mid - own;
  return { widthPx, outwardOfMidlinePx };
}

/** footPlacementAt for every stance (aligned with `stances`). */
export function footPlacements(track: PoseTrack, stances: readonly StanceAtMid[], sign: RightwardSign): (FootPlacement | null)[] {
  return stances.map((_, i) => footPlacementAt(track, stances, i, sign));
}
