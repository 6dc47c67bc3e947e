// The short verdict printed after `lopsided analyse` (issue 3): the analysis' own sentences,
// a per-side table with the 95% interval of the difference and each measure's level, flags and quality warnings.
import type { AnalysisResult, MetricId } from '../../shared/contract';
import {
  MISSING, formatCadence, formatMetricInterval, formatMetricValue, formatSymmetryIndex, metricLabel, metricUnitLabel, shownMetricIds,
} from '../../shared/formatMetric';
import { metricLevelOrNotCompared } from '../../shared/flagLevel';
import { sideViewFacts } from '../../shared/sideViewFacts';

/** Text columns (the first and the last) read left-aligned, numbers right-aligned. */
function pad(cells: string[], widths: number[]): string {
  const last = cells.length - 1;
  return cells.map((c, i) => (i === 0 || i === last ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
}

export function formatSideTable(result: AnalysisResult): string[] {
  const header = ['metric', 'left', 'right', 'L−R 95% interval', 'SI', 'level'];
  const rows: string[][] = [];
  for (const id of shownMetricIds(result)) {
    const m = result.metrics[id] as NonNullable<AnalysisResult['metrics'][MetricId]>;
    rows.push([
      `${metricLabel(id)} (${metricUnitLabel(id)})`,
      formatMetricValue(id, m.left),
      formatMetricValue(id, m.right),
      formatMetricInterval(id, m.differenceCi95),
      formatSymmetryIndex(m.symmetryIndexPct),
      metricLevelOrNotCompared(result, id) ?? MISSING,
    ]);
  }
  if (rows.length === 0) return [];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [pad(header, widths), ...rows.map((r) => pad(r, widths))];
}

export function formatVerdict(result: AnalysisResult): string {
  const lines: string[] = [];
  // a session keeps its events with its clips; its steps (one per strike) say how many each side contributed
  const strikes = result.session ? (result.steps ?? []) : result.events.filter((e) => e.type === 'footStrike');
  const left = strikes.filter((e) => e.side === 'left').length;
  const right = strikes.filter((e) => e.side === 'right').length;
  const what = result.session ? `Session of ${result.session.clips.length} clips` : `${result.view === 'rear' ? 'Rear' : 'Side'} view`;
  lines.push(`${what} · cadence ${formatCadence(result.cadenceSpm)} steps/min · ${left} left and ${right} right foot strikes`);
  if (result.verdict?.length) {
    lines.push('');
    for (const v of result.verdict) lines.push(v);
  }
  const table = formatSideTable(result);
  if (table.length) {
    lines.push('');
    lines.push(...table);
    lines.push(...sideViewFacts(result));
  }
  const raised = result.flags.filter((f) => f.level !== 'normal');
  if (raised.length) {
    lines.push('');
    // an unclear message starts with "Unclear:" already
    for (const f of raised) lines.push(f.level === 'unclear' ? f.message : `[${f.level}] ${f.message}`);
  }
  if (result.quality.warnings.length) {
    lines.push('');
    for (const w of result.quality.warnings) lines.push(`warning: ${w}`);
  }
  return lines.join('\n');
}
