// How closely two pose runs on the same frames agree (issue 12: the ONNX landmark stage must give
// the TF.js path's keypoints, median ≤ 0.5 px per joint). Pure; used by the equality test and
// scripts/compare-pose-runtimes.ts.
import type { PoseFrame } from '../../shared/contract';

export interface JointAgreement {
  name: string;
  /** Frames where both runs have the joint. */
  frames: number;
  medianPx: number;
  p95Px: number;
  maxPx: number;
  maxScoreDiff: number;
}

export interface FrameDisagreement {
  index: number;
  timeSec: number;
  /** Largest joint distance in the frame, and which joint. */
  maxPx: number;
  joint: string;
  /** Only one of the runs found a pose. */
  presenceDiffers: boolean;
}

export interface KeypointAgreement {
  joints: JointAgreement[];
  /** Median over all joint-frames. */
  medianPx: number;
  /** Frames where exactly one run had a pose. */
  presenceMismatches: number;
  /** Frames with the largest disagreement, worst first. */
  worstFrames: FrameDisagreement[];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

const hasPose = (f: PoseFrame): boolean => f.keypoints.some((k) => Number.isFinite(k.x));

/** Frames are paired by index; keypoints by position (both runs use the model's fixed order). */
export function keypointAgreement(a: PoseFrame[], b: PoseFrame[], worst = 5): KeypointAgreement {
  const byIndex = new Map(b.map((f) => [f.index, f]));
  const perJoint = new Map<string, { d: number[]; score: number }>();
  const all: number[] = [];
  const frames: FrameDisagreement[] = [];
  let presenceMismatches = 0;
  for (const fa of a) {
    const fb = byIndex.get(fa.index);
    if (!fb) continue;
    const presenceDiffers = hasPose(fa) !== hasPose(fb);
    if (presenceDiffers) presenceMismatches++;
    let maxPx = 0;
    let joint = '';
    fa.keypoints.forEach((ka, k) => {
      const kb = fb.keypoints[k];
      if (!kb || !Number.isFinite(ka.x) || !Number.isFinite(kb.x)) return;
      const d = Math.hypot(ka.x - kb.x, ka.y - kb.y);
      const entry = perJoint.get(ka.name) ?? { d: [], score: 0 };
      entry.d.push(d);
      entry.score = Math.max(entry.score, Math.abs(ka.score - kb.score));
      perJoint.set(ka.name, entry);
      all.push(d);
      if (d > maxPx) {
        maxPx = d;
        joint = ka.name;
      }
    });
    frames.push({ index: fa.index, timeSec: fa.timeSec, maxPx, joint, presenceDiffers });
  }
  const joints = [...perJoint.entries()].map(([name, { d, score }]) => {
    const s = [...d].sort((x, y) => x - y);
    return { name, frames: s.length, medianPx: quantile(s, 0.5), p95Px: quantile(s, 0.95), maxPx: s[s.length - 1] ?? NaN, maxScoreDiff: score };
  });
  const rank = (f: FrameDisagreement) => (f.presenceDiffers ? Infinity : f.maxPx);
  return {
    joints,
    medianPx: quantile([...all].sort((x, y) => x - y), 0.5),
    presenceMismatches,
    worstFrames: [...frames].sort((x, y) => rank(y) - rank(x)).slice(0, worst),
  };
}
