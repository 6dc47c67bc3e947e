// The ball's touchdown as the onset of its braking, read only where the clip's own noise lets it be seen (issue 11
// part 4). The ball (foot_index) falls faster and faster until the belt starts to stop it; gait/touchdown.ts reads
// that moment as the peak of its low-passed downward speed, but the derivative over ±1 frame and the low-pass spread
// an abrupt stop over the frames before it, so the peak reads early at speed (RBDS002_T45 at 60 fps, held out: left /
// right −10.4 / −15.7 ms). Fitting the unfiltered height with a constant-acceleration fall, a constant braking to
// rest and rest (position and speed continuous; per step, then again with the foot's median braking time and fall
// acceleration: a foot lands alike step after step) reads the onset without that smear: clean held-out strikes of the
// ball landers within ±3.1 ms (RBDS002_T45 +2.1 / −0.9 ms at 60 fps).
// But the fit sees every pixel of noise: 3 px of white noise hides the gentle braking of a slower runner (RBDS001,
// braking 25–40 ms) and the fit slides towards the later hinge, damaged RBDS001 strikes +5…+15 ms late. So it is used
// per foot only where the noise is small against the fall: the gate is the ball's timing noise, σ / v — the σ of the
// white noise on the unfiltered ball height (px, measured on the clip by signal/filteredNoise.ts) over the foot's
// typical fall speed just before touchdown (px/s, its low-passed downward speed peak). That is how far in time one σ
// of height error moves the moment the falling ball passes a given height: scale-free (zoom and image size cancel),
// and a slower fall (a gentler runner) gets a larger timing noise from the same pixels.
// Measured (scripts/validate/loto.ts cases, per foot): clean RBDS tracks 0.18–0.60 ms at 60 and 120 fps, the same
// tracks with 3 px of noise, 3% dropouts and 9% swapped labels 2.4–7.4 ms (RBDS001, the slower runner, 4.1–7.4);
// BlazePose on the rendered RBDS008_T35 clip (60 fps) heavy 4.7 / 2.4 ms, full 3.7 / 3.4 ms (left / right); the
// demo clips are 30 fps, below the strike correction's IMPACT_MIN_FPS.
// Not the default (maxNoiseSec 0: the speed peak everywhere), because leave-one-trial-out it is not better as a
// whole: gait/touchdown.ts ("Also tried") has the figures.
import { lowPassSeries } from '../signal/butterworth';
import { unfilteredNoiseSigma } from '../signal/filteredNoise';
import { median } from '../signal/subFrame';
import { cutoffFor } from '../lowPass';
import { framesNear } from './touchdown';

export interface BrakingOnsetOptions {
  /** Fit window around each belt-rule strike (s): retraction puts that strike up to ~35 ms before touchdown. */
  beforeSec: number;
  afterSec: number;
  /** Longest braking the fit allows (s): RBDS balls brake over 10–40 ms. */
  maxBrakeSec: number;
  /** The onset is read only when the ball's timing noise σ / v is at most this (s); swept leave-one-trial-out. */
  maxNoiseSec: number;
}

export const DEFAULT_BRAKING_ONSET_OPTIONS: BrakingOnsetOptions = { beforeSec: 0.06, afterSec: 0.07, maxBrakeSec: 0.04, maxNoiseSec: 0 };

interface BrakeFit { onsetSec: number; brakeSec: number; fallAccel: number }

const NO_FIT: BrakeFit = { onsetSec: Number.NaN, brakeSec: Number.NaN, fallAccel: Number.NaN };

/**
 * Least-squares fall-brake-rest fit of the image height y (down positive) over frames [lo, hi]: y = c + v·g(t) +
 * a·h(t), with g the unit-speed path that brakes uniformly to rest over [t0, t0 + d] and h the fall's constant
 * acceleration before t0. Onset t0 and braking time d on a grid of a tenth of a frame; with `fixed`, d and a are the
 * foot's and only t0, c and v are fitted. NaN onset when no downward fall fits inside the window.
 */
