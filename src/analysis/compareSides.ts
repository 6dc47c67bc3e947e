// Left vs right for one metric: means, symmetry index and a 95% interval for the left − right difference of the
// means from the per-step values (docs/references.md "Asymmetry": flag only when the interval excludes the normal band).
import { finite, mean, sampleVariance } from './seriesMath';
import { studentTQuantile } from './studentT';
import type { MetricSummary } from './types';

export const COMPARE_METHOD =
  'Left − right difference of per-step means with a 95% Welch t-interval (unequal variances, Welch–Satterthwaite '
  + 'degrees of freedom; consecutive steps treated as independent). Symmetry index SI = (L − R) / (0.5 (L + R)) × 100 '
  + '(Zifchock 2008), for durations only; its interval is the difference interval divided by the mean of both sides. The method\'s own '
  + 'systematic error is added to the interval in quadrature, so a detector bias cannot pass as asymmetry: for timing, how '
  + 'well this clip times each foot (see timing); for angles, their change over that time and, on a pose model\'s track, '
  + 'each leg\'s joint-placement error.';

export interface WelchInterval { diff: number; lo: number; hi: number; df: number }

/** 95% Welch interval for mean(left) − mean(right); null with fewer than two values on a side or no spread at all. */
export function welchInterval(left: readonly number[], right: readonly number[], level = 0.95): WelchInterval | null {
  const l = finite(left); const r = finite(right);
  if (l.length < 2 || r.length < 2) return null;
  const vl = sampleVariance(l) / l.length;
  const vr = sampleVariance(r) / r.length;
  const diff = mean(l) - mean(r);
  const se = Math.sqrt(vl + vr);
  if (se === 0) return { diff, lo: diff, hi: diff, df: l.length + r.length - 2 };
  const df = (vl + vr) ** 2 / (vl ** 2 / (l.length - 1) + vr ** 2 / (r.length - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, df);
  return { diff, lo: diff - t * se, hi: diff + t * se, df };
}

/** SA = (45° − arctan(L/R)) / 90° × 100: bounded and reference-free, unlike SI (docs/references.md "Asymmetry"). */
export function symmetryAnglePct(left: number, right: number): number | null {
  if (!(left > 0 && right > 0)) return null;
  return ((45 - (Math.atan(left / right) * 180) / Math.PI) / 90) * 100;
}

const finiteOr0 = (v: number): number => (Number.isFinite(v) ? v : 0);

/** SI = (L − R) / (0.5 (L + R)) × 100 (Zifchock 2008); null when the mean is ~0 (SI inflates for small values). */
export function symmetryIndexPct(left: number, right: number): number | null {
  const m = 0.5 * (left + right);
  if (!Number.isFinite(m) || Math.abs(m) < 1e-9) return null;
  return ((left - right) / m) * 100;
}

/**
 * systematic: per-side bound of the method's bias in the metric's unit (systematicUncertainty.ts); it is added in
 * quadrature to the Welch half-width, since averaging more steps does not shrink it.
 */
export function compareSides(perStep: { left: number[]; right: number[] }, unit: string,
  systematic?: { left: number; right: number }): MetricSummary {
  const l = finite(perStep.left); const r = finite(perStep.right);
  const left = l.length > 0 ? mean(l) : null;
  const right = r.length > 0 ? mean(r) : null;
  const welch = welchInterval(l, r);
  const sys = systematic ? Math.hypot(finiteOr0(systematic.left), finiteOr0(systematic.right)) : 0;
  const ci = welch && sys > 0
    ? (() => { const half = Math.hypot((welch.hi - welch.lo) / 2, sys); return { lo: welch.diff - half, hi: welch.diff + half }; })()
    : welch;
  // No symmetry index for angles: an angle's zero is a convention (shank inclination, hip drop sit near it), so a
  // ratio of two angles inflates or flips with the reference (Zifchock 2008); angles are compared in degrees.
  // Nor for a quantity whose side means are not both positive (a step width crossing zero): a ratio of them has
  // no meaning.
  const si = left !== null && right !== null && unit !== 'deg' && left > 0 && right > 0 ? symmetryIndexPct(left, right) : null;
  return {
    unit,
    left,
    right,
    symmetryIndexPct: si,
    symmetryAnglePct: si !== null && left !== null && right !== null ? symmetryAnglePct(left, right) : null,
    differenceCi95: ci ? [ci.lo, ci.hi] : null,
    ...(systematic ? { systematic: { left: finiteOr0(systematic.left), right: finiteOr0(systematic.right) } } : {}),
    perStep: { left: l, right: r },
  };
}
