// The progress table as text, the same in the terminal, the PDF and the app (issue 14): per metric, one row per
// session with its date, each side's value, the left − right difference and its 95% interval.
import type { MetricId } from '../analysis/types';
import type { ProgressReport } from '../analysis/progress/buildProgress';
import { formatMetricDifference, formatMetricInterval, formatMetricValue, metricLabel, metricUnitLabel } from './formatMetric';

export const PROGRESS_COLUMNS = ['Date', 'Session', 'Left', 'Right', 'L − R', '95% interval'] as const;

export function progressRows(progress: ProgressReport, metricId: MetricId): string[][] {
  return progress.sessions.filter((s) => s.metrics[metricId] !== undefined).map((s) => {
    const m = s.metrics[metricId]!;
    return [s.date, s.name ?? '', formatMetricValue(metricId, m.left), formatMetricValue(metricId, m.right),
      formatMetricDifference(metricId, m.difference), formatMetricInterval(metricId, m.differenceCi95)];
  });
}

/** "Ground contact time (ms)": the metric's one name with its unit. */
export function progressHeading(metricId: MetricId): string {
  return `${metricLabel(metricId)} (${metricUnitLabel(metricId)})`;
}

/** Columns padded to their widest cell, for a terminal. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows.reduce<number[]>((w, r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), []);
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}
