// Left/right leg-label repair (issue 3; references.md "Left/right identity": pose models swap the legs' labels
// between frames, most of all in side views where the legs cross). Per frame we decide "labels kept" or "labels
// swapped" for the lower-limb points, by a Viterbi search that scores each choice by how well every point
// continues its own trajectory at constant velocity (second order: the stance foot moves back with the belt while
// the swing foot moves forward, so even where the legs cross their velocities tell them apart). A small cost per
// swapped frame keeps the model's own labels wherever continuity cannot decide.
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

type XY = [number, number];

function pos(kp: KeypointSeries | undefined, i: number): XY {
  return kp ? [kp.x[i] ?? Number.NaN, kp.y[i] ?? Number.NaN] : [Number.NaN, Number.NaN];
}

export function repairLeftRight(track: PoseTrack, opts: RepairOptions): RepairResult {
  const n = track.timesSec.length;
  const scale = opts.scalePx > 0 ? opts.scalePx : 1;
  const swapCost = opts.swapCost ?? 0.04;
  const cap = opts.capPerPoint ?? 0.3;
  const pairs = DECIDING_POINTS.map((p) => [track.keypoints[`left_${p}`], track.keypoints[`right_${p}`]] as const)
    .filter(([l, r]) => l !== undefined && r !== undefined);
  const swapped = new Array<boolean>(n).fill(false);
  if (n < 3 || pairs.length === 0) return { track, swappedFrames: 0, swapped };

  // Position of the point that state s assigns to `left` (leg 0) or `right` (leg 1) at frame i.
  const at = (pair: (typeof pairs)[number], leg: 0 | 1, s: number, i: number): XY => pos(pair[(leg ^ s) as 0 | 1], i);
  const stepCost = (a: number, b: number, c: number, i: number): number => {
    // States a, b, c at frames i−2, i−1, i.
    let cost = 0;
    for (const pair of pairs) {
      for (const leg of [0, 1] as const) {
        const p0 = at(pair, leg, a, i - 2);
        const p1 = at(pair, leg, b, i - 1);
        const p2 = at(pair, leg, c, i);
        let px = 2 * p1[0] - p0[0];
        let py = 2 * p1[1] - p0[1];
        if (!Number.isFinite(px) || !Number.isFinite(py)) { px = p1[0]; py = p1[1]; } // first order when i−2 is missing
        const d = Math.hypot(p2[0] - px, p2[1] - py) / scale;
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
  return { track: { ...track, keypoints }, swappedFrames: swapped.filter(Boolean).length, swapped };
}

/** The whole track with every leg point's left and right labels exchanged (a model wrong for the whole clip). */
export function swapLegs(track: PoseTrack): PoseTrack {
  const keypoints: Record<string, KeypointSeries> = { ...track.keypoints };
  for (const p of LEG_POINTS) {
    const l = track.keypoints[`left_${p}`];
    const r = track.keypoints[`right_${p}`];
    if (l && r) { keypoints[`left_${p}`] = r; keypoints[`right_${p}`] = l; }
  }
  return { ...track, keypoints };
}
