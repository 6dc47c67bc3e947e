// The one number formatter for everything a person reads (PDF report, UI tables, issue 5).
// The report's text test compares pdftotext output with report.json through these same
// functions, so a rounding change here moves both sides together.
import { METRIC_NAME } from '../analysis/metricNames';
import type { AnalysisResult, MetricId } from '../analysis/types';

/** Shown for a value the view cannot measure (null on the wire, NaN in memory). */
export const MISSING = '–';

/**
 * Decimals per metric: whole milliseconds (a frame is 4–33 ms, so tenths would be noise);
 * one decimal for degrees, percent, pixels and centimetres (2D angle noise is 3–8°, docs/references.md).
 */
const DECIMALS: Record<MetricId, number> = {
  contactTimeMs: 0,
  flightTimeMs: 0,
  stepTimeMs: 0,
  dutyFactorPct: 1,
  kneeFlexionAtStrikeDeg: 1,
  overstrideDeg: 1,
  verticalOscillationPx: 1,
  verticalOscillationCm: 1,
  stepLengthCm: 1,
  strideLengthCm: 1,
  hipDropDeg: 1,
  stepWidthCm: 1,
  stepWidthPctHip: 0,
  lateralSwayPx: 1,
  hipExtensionAtToeOffDeg: 1, kneeDriveDeg: 1, footStrikeAngleDeg: 1, kneeFlexionMidstanceDeg: 1, trunkLeanDeg: 1, armSwingDeg: 1,
};

export function metricDecimals(metricId: MetricId): number {
  return DECIMALS[metricId];
}

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

function fixed(value: number, decimals: number, signed: boolean): string {
  let text = value.toFixed(decimals);
  // "-0" and "-0.0" read as a real negative difference; they are zero at this rounding.
  if (/^-0(\.0+)?$/.test(text)) text = text.slice(1);
  if (signed && !text.startsWith('-') && Number(text) !== 0) text = `+${text}`;
  return text;
}

/** A metric's value in its own unit, without the unit (the table header carries it). */
export function formatMetricValue(metricId: MetricId, value: number | null | undefined): string {
  return isMissing(value) ? MISSING : fixed(value, DECIMALS[metricId], false);
}

/** A left − right difference: signed, so "+12" reads as "left is larger". */
export function formatMetricDifference(metricId: MetricId, value: number | null | undefined): string {
  return isMissing(value) ? MISSING : fixed(value, DECIMALS[metricId], true);
}

/** The 95% interval of a difference, e.g. "-4 to +18". */
export function formatMetricInterval(metricId: MetricId, ci: readonly [number, number] | null | undefined): string {
  if (!ci || isMissing(ci[0]) || isMissing(ci[1])) return MISSING;
  return `${formatMetricDifference(metricId, ci[0])} to ${formatMetricDifference(metricId, ci[1])}`;
}

/** Symmetry index in percent, signed (positive = left larger), one decimal. */
export function formatSymmetryIndex(pct: number | null | undefined): string {
  return isMissing(pct) ? MISSING : `${fixed(pct, 1, true)}%`;
}

export function formatCadence(spm: number | null | undefined): string {
  return isMissing(spm) ? MISSING : fixed(spm, 0, false);
}

/** Seconds of video time with `decimals` places (step times in tables use 2). */
export function formatSeconds(sec: number | null | undefined, decimals = 2): string {
  return isMissing(sec) ? MISSING : fixed(sec, decimals, false);
}

/** Unit label shown beside a metric ("ms", "°", "%", "px", "cm"). */
export function metricUnitLabel(metricId: MetricId): string {
  if (metricId.endsWith('Ms')) return 'ms';
  if (metricId.endsWith('Deg')) return '°';
  if (metricId.endsWith('Pct')) return '%';
  if (metricId.endsWith('PctHip')) return '% hip width';
  if (metricId.endsWith('Px')) return 'px';
  return 'cm';
}


export { METRIC_NAME };
export { crossoverText } from '../analysis/crossoverText';

export function metricLabel(metricId: MetricId): string {
  return METRIC_NAME[metricId];
}

/** Display order: timing first, then angles, then distances (the order a physio reads them). */
export const METRIC_DISPLAY_ORDER: readonly MetricId[] = [
  'contactTimeMs',
  'flightTimeMs',
  'stepTimeMs',
  'dutyFactorPct',
  'kneeFlexionAtStrikeDeg',
  'overstrideDeg',
  'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'trunkLeanDeg', 'armSwingDeg',
  'hipDropDeg',
  'stepWidthCm',
  'stepWidthPctHip',
  'lateralSwayPx',
  'verticalOscillationCm',
  'verticalOscillationPx',
  'stepLengthCm',
  'strideLengthCm',
];

/**
 * The measures a result shows, in reading order: present, with a value on at least one side. A measure the clip
 * cannot support (from behind: contact, flight and step times; a foot hidden at both its events) has none and is
 * said in the warnings instead of as a row of dashes.
 */
export function shownMetricIds(result: Pick<AnalysisResult, 'metrics'>): MetricId[] {
  return METRIC_DISPLAY_ORDER.filter((id) => {
    const m = result.metrics[id];
    return m !== undefined && (m.left !== null || m.right !== null);
  });
}
