// Pose-model-like damage for clean keypoint tracks (RBDS projections, synthetic series): pixel noise, dropped
// points, runs of swapped leg labels, a constant lag. Seeded so tests and the error report are reproducible.
import type { KeypointSeries, PoseTrack } from '../../../src/analysis/types';
import { gaussian, mulberry32 as rng } from '../../helpers/seededRandom';

export interface Perturbation {
  seed: number;
  /** Gaussian noise, px standard deviation, on every coordinate. */
  noisePx?: number;
  /** Fraction of frames where each foot point (ankle, heel, foot_index) is missing. */
  dropoutFraction?: number;
  /** Fraction of frames with left/right leg labels swapped, in runs of 1–swapRunMax frames. */
  swapFraction?: number;
  swapRunMax?: number;
}

const LEG = ['hip', 'knee', 'ankle', 'heel', 'foot_index'];

export function perturbTrack(track: PoseTrack, p: Perturbation): { track: PoseTrack; swapped: boolean[] } {
  const rand = rng(p.seed);
  const n = track.timesSec.length;
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, kp] of Object.entries(track.keypoints)) {
    keypoints[name] = { x: [...kp.x], y: [...kp.y], score: [...kp.score] };
  }
  const swapped = new Array<boolean>(n).fill(false);
  const swapFraction = p.swapFraction ?? 0;
  if (swapFraction > 0) {
    const runMax = p.swapRunMax ?? 4;
    let target = Math.round(swapFraction * n);
    let guard = 0;
    while (target > 0 && guard++ < 10 * n) {
      const len = Math.min(n, 1 + Math.floor(rand() * runMax));
      const start = Math.floor(rand() * (n - len + 1));
      for (let i = start; i < start + len && target > 0; i++) if (!swapped[i]) { swapped[i] = true; target--; }
    }
    for (const part of LEG) {
      const l = keypoints[`left_${part}`];
      const r = keypoints[`right_${part}`];
      if (!l || !r) continue;
      for (let i = 0; i < n; i++) {
        if (!swapped[i]) continue;
        for (const axis of ['x', 'y', 'score'] as const) {
          const t = l[axis][i] as number;
          l[axis][i] = r[axis][i] as number;
          r[axis][i] = t;
        }
      }
    }
  }
  const noise = p.noisePx ?? 0;
  const drop = p.dropoutFraction ?? 0;
  for (const [name, kp] of Object.entries(keypoints)) {
    const isFoot = /_(ankle|heel|foot_index)$/.test(name);
    for (let i = 0; i < n; i++) {
      if (noise > 0) {
        kp.x[i] = (kp.x[i] as number) + noise * gaussian(rand);
        kp.y[i] = (kp.y[i] as number) + noise * gaussian(rand);
      }
      if (isFoot && drop > 0 && rand() < drop) {
        kp.x[i] = Number.NaN;
        kp.y[i] = Number.NaN;
        kp.score[i] = 0;
      }
    }
  }
  return { track: { ...track, keypoints }, swapped };
}
