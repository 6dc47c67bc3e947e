// Did a runner become less (or more) lopsided between two sessions? (issue 14, "Progress").
//
// Each session gives, per metric, the left − right difference d with its 95% interval [lo, hi] (compareSides /
// mergeSession: Welch interval of the per-step values plus the method's systematic bound). The change between
// sessions A and B is Δ = d_B − d_A. Its 95% interval has the half-width √(h_A² + h_B²), h the half-width of each
// session's interval: the two sessions are separate recordings, so their errors are independent and add in
// quadrature, as two normal estimates do (the same root-sum-square compareSides uses for the Welch and systematic
// terms). Testing "do the two intervals overlap?" instead would be too strict: two 95% intervals can overlap by up
// to ~30% of their width while the difference is still clear (Cumming & Finch 2005, "Inference by eye").
//
// Three answers, as the verdict's three honest levels (issue 11, item 6), with the metric's normal band as the
// margin of a change that matters (flagBands.ts: the normal half-width, in the metric's unit):
//   - "changed":          the interval of Δ excludes 0 — the change is more than both intervals allow;
//   - "no change shown":  the interval of Δ contains 0 and lies wholly within ±margin — any change is smaller than
//                         the left/right difference healthy runners show, so none that matters happened;
//   - "unclear":          the interval of Δ contains 0 but reaches beyond ±margin — a change that matters could
//                         hide in it; more steps (a longer clip) or both side clips would settle it.
// Without a band (step and stride length) there is no margin, and a Δ interval containing 0 is "unclear".
import { FLAG_BANDS } from '../flagBands';
import { METRIC_NAME } from '../metricNames';
import type { MetricId } from '../types';

export type ChangeVerdict = 'changed' | 'noChangeShown' | 'unclear';

export const CHANGE_WORDS: Readonly<Record<ChangeVerdict, string>> = {
  changed: 'changed',
  noChangeShown: 'no change shown',
  unclear: 'unclear',
};

/** One metric of one session as the library keeps it (left and right means, 95% interval of left − right). */
export interface SessionMetricValues {
  unit: string;
  left: number | null;
  right: number | null;
  differenceCi95: [number, number] | null;
}

export interface DifferenceEstimate {
  /** left − right, in the metric's unit. */
  difference: number;
  ci95: [number, number];
}

export interface SessionChange {
  metricId: MetricId;
  unit: string;
  /** Δ = (left − right) after − (left − right) before. */
  change: number;
  changeCi95: [number, number];
  /** The margin used (normal half-width in the metric's unit), null when the metric has no band. */
  marginHalfWidth: number | null;
  verdict: ChangeVerdict;
  sentence: string;
}

/** The session's left − right difference and its interval, or null when a side or the interval is missing. */
export function differenceOf(m: SessionMetricValues | undefined): DifferenceEstimate | null {
  if (!m || m.left === null || m.right === null || m.differenceCi95 === null) return null;
  return { difference: m.left - m.right, ci95: m.differenceCi95 };
}

/**
 * The normal band's half-width in the metric's own unit. Time-like bands are on the symmetry index
 * (SI = (L − R) / mean(L, R) × 100), so a difference of normal% × mean(L, R) / 100 is the band's edge; `meanLevel` is
 * the mean of both sides (over the sessions shown, so every session is drawn against the same band).
 */
export function normalHalfWidth(metricId: MetricId, meanLevel: number | null): number | null {
  const band = FLAG_BANDS[metricId];
  if (!band) return null;
  if (band.kind === 'deg') return band.normal;
  if (meanLevel === null || !Number.isFinite(meanLevel) || meanLevel === 0) return null;
  return (band.normal / 100) * Math.abs(meanLevel);
}

/** Mean of both sides over the given sessions' values of one metric (null when none has both sides). */
export function meanLevelOf(values: readonly (SessionMetricValues | undefined)[]): number | null {
  const means = values.filter((v): v is SessionMetricValues => !!v && v.left !== null && v.right !== null)
    .map((v) => ((v.left as number) + (v.right as number)) / 2);
  return means.length > 0 ? means.reduce((a, b) => a + b, 0) / means.length : null;
}

