// What the progress chart draws, the same in the app (Chart.js) and the PDF (pdfkit): per session a point at the
// left − right difference with its 95% interval as a bar, the normal band shaded around zero, on one y range that
// holds every bar and the band (a cut-off bar would hide exactly the uncertainty the chart is for).
import type { MetricId } from '../analysis/types';
import type { ProgressReport } from '../analysis/progress/buildProgress';

export interface ProgressPoint {
  /** 1-based session number along the x axis (sessions are evenly spaced: a gap in dates is not a gap in meaning). */
  x: number;
  date: string;
  name: string | null;
  difference: number;
  ci95: [number, number] | null;
}

export interface ProgressChartData {
  points: ProgressPoint[];
  /** Half-width of the normal band around 0, null when the metric has none. */
  band: number | null;
  yDomain: [number, number];
  xDomain: [number, number];
}

export function progressChartData(progress: ProgressReport, metricId: MetricId): ProgressChartData {
  const points: ProgressPoint[] = [];
  progress.sessions.forEach((s, i) => {
    const m = s.metrics[metricId];
    if (m && m.difference !== null) points.push({ x: i + 1, date: s.date, name: s.name, difference: m.difference, ci95: m.differenceCi95 });
  });
  const band = progress.metrics.find((m) => m.metricId === metricId)?.normalHalfWidth ?? null;
  const values = [0, ...points.flatMap((p) => [p.difference, ...(p.ci95 ?? [])]), ...(band !== null ? [band, -band] : [])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.08;
  return { points, band, yDomain: [lo - pad, hi + pad], xDomain: [0.5, Math.max(1, progress.sessions.length) + 0.5] };
}