function brakeFit(y: readonly number[], timesSec: readonly number[], lo: number, hi: number, maxBrakeSec: number, fixed?: { brakeSec: number; fallAccel: number }): BrakeFit {
  const ts: number[] = [];
  const ys: number[] = [];
  for (let k = Math.max(0, lo); k <= Math.min(y.length - 1, hi); k++) {
    if (Number.isFinite(y[k])) {
      ts.push(timesSec[k] as number);
      ys.push(y[k] as number);
    }
  }
  const n = ts.length;
  if (n < 6) return NO_FIT;
  const tFirst = ts[0] as number;
  const tLast = ts[n - 1] as number;
  const dt = (tLast - tFirst) / (n - 1);
  const step = dt / 10;
  let best = Number.POSITIVE_INFINITY;
  let out = NO_FIT;
  for (let t0 = tFirst + 2 * dt; t0 <= tLast - 1.5 * dt; t0 += step) {
    const dLo = fixed ? fixed.brakeSec : 0;
    const dHi = fixed ? fixed.brakeSec : maxBrakeSec;
    for (let d = dLo; d <= dHi + 1e-9; d += step) {
      const t1 = t0 + d;
      if (t1 > tLast - dt) break;
      let sgg = 0, shh = 0, sgh = 0, sg = 0, sh = 0, sy = 0, sgy = 0, shy = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        const t = ts[i] as number;
        let g = 0;
        let h = 0;
        if (t < t0) {
          g = t - t0 - d / 2;
          h = ((t - t0) * (t - t0)) / 2;
        } else if (t < t1) g = -((t - t1) * (t - t1)) / (2 * d);
        const yi = (ys[i] as number) - (fixed ? fixed.fallAccel * h : 0);
        if (fixed) h = 0;
        sgg += g * g; shh += h * h; sgh += g * h; sg += g; sh += h; sy += yi; sgy += g * yi; shy += h * yi; syy += yi * yi;
      }
      if (fixed) shh = 1; // a is given: the third unknown is pinned at 0
      const sol = solve3([[n, sg, sh], [sg, sgg, sgh], [sh, sgh, shh]], [sy, sgy, shy]);
      if (!sol) continue;
      const [c, v, a] = sol;
      if (!(v > 0)) continue; // the ball must be falling (down the image) into the braking
      const sse = syy - c * sy - v * sgy - a * shy;
      if (sse < best) {
        best = sse;
        out = { onsetSec: t0, brakeSec: d, fallAccel: fixed ? fixed.fallAccel : a };
      }
    }
  }
  return out;
}

/** Solves the 3 × 3 system m·x = b by Cramer's rule; null when singular. */
function solve3(m: readonly (readonly number[])[], b: readonly number[]): [number, number, number] | null {
  const at = (r: readonly (readonly number[])[], i: number, j: number): number => (r[i] as readonly number[])[j] as number;
  const det = (r: readonly (readonly number[])[]): number =>
    at(r, 0, 0) * (at(r, 1, 1) * at(r, 2, 2) - at(r, 1, 2) * at(r, 2, 1))
    - at(r, 0, 1) * (at(r, 1, 0) * at(r, 2, 2) - at(r, 1, 2) * at(r, 2, 0))
    + at(r, 0, 2) * (at(r, 1, 0) * at(r, 2, 1) - at(r, 1, 1) * at(r, 2, 0));
  const d = det(m);
  if (!Number.isFinite(d) || Math.abs(d) < 1e-18) return null;
  const col = (j: number): number[][] => m.map((row, i) => row.map((x, k) => (k === j ? (b[i] as number) : x)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/**
 * Braking onsets (s; NaN where none) of one foot's ball near each of its belt-rule strikes, from its unfiltered image
 * height: fitted per step, then again with the braking time and fall acceleration fixed at the foot's medians (noise
 * trades the two against the onset step by step).
 */
export function ballBrakeOnsets(ballY: readonly number[], timesSec: readonly number[], strikesSec: readonly number[], opts: BrakingOnsetOptions = DEFAULT_BRAKING_ONSET_OPTIONS): number[] {
  const windows = strikesSec.map((s) => framesNear(timesSec, s, opts.beforeSec, opts.afterSec));
  const first = windows.map(([lo, hi]) => (lo >= 0 ? brakeFit(ballY, timesSec, lo, hi, opts.maxBrakeSec) : NO_FIT));
  const brakeSec = median(first.map((f) => f.brakeSec).filter(Number.isFinite));
  const fallAccel = median(first.map((f) => f.fallAccel).filter(Number.isFinite));
  if (!Number.isFinite(brakeSec) || !Number.isFinite(fallAccel)) return strikesSec.map(() => Number.NaN);
  // the shared braking time on the fit's own grid (a tenth of a frame)
  const step = ((timesSec[timesSec.length - 1] as number) - (timesSec[0] as number)) / Math.max(1, timesSec.length - 1) / 10;
  const fixed = { brakeSec: Math.round(brakeSec / step) * step, fallAccel };
  return windows.map(([lo, hi]) => (lo >= 0 ? brakeFit(ballY, timesSec, lo, hi, opts.maxBrakeSec, fixed).onsetSec : Number.NaN));
}

/**
 * The ball's timing noise (s): σ of the white noise on its unfiltered height (px, from the residual of the clip's
 * low-pass, signal/filteredNoise.ts) over its typical fall speed into touchdown (px/s). NaN when either is unknown.
 */
export function ballTimingNoiseSec(ballY: readonly number[], fps: number, fallSpeedPxPerSec: number): number {
  const cut = cutoffFor(fps);
  const sigmaPx = unfilteredNoiseSigma(ballY, lowPassSeries(ballY, cut, fps), cut, fps);
  return fallSpeedPxPerSec > 0 ? sigmaPx / fallSpeedPxPerSec : Number.NaN;
}

/** Whether the braking onset may be read on this foot: its timing noise is known and within opts.maxNoiseSec. */
export function brakingOnsetReadable(timingNoiseSec: number, opts: BrakingOnsetOptions = DEFAULT_BRAKING_ONSET_OPTIONS): boolean {
  return Number.isFinite(timingNoiseSec) && timingNoiseSec <= opts.maxNoiseSec;
}
