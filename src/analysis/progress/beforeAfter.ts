// Before / after of every measure of two analyses (the session comparison's table): each side's change and the
// change of the left − right difference, each with its 95% interval and the one verdict rule of compareSessions.ts
// ("changed" / "no change shown" / "unclear"), so the comparison screen and the progress page never disagree.
import { welchInterval } from '../compareSides';
import { mean } from '../seriesMath';
import type { MetricId, MetricSummary } from '../types';
import { classifyChange, comparableAcrossSessions, compareSessions, meanLevelOf, normalHalfWidth, type ChangeVerdict } from './compareSessions';

export interface SideChange {
  /** after − before, in the metric's unit; null when either value is missing. */
  change: number | null;
  /** 95% interval of that change; null when it cannot be formed. */
  ci95: [number, number] | null;
  verdict: ChangeVerdict;
}

/**
 * One side's change: the Welch interval of mean(after steps) − mean(before steps). The two recordings' per-step
 * spreads are the noise here; a bias both sessions share (the same camera set-up and pose model) cancels.
 */
export function sideSessionChange(beforeSteps: readonly number[], afterSteps: readonly number[], margin: number | null): SideChange {
  const w = welchInterval(afterSteps, beforeSteps);
  if (!w) {
    const b = meanOrNull(beforeSteps); const a = meanOrNull(afterSteps);
    return { change: a !== null && b !== null ? a - b : null, ci95: null, verdict: 'unclear' };
  }
  const ci95: [number, number] = [w.lo, w.hi];
  return { change: w.diff, ci95, verdict: classifyChange(ci95, margin) };
}

export interface MetricSessionChange {
  metricId: MetricId;
  left: SideChange;
  right: SideChange;
  difference: SideChange;
}

/** Every before/after change of one metric: each side and the left − right difference (compareSessions). */
export function compareMetricSessions(metricId: MetricId, before: MetricSummary, after: MetricSummary): MetricSessionChange {
  const margin = normalHalfWidth(metricId, meanLevelOf([before, after]));
  const diff = compareSessions(metricId, before, after);
  const sideChange = (b: readonly number[], a: readonly number[]): SideChange => {
    const c = sideSessionChange(b, a, margin);
    return comparableAcrossSessions(before.unit) ? c : { ...c, verdict: 'unclear' };
  };
  const db = before.left !== null && before.right !== null ? before.left - before.right : null;
  const da = after.left !== null && after.right !== null ? after.left - after.right : null;
  return {
    metricId,
    left: sideChange(before.perStep.left, after.perStep.left),
    right: sideChange(before.perStep.right, after.perStep.right),
    difference: diff
      ? { change: diff.change, ci95: diff.changeCi95, verdict: diff.verdict }
      : { change: da !== null && db !== null ? da - db : null, ci95: null, verdict: 'unclear' },
  };
}

function meanOrNull(values: readonly number[]): number | null {
  const m = mean(values);
  return Number.isFinite(m) ? m : null;
}
