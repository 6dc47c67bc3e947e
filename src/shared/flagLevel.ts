// A metric's flag level as the app and the PDF show it (one rule for both): the most serious level raised on it,
// and whether its 'normal' is only the data failing to decide (Flag.unclear, raiseFlags in src/analysis).
import type { Flag, FlagLevel, MetricId } from './contract';

export const FLAG_LEVEL_RANK: Readonly<Record<FlagLevel, number>> = { normal: 0, watch: 1, marked: 2 };

/** The most serious flag level raised for a metric, or null when the analysis raised none. */
export function metricFlagLevel(flags: readonly Flag[], metricId: MetricId): FlagLevel | null {
  let level: FlagLevel | null = null;
  for (const f of flags) {
    if (f.metricId === metricId && (level === null || FLAG_LEVEL_RANK[f.level] > FLAG_LEVEL_RANK[level])) level = f.level;
  }
  return level;
}

/** Whether a metric's only verdict is 'normal' because its interval could not decide. */
export function metricIsUnclear(flags: readonly Flag[], metricId: MetricId): boolean {
  return metricFlagLevel(flags, metricId) === 'normal' && flags.some((f) => f.metricId === metricId && f.unclear === true);
}
