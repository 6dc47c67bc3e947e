// A metric's flag level as the app and the PDF show it (one rule for both): the most serious level raised on it.
// 'unclear' ranks above 'normal' and below the findings: it is what a longer or faster clip could still decide.
import type { AnalysisResult, Flag, FlagLevel, MetricId } from './contract';

export const FLAG_LEVEL_RANK: Readonly<Record<FlagLevel, number>> = { normal: 0, unclear: 1, watch: 2, marked: 3 };

/** The most serious flag level raised for a metric, or null when the analysis raised none. */
export function metricFlagLevel(flags: readonly Flag[], metricId: MetricId): FlagLevel | null {
  let level: FlagLevel | null = null;
  for (const f of flags) {
    if (f.metricId === metricId && (level === null || FLAG_LEVEL_RANK[f.level] > FLAG_LEVEL_RANK[level])) level = f.level;
  }
  return level;
}

/** What the level column says where no level was raised: a metric measured on one side only was not compared (the
 *  warnings say why), which must not read as "no flag, so fine"; with both sides measured it is simply unflagged. */
export const NOT_COMPARED = 'not compared';

/** The metric's level, 'not compared' when only one side has a value, or null when both do and no level was raised. */
export function metricLevelOrNotCompared(result: AnalysisResult, metricId: MetricId): FlagLevel | typeof NOT_COMPARED | null {
  const level = metricFlagLevel(result.flags, metricId);
  if (level) return level;
  const m = result.metrics[metricId];
  return m && (m.left === null) !== (m.right === null) ? NOT_COMPARED : null;
}
