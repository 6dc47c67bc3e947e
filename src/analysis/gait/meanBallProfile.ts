// The ball's braking onset read from one mean height profile per foot (issue 11 part 4). gait/touchdown.ts reads the
// ball's touchdown as the peak of its low-passed downward speed; at speed the low-pass and the ±1-frame derivative
// spread the abrupt stop over the frames before it and that peak reads early (RBDS002_T45). A fall-brake-rest fit of
// the unfiltered height reads the onset without that smear, but fitted step by step it sees every pixel of noise
// (3 px hides a slower runner's gentle braking and the fit slides late: gait/touchdown.ts "Also tried").
// Here every step of the foot is placed on one time axis by equivalent-time sampling: each step's unfiltered heights
// at (frame time − that step's alignment time), pooled over the foot's steps so that they fill the profile between
// frames with the noise averaged down. One fall-brake-rest model is fitted to that pooled profile, each step keeping
// its own rest level (the foot need not land at the same image height every step); its onset is the foot's onset −
// alignment offset. The caller (gait/impactTiming.ts) aligns each step on its ball speed peak low-passed well below
// the touchdown's cutoff, and says where the result is used.
// Measured (tests/analysis/events/meanBallProfile.test.ts, synthetic feet of known onset, 13 steps):
// - exactly aligned clean steps: onset within 0.3 ms, abrupt (15 ms) or gentle (35 ms) braking, 60 and 120 fps;
// - alignment jitter blurs the profile symmetrically, but the corner is one-sided: with σ 5 ms a gentle braking reads
//   within 1.6 ms, an abrupt stop 0.1–5 ms early (the fit takes the rounded corner for braking that starts sooner);
// - 3 px of noise: per foot −9…+9 ms at 60 fps (the speed peak −22…−16); the noise is averaged down, but the onset and
//   the braking time trade against each other along a ridge of the residual, and the steps' alignment itself is noisy.
// On the RBDS keypoints (~40 steps a foot) the fit's braking time collapses under 3 px of noise where the steps are
// aligned on their 25 Hz peaks (RBDS001: 25–40 → 0–10 ms, onsets 8–15 ms late): those peaks are set by the same noisy
// heights that shape the corner, so the alignment builds a sharp corner out of the noise.

export interface MeanProfileOptions {
  /** Heights pooled from this long before to this long after each step's speed peak (s). */
  beforeSec: number;
  afterSec: number;
  /** Longest braking the fit allows (s): RBDS balls brake over 10–40 ms. */
  maxBrakeSec: number;
  /** Onsets searched within this range of the speed peak (s). */
  onsetFromSec: number;
  onsetToSec: number;
  /** Each step keeps its own rest level (else one level for the foot). */
  perStepLevel: boolean;
}

export const DEFAULT_MEAN_PROFILE_OPTIONS: MeanProfileOptions = { beforeSec: 0.06, afterSec: 0.06, maxBrakeSec: 0.04, onsetFromSec: -0.03, onsetToSec: 0.04, perStepLevel: true };

export interface ProfileFit {
  /** Braking onset − speed peak (s); NaN when no downward fall into rest fits. */
  onsetSec: number;
  brakeSec: number;
  /** Fall speed into the braking (px/s, down positive) and the fall's acceleration (px/s², down positive). */
  fallSpeed: number;
  fallAccel: number;
  points: number;
}

const NO_FIT: ProfileFit = { onsetSec: Number.NaN, brakeSec: Number.NaN, fallSpeed: Number.NaN, fallAccel: Number.NaN, points: 0 };

/** Equivalent-time samples of one foot: time from its own step's alignment (s), height (px) and step number. */
export interface PooledSamples { tauSec: number[]; y: number[]; step: number[] }

/** Pools each step's finite heights within [align − beforeSec, align + afterSec] at (t − align). */
export function poolSteps(y: readonly number[], timesSec: readonly number[], alignSec: readonly number[], opts: MeanProfileOptions = DEFAULT_MEAN_PROFILE_OPTIONS): PooledSamples {
  const out: PooledSamples = { tauSec: [], y: [], step: [] };
  alignSec.forEach((a, k) => {
    if (!Number.isFinite(a)) return;
    for (let i = 0; i < timesSec.length; i++) {
      const tau = (timesSec[i] as number) - a;
      if (tau < -opts.beforeSec || tau > opts.afterSec || !Number.isFinite(y[i])) continue;
      out.tauSec.push(tau);
      out.y.push(y[i] as number);
      out.step.push(k);
    }
  });
  return out;
}

/**
 * Model path of unit fall speed (g) and unit fall acceleration (h) at τ for onset t0 and braking time d: before t0 the
 * ball falls (g slope 1, h = (τ − t0)²/2), over [t0, t0 + d] it is braked uniformly to rest, then rests (0). Position
 * and speed are continuous; the rest level is 0.
 */
function basis(tau: number, t0: number, d: number): [number, number] {
  if (tau < t0) return [tau - t0 - d / 2, ((tau - t0) * (tau - t0)) / 2];
  const t1 = t0 + d;
  if (tau < t1) return [-((tau - t1) * (tau - t1)) / (2 * d), 0];
  return [0, 0];
}

