// A runner's progress as data (issue 14): each session with its date and every metric's per-side values, the
// left − right difference and its 95% interval, under the metric ids of report.json; per metric, the normal band
// in the metric's unit (drawn shaded in the chart), and the first and last sessions compared (compareSessions).
import { METRIC_NAME } from '../metricNames';
import type { MetricId } from '../types';
import { compareSessions, meanLevelOf, normalHalfWidth, type SessionChange, type SessionMetricValues } from './compareSessions';

export interface ProgressMetricValues {
  unit: string;
  left: number | null;
  right: number | null;
  /** left − right; null when a side is missing. */
  difference: number | null;
  differenceCi95: [number, number] | null;
}

export interface ProgressSession {
  sessionId: string;
  date: string;
  name: string | null;
  metrics: Partial<Record<MetricId, ProgressMetricValues>>;
}

export interface ProgressMetric {
  metricId: MetricId;
  unit: string;
  /** Half-width of the normal band in the metric's unit, centred on 0; null when the metric has no band. */
  normalHalfWidth: number | null;
}

export interface ProgressReport {
  sessions: ProgressSession[];
  /** Metrics present in at least one session, in the order of the one table of names (metricNames.ts). */
  metrics: ProgressMetric[];
  /** The first and the last session with the metric compared; empty with fewer than two sessions. */
  firstToLast: SessionChange[];
}

export interface SessionMetricsInput {
  sessionId: string;
  date: string;
  name: string | null;
  metrics: Partial<Record<MetricId, SessionMetricValues>>;
}

/** Sessions in date order (ties keep their given order). */
export function buildProgress(input: readonly SessionMetricsInput[]): ProgressReport {
  const sessions = [...input].sort((a, b) => a.date.localeCompare(b.date));
  const present = (Object.keys(METRIC_NAME) as MetricId[]).filter((id) => sessions.some((s) => s.metrics[id] !== undefined));
  const metrics: ProgressMetric[] = present.map((metricId) => {
    const values = sessions.map((s) => s.metrics[metricId]);
    const unit = values.find((v) => v !== undefined)?.unit ?? '';
    return { metricId, unit, normalHalfWidth: normalHalfWidth(metricId, meanLevelOf(values)) };
  });
  const firstToLast: SessionChange[] = [];
  for (const metricId of present) {
    const withIt = sessions.filter((s) => s.metrics[metricId]?.differenceCi95 != null);
    if (withIt.length < 2) continue;
    const change = compareSessions(metricId, withIt[0]?.metrics[metricId], withIt[withIt.length - 1]?.metrics[metricId]);
    if (change) firstToLast.push(change);
  }
  return {
    sessions: sessions.map((s) => ({
      sessionId: s.sessionId, date: s.date, name: s.name,
      metrics: Object.fromEntries(Object.entries(s.metrics).map(([id, v]) => [id, {
        unit: v.unit, left: v.left, right: v.right,
        difference: v.left !== null && v.right !== null ? v.left - v.right : null,
        differenceCi95: v.differenceCi95,
      }])) as Partial<Record<MetricId, ProgressMetricValues>>,
    })),
    metrics,
    firstToLast,
  };
}
