// Before / after: has a measure changed between two sessions of one runner, beyond the noise of both? One rule for
// every screen that compares sessions (the session comparison, a progress page), so they never disagree.
//
// The rule, on the 95% interval of the change (after − before):
// - 'changed': the interval excludes zero — the change is larger than both sessions' noise together;
// - 'no change shown': the interval includes zero and is narrow enough to have shown a change of the size
//   that matters (the metric's normal left/right band, flagBands.ts) — the two sessions agree;
// - 'unclear': a value or interval is missing, or the interval includes zero but is wider than that size, so
//   a real change could hide in the noise. The same equivalence reading as the flags (Schuirmann 1987,
//   Lakens 2017; references.md "Asymmetry").
import { welchInterval } from './compareSides';
import { FLAG_BANDS } from './flagBands';
import { mean } from './seriesMath';
import type { MetricId, MetricSummary } from './types';

export type SessionChangeVerdict = 'changed' | 'no change shown' | 'unclear';

export interface SessionChange {
  /** after − before, in the metric's unit; null when either value is missing. */
  change: number | null;
  /** 95% interval of that change; null when it cannot be formed. */
  ci95: [number, number] | null;
  verdict: SessionChangeVerdict;
}

/** The rule above, on a change and its interval; margin null: no size is known to matter, so never 'unclear' for width. */
export function classifySessionChange(change: number | null, ci95: readonly [number, number] | null, margin: number | null): SessionChange {
  if (change === null || !Number.isFinite(change) || ci95 === null || !ci95.every(Number.isFinite)) {
    return { change: change !== null && Number.isFinite(change) ? change : null, ci95: null, verdict: 'unclear' };
  }
  const [lo, hi] = ci95;
  const interval: [number, number] = [lo, hi];
  if (lo > 0 || hi < 0) return { change, ci95: interval, verdict: 'changed' };
  const halfWidth = (hi - lo) / 2;
  const verdict: SessionChangeVerdict = margin === null || halfWidth <= margin ? 'no change shown' : 'unclear';
  return { change, ci95: interval, verdict };
}

/**
 * The size of change that matters for a metric: its normal left/right band (flagBands.ts) — in degrees for angles,
 * for times the symmetry-index band as a share of the typical value. Null when the metric has no band.
 */
export function sessionChangeMargin(metricId: MetricId, typicalValue: number | null): number | null {
  const band = FLAG_BANDS[metricId];
  if (!band) return null;
  if (band.kind === 'deg') return band.normal;
  if (typicalValue === null || !Number.isFinite(typicalValue) || typicalValue === 0) return null;
  return (band.normal / 100) * Math.abs(typicalValue);
}

/** One side's change: Welch interval of mean(after steps) − mean(before steps). */
export function sideSessionChange(beforeSteps: readonly number[], afterSteps: readonly number[], margin: number | null): SessionChange {
  const w = welchInterval(afterSteps, beforeSteps);
  if (!w) {
    const b = meanOrNull(beforeSteps); const a = meanOrNull(afterSteps);
    return classifySessionChange(a !== null && b !== null ? a - b : null, null, margin);
  }
  return classifySessionChange(w.diff, [w.lo, w.hi], margin);
}

/**
 * Change of the left − right difference: the two sessions are independent, so the half-widths of their
 * difference intervals add in quadrature (each is 1.96 standard errors).
 */
export function differenceSessionChange(before: MetricSummary, after: MetricSummary, margin: number | null): SessionChange {
  const db = difference(before); const da = difference(after);
  const change = db !== null && da !== null ? da - db : null;
  if (change === null || !before.differenceCi95 || !after.differenceCi95) return classifySessionChange(change, null, margin);
  const half = Math.hypot(halfWidth(before.differenceCi95), halfWidth(after.differenceCi95));
  return classifySessionChange(change, [change - half, change + half], margin);
}

export interface MetricSessionChange {
  metricId: MetricId;
  left: SessionChange;
  right: SessionChange;
  difference: SessionChange;
}

/** Every before/after change of one metric: each side and the left − right difference. */
export function compareMetricSessions(metricId: MetricId, before: MetricSummary, after: MetricSummary): MetricSessionChange {
  const typical = meanOrNull([before.left, before.right, after.left, after.right].filter((v): v is number => v !== null));
  const margin = sessionChangeMargin(metricId, typical);
  return {
    metricId,
    left: sideSessionChange(before.perStep.left, after.perStep.left, margin),
    right: sideSessionChange(before.perStep.right, after.perStep.right, margin),
    difference: differenceSessionChange(before, after, margin),
  };
}

function difference(m: MetricSummary): number | null {
  return m.left !== null && m.right !== null ? m.left - m.right : null;
}

function halfWidth(ci: readonly [number, number]): number {
  return (ci[1] - ci[0]) / 2;
}

function meanOrNull(values: readonly number[]): number | null {
  const m = mean(values);
  return Number.isFinite(m) ? m : null;
}
