// Left/right leg-label repair (issue 3; docs/references.md "Left/right identity": pose models swap the legs' labels
// between frames, most of all in side views where the legs cross). Per frame we decide "labels kept" or "labels
// swapped" for the lower-limb points, by a Viterbi search that scores each choice by how well every point
// continues its own trajectory at constant velocity (second order: the stance foot moves back with the belt while
// the swing foot moves forward, so even where the legs cross their velocities tell them apart). A small cost per
// swapped frame keeps the model's own labels wherever continuity cannot decide.
import { withSwappedFootMotion } from './footMotionLabels';
import type { KeypointSeries, PoseTrack } from './types';

export const LEG_POINTS = ['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const;
// The hips are not used to decide (in a side view they overlap) but are swapped with the legs they belong to.
const DECIDING_POINTS = ['knee', 'ankle', 'heel', 'foot_index'] as const;

export interface RepairOptions {
  /** Scale of the body in px (leg length); costs are measured in leg lengths so any camera distance works. */
  scalePx: number;
  /** Cost of calling a frame swapped, in leg lengths of trajectory error (default 0.04). */
  swapCost?: number;
  /** Largest error one point may add per frame, in leg lengths (one wild point must not decide). */
  capPerPoint?: number;
}

export interface RepairResult { track: PoseTrack; swappedFrames: number; swapped: boolean[] }

export function repairLeftRight(track: PoseTrack, opts: RepairOptions): RepairResult {
  const n = track.timesSec.length;
  const scale = opts.scalePx > 0 ? opts.scalePx : 1;
  const swapCost = opts.swapCost ?? 0.04;
  const cap = opts.capPerPoint ?? 0.3;
  const pairs = DECIDING_POINTS.map((p) => [track.keypoints[`left_${p}`], track.keypoints[`right_${p}`]] as const)
    .filter(([l, r]) => l !== undefined && r !== undefined);
  const swapped = new Array<boolean>(n).fill(false);
  if (n < 3 || pairs.length === 0) return { track, swappedFrames: 0, swapped };

  // Flat copies of the deciding points: xs[pair][leg][frame] (leg 0 = labelled left).
  const xs = pairs.map(([l, r]) => [l?.x ?? [], r?.x ?? []] as const);
  const ys = pairs.map(([l, r]) => [l?.y ?? [], r?.y ?? []] as const);
  const stepCost = (a: number, b: number, c: number, i: number): number => {
    // States a, b, c at frames i−2, i−1, i; the point state s assigns to leg `leg` is labelled leg ^ s.
    let cost = 0;
    for (let p = 0; p < pairs.length; p++) {
      const px = xs[p] as readonly [number[], number[]];
      const py = ys[p] as readonly [number[], number[]];
      for (let leg = 0; leg < 2; leg++) {
        const x0 = px[(leg ^ a) as 0 | 1][i - 2] as number;
        const y0 = py[(leg ^ a) as 0 | 1][i - 2] as number;
        const x1 = px[(leg ^ b) as 0 | 1][i - 1] as number;
        const y1 = py[(leg ^ b) as 0 | 1][i - 1] as number;
        const x2 = px[(leg ^ c) as 0 | 1][i] as number;
        const y2 = py[(leg ^ c) as 0 | 1][i] as number;
        let ex = 2 * x1 - x0;
        let ey = 2 * y1 - y0;
        if (!Number.isFinite(ex) || !Number.isFinite(ey)) { ex = x1; ey = y1; } // first order when i−2 is missing
        const d = Math.hypot(x2 - ex, y2 - ey) / scale;
        if (Number.isFinite(d)) cost += Math.min(d, cap);
      }
    }
    return cost + (c === 1 ? swapCost : 0);
  };

  // Composite state k = 2 × state(i−1) + state(i).
  let dp = [0, swapCost, swapCost, 2 * swapCost];
  const back: Int8Array[] = [];
  for (let i = 2; i < n; i++) {
    const next = [Infinity, Infinity, Infinity, Infinity];
    const from = new Int8Array(4);
    for (let k = 0; k < 4; k++) {
      const a = k >> 1;
      const b = k & 1;
      for (const c of [0, 1]) {
        const v = (dp[k] as number) + stepCost(a, b, c, i);
        const nk = b * 2 + c;
        if (v < (next[nk] as number)) { next[nk] = v; from[nk] = k; }
      }
    }
    dp = next;
    back.push(from);
  }
  let k = dp.indexOf(Math.min(...dp));
  for (let i = n - 1; i >= 2; i--) {
    swapped[i] = (k & 1) === 1;
    swapped[i - 1] = (k >> 1) === 1;
    k = (back[i - 2] as Int8Array)[k] as number;
  }
  swapped[0] = (k >> 1) === 1;

  const keypoints: Record<string, KeypointSeries> = { ...track.keypoints };
  for (const p of LEG_POINTS) {
    const l = track.keypoints[`left_${p}`];
    const r = track.keypoints[`right_${p}`];
    if (!l || !r) continue;
    const pick = (side: 0 | 1, axis: keyof KeypointSeries): number[] =>
      swapped.map((s, i) => ((s ? 1 - side : side) === 0 ? l : r)[axis][i] as number);
    keypoints[`left_${p}`] = { x: pick(0, 'x'), y: pick(0, 'y'), score: pick(0, 'score') };
    keypoints[`right_${p}`] = { x: pick(1, 'x'), y: pick(1, 'y'), score: pick(1, 'score') };
  }
  return { track: withSwappedFootMotion({ ...track, keypoints }, (i) => swapped[i] === true), swappedFrames: swapped.filter(Boolean).length, swapped };
}

/** The whole track with every leg point's left and right labels exchanged (a model wrong for the whole clip). */
export function swapLegs(track: PoseTrack): PoseTrack {
  const keypoints: Record<string, KeypointSeries> = { ...track.keypoints };
  for (const p of LEG_POINTS) {
    const l = track.keypoints[`left_${p}`];
    const r = track.keypoints[`right_${p}`];
    if (l && r) { keypoints[`left_${p}`] = r; keypoints[`right_${p}`] = l; }
  }
  return withSwappedFootMotion({ ...track, keypoints }, () => true);
}