/** Residual sum of squares of the fit at (t0, d) with each step's level profiled out; v, a its fall speed and acceleration. */
function sseAt(s: PooledSamples, steps: number, t0: number, d: number): { sse: number; v: number; a: number } {
  const n = s.tauSec.length;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const mg = new Float64Array(steps);
  const mh = new Float64Array(steps);
  const my = new Float64Array(steps);
  const cnt = new Float64Array(steps);
  for (let i = 0; i < n; i++) {
    const [gi, hi] = basis(s.tauSec[i] as number, t0, d);
    g[i] = gi;
    h[i] = hi;
    const k = steps === 1 ? 0 : (s.step[i] as number);
    mg[k] = (mg[k] as number) + gi;
    mh[k] = (mh[k] as number) + hi;
    my[k] = (my[k] as number) + (s.y[i] as number);
    cnt[k] = (cnt[k] as number) + 1;
  }
  let sgg = 0, shh = 0, sgh = 0, sgy = 0, shy = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const k = steps === 1 ? 0 : (s.step[i] as number);
    const c = cnt[k] as number;
    const gi = (g[i] as number) - (mg[k] as number) / c;
    const hi = (h[i] as number) - (mh[k] as number) / c;
    const yi = (s.y[i] as number) - (my[k] as number) / c;
    sgg += gi * gi; shh += hi * hi; sgh += gi * hi; sgy += gi * yi; shy += hi * yi; syy += yi * yi;
  }
  const det = sgg * shh - sgh * sgh;
  if (!(Math.abs(det) > 1e-18)) return { sse: Number.POSITIVE_INFINITY, v: Number.NaN, a: Number.NaN };
  const v = (sgy * shh - shy * sgh) / det;
  const a = (shy * sgg - sgy * sgh) / det;
  return { sse: syy - v * sgy - a * shy, v, a };
}

/**
 * Least-squares fall-brake-rest fit of pooled samples (image height, down positive): onset and braking time on a
 * 1 ms grid, then refined on a 0.2 ms grid around the best (the residual is smooth in both). The fall must be downward (v > 0).
 */
export function fitPooledProfile(s: PooledSamples, opts: MeanProfileOptions = DEFAULT_MEAN_PROFILE_OPTIONS): ProfileFit {
  const n = s.tauSec.length;
  if (n < 12) return NO_FIT;
  const steps = Math.max(...s.step) + 1;
  let best = { sse: Number.POSITIVE_INFINITY, t0: Number.NaN, d: Number.NaN, v: Number.NaN, a: Number.NaN };
  const tryAt = (t0: number, d: number): void => {
    if (t0 < opts.onsetFromSec || t0 > opts.onsetToSec || d < 0 || d > opts.maxBrakeSec) return;
    if (t0 < -opts.beforeSec + 0.01 || t0 + d > opts.afterSec - 0.01) return; // samples on both sides of the braking
    const r = sseAt(s, opts.perStepLevel ? steps : 1, t0, d);
    if (r.v > 0 && r.sse < best.sse) best = { sse: r.sse, t0, d, v: r.v, a: r.a };
  };
  const coarse = 0.001;
  for (let t0 = opts.onsetFromSec; t0 <= opts.onsetToSec + 1e-9; t0 += coarse) {
    for (let d = 0; d <= opts.maxBrakeSec + 1e-9; d += coarse) tryAt(t0, d);
  }
  if (!Number.isFinite(best.t0)) return NO_FIT;
  const { t0: c0, d: cd } = best;
  for (let t0 = c0 - coarse; t0 <= c0 + coarse + 1e-9; t0 += coarse / 5) {
    for (let d = cd - coarse; d <= cd + coarse + 1e-9; d += coarse / 5) tryAt(t0, d);
  }
  return { onsetSec: best.t0, brakeSec: best.d, fallSpeed: best.v, fallAccel: best.a, points: n };
}

/**
 * One foot's braking onset − speed peak (s) from its mean ball-height profile: the unfiltered heights of every step,
 * aligned on that step's own speed peak (`peaksSec`, NaN where a step shows none), pooled and fitted. NaN when fewer
 * than `minSteps` steps align or no fall into rest fits.
 */
export function meanProfileOnsetSec(ballY: readonly number[], timesSec: readonly number[], peaksSec: readonly number[], minSteps: number, opts: MeanProfileOptions = DEFAULT_MEAN_PROFILE_OPTIONS): ProfileFit {
  if (peaksSec.filter(Number.isFinite).length < minSteps) return NO_FIT;
  return fitPooledProfile(poolSteps(ballY, timesSec, peaksSec, opts), opts);
}

/** Height (px, down positive, rest level 0) of a fitted profile at τ s from its onset; the fall held still before its top. */
export function profileHeight(fit: ProfileFit, tau: number): number {
  const top = fit.fallAccel > 0 ? -fit.fallSpeed / fit.fallAccel : Number.NEGATIVE_INFINITY; // where the fall starts from rest
  const t = Math.max(tau, top);
  const [g, h] = basis(t, 0, fit.brakeSec);
  return fit.fallSpeed * g + fit.fallAccel * h;
}