/**
 * Pixels are the camera's unit, not the runner's: another distance or resolution changes them, so a change in px
 * between two recordings says nothing about the runner (a bounce in cm, with the belt as the ruler, compares).
 */
export function comparableAcrossSessions(unit: string): boolean {
  return unit !== 'px';
}

/** The one rule above, on a change's 95% interval and the margin of a change that matters (null: none known). */
export function classifyChange(ci95: readonly [number, number] | null, margin: number | null): ChangeVerdict {
  if (ci95 === null || !ci95.every(Number.isFinite)) return 'unclear';
  if (ci95[0] > 0 || ci95[1] < 0) return 'changed';
  if (margin !== null && ci95[0] >= -margin && ci95[1] <= margin) return 'noChangeShown';
  return 'unclear';
}

/** Compares one metric between two sessions; null when either session lacks the difference or its interval. */
export function compareSessions(metricId: MetricId, before: SessionMetricValues | undefined, after: SessionMetricValues | undefined): SessionChange | null {
  const a = differenceOf(before);
  const b = differenceOf(after);
  if (!a || !b) return null;
  // each side of the interval on its own, so an interval that is not symmetric about left − right stays honest
  const change = b.difference - a.difference;
  const changeCi95: [number, number] = [
    change - Math.hypot(b.difference - b.ci95[0], a.ci95[1] - a.difference),
    change + Math.hypot(b.ci95[1] - b.difference, a.difference - a.ci95[0]),
  ];
  const margin = normalHalfWidth(metricId, meanLevelOf([before, after]));
  const unitOk = comparableAcrossSessions((before as SessionMetricValues).unit);
  const verdict = unitOk ? classifyChange(changeCi95, margin) : 'unclear';
  const unit = (before as SessionMetricValues).unit;
  const sentence = unitOk ? describeChange(metricId, unit, a, b, changeCi95, verdict, margin)
    : `${METRIC_NAME[metricId]}: unclear — measured in image pixels, which change with the camera's distance and resolution, so two recordings cannot be compared in them.`;
  return { metricId, unit, change, changeCi95, marginHalfWidth: margin, verdict, sentence };
}

function fmt(v: number): string {
  const text = Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(1);
  return /^-0(\.0)?$/.test(text) ? text.slice(1) : text;
}

/** As flagMessages writes units: 12°, 4.8%, 27 ms. */
function withUnit(text: string, unit: string): string {
  return unit === 'deg' ? `${text}°` : unit === '%' ? `${text}%` : `${text} ${unit}`;
}

function sideWord(d: number): string {
  if (d > 0) return 'left higher';
  if (d < 0) return 'right higher';
  return 'even';
}

function describeChange(metricId: MetricId, unit: string, a: DifferenceEstimate, b: DifferenceEstimate,
  ci: [number, number], verdict: ChangeVerdict, margin: number | null): string {
  const name = METRIC_NAME[metricId];
  const from = `${withUnit(fmt(a.difference), unit)} (${sideWord(a.difference)})`;
  const to = `${withUnit(fmt(b.difference), unit)} (${sideWord(b.difference)})`;
  const interval = `change ${withUnit(fmt(b.difference - a.difference), unit)}, 95% interval ${fmt(ci[0])} to ${withUnit(fmt(ci[1]), unit)}`;
  if (verdict === 'changed') {
    const less = Math.abs(b.difference) < Math.abs(a.difference);
    return `${name}: changed — the left−right difference went from ${from} to ${to} (${interval}); ${less ? 'less' : 'more'} lopsided than before.`;
  }
  if (verdict === 'noChangeShown') {
    return `${name}: no change shown — ${from} then ${to} (${interval}); any change is within ±${withUnit(fmt(margin as number), unit)}, the normal band.`;
  }
  const why = margin === null ? 'this measure has no normal band to call a change too small to matter'
    : `it reaches beyond ±${withUnit(fmt(margin), unit)}, the normal band, so a change that matters could hide in it; longer clips or both side clips would settle it`;
  return `${name}: unclear — ${from} then ${to} (${interval}); ${why}.`;
}
