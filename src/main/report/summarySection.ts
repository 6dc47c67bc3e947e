// Section 2 of the report (issue 5): the verdict, the per-side table with intervals and flag
// marks, the flag legend and every flag's message.
import type { AnalysisResult, Flag, FlagLevel, MetricId } from '../../shared/contract';
import { FLAG_LEVEL_RANK, MIN_STEPS_PER_SIDE, NOT_COMPARED, TOO_FEW_STEPS, isUnlevelled, metricLevelOrNotCompared } from '../../shared/flagLevel';
import {
  shownMetricIds,
  crossoverText,
  MISSING,
  formatMetricDifference,
  formatMetricInterval,
  formatMetricValue,
  formatSymmetryIndex,
  metricLabel,
  metricUnitLabel,
} from '../../shared/formatMetric';
import { FLAG_STYLE, MUTED_COLOR, TEXT_COLOR, contentLeft, contentWidth, drawMarker, ensureSpace, paragraph, sectionHeading, type ReportContext } from './reportLayout';
import { drawTable, type TableCell, type TableColumn } from './reportTable';
import { sideViewFacts } from '../../shared/sideViewFacts';

const LEVELS: FlagLevel[] = ['normal', 'unclear', 'watch', 'marked'];


/** Metrics the result shows (a value on at least one side), in reading order. */
export function reportedMetricIds(result: AnalysisResult): MetricId[] {
  return shownMetricIds(result);
}

function fallbackVerdict(result: AnalysisResult): string[] {
  const marked = result.flags.filter((f) => f.level === 'marked').length;
  const watch = result.flags.filter((f) => f.level === 'watch').length;
  if (marked + watch === 0) return ['No left/right difference stood out beyond the usual range in this clip.'];
  return [`${marked} observation(s) marked and ${watch} to watch; see the table and notes below.`];
}

const COLUMNS: TableColumn[] = [
  { header: 'Metric', weight: 2.3, align: 'left' },
  { header: 'Left', weight: 0.85, align: 'right' },
  { header: 'Right', weight: 0.85, align: 'right' },
  { header: 'Left minus right', weight: 1.05, align: 'right' },
  { header: '95% interval of the difference', weight: 1.45, align: 'right' },
  { header: 'Symmetry index', weight: 1.0, align: 'right' },
  // wide enough for "not compared" on one line
  { header: 'Flag', weight: 1.35, align: 'left' },
];

function metricRow(result: AnalysisResult, id: MetricId): TableCell[] {
  const m = result.metrics[id];
  const left = m?.left ?? null;
  const right = m?.right ?? null;
  const diff = left !== null && right !== null ? left - right : null;
  const level = metricLevelOrNotCompared(result, id);
  return [
    { text: `${metricLabel(id)} (${metricUnitLabel(id)})` },
    { text: formatMetricValue(id, left) },
    { text: formatMetricValue(id, right) },
    { text: formatMetricDifference(id, diff) },
    { text: formatMetricInterval(id, m?.differenceCi95 ?? null) },
    { text: formatSymmetryIndex(m?.symmetryIndexPct ?? null) },
    isUnlevelled(level) ? { text: level, color: MUTED_COLOR }
      : level ? { text: level, flag: level, bold: level === 'watch' || level === 'marked' } : { text: MISSING, color: MUTED_COLOR },
  ];
}

// Mirrors the analysis's rule (raiseFlags; docs/references.md "Asymmetry"): flag only when the whole
// 95% interval lies outside the usual band.
const LEGEND: Record<FlagLevel, string> = {
  normal: 'the whole 95% interval of the difference lies within the usual left/right band',
  unclear: 'this clip cannot tell: the 95% interval reaches both inside and beyond the usual band (more steps, a higher frame rate or the other side\'s clip would settle it)',
  watch: 'the whole 95% interval lies beyond the usual band (timing: symmetry index over about 5%; angles: over the 2–3° healthy runners show)',
  marked: 'beyond the watch band as well (timing: over about 10%; angles: over about twice the healthy difference)',
};

function drawLegend(ctx: ReportContext): void {
  const { doc, fonts } = ctx;
  const x = contentLeft(doc);
  ensureSpace(doc, 50);
  doc.font(fonts.regular).fontSize(8);
  for (const level of LEVELS) {
    const y = doc.y;
    drawMarker(doc, FLAG_STYLE[level].shape, x + 4, y + 4.5, 6.5, FLAG_STYLE[level].color);
    doc.font(fonts.bold).fillColor(TEXT_COLOR).text(level, x + 12, y, { continued: true });
    doc.font(fonts.regular).fillColor(MUTED_COLOR).text(`: ${LEGEND[level]}.`, { width: contentWidth(doc) - 12 });
    doc.y += 1;
  }
  doc.font(fonts.regular).fontSize(8).fillColor(MUTED_COLOR);
  doc.text(`In the Flag column, “${NOT_COMPARED}”: one side is not measured from this clip (the warnings say why); “${TOO_FEW_STEPS}”: fewer than ${MIN_STEPS_PER_SIDE} steps of one side carry that measure; “${MISSING}”: the analysis raised no flag for that metric. Symmetry index = (L − R) / mean(L, R) × 100; positive means the left value is larger.`, x, doc.y + 2, { width: contentWidth(doc) });
  doc.x = x;
  doc.y += 6;
}

function drawObservations(ctx: ReportContext, flags: readonly Flag[]): void {
  const { doc, fonts } = ctx;
  const sorted = [...flags].sort((a, b) => FLAG_LEVEL_RANK[b.level] - FLAG_LEVEL_RANK[a.level]);
  sectionHeading(ctx, 'Observations');
  if (sorted.length === 0) {
    paragraph(ctx, 'The analysis raised no flags.', { color: MUTED_COLOR });
    return;
  }
  const x = contentLeft(doc);
  const width = contentWidth(doc) - 62;
  for (const flag of sorted) {
    doc.font(fonts.regular).fontSize(9.5);
    // watch/marked carry what the difference may mean (an observation, never a risk: flagMeanings.ts)
    const meaning = flag.meaning ? `What this may mean: ${flag.meaning}` : null;
    const h = doc.heightOfString(flag.message, { width, lineGap: 1.5 })
      + (meaning ? doc.fontSize(8.5).heightOfString(meaning, { width, lineGap: 1 }) + 2 : 0);
    const y = ensureSpace(doc, h + 4);
    const style = FLAG_STYLE[flag.level];
    drawMarker(doc, style.shape, x + 4, y + 6, 7, style.color);
    doc.font(fonts.bold).fontSize(9).fillColor(TEXT_COLOR).text(flag.level, x + 12, y + 0.5, { width: 48, lineBreak: false });
    doc.font(fonts.regular).fontSize(9.5).fillColor(TEXT_COLOR).text(flag.message, x + 62, y, { width, lineGap: 1.5 });
    if (meaning) doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED_COLOR).text(meaning, x + 62, doc.y + 2, { width, lineGap: 1 });
    doc.y += 4;
  }
  doc.x = x;
}

export function drawSummarySection(ctx: ReportContext, result: AnalysisResult): void {
  sectionHeading(ctx, 'In short');
  const verdict = result.verdict && result.verdict.length > 0 ? result.verdict : fallbackVerdict(result);
  paragraph(ctx, verdict.join(' '), { size: 11, gapAfter: 3 });
  // The runner may read only page 1: say here what the numbers are not (docs/references.md, Malisoux 2024).
  const videos = result.session ? 'these videos' : 'one video';
  paragraph(ctx, `These are observations from ${videos}, with their uncertainty; they are not an injury-risk score (see “What these numbers do not mean” at the end).`, { size: 8.5, color: MUTED_COLOR, gapAfter: 8 });
  const hand = result.events.filter((e) => e.correctedByHand === true).length;
  if (hand > 0) paragraph(ctx, `${hand} of the ${result.events.length} foot strikes and toe-offs were corrected by hand; every number here is computed from the corrected events (listed with every step).`, { size: 8.5, gapAfter: 8 });

  sectionHeading(ctx, 'Left and right compared (mean of all steps of each side)', 120);
  const ids = reportedMetricIds(result);
  if (ids.length === 0) paragraph(ctx, 'The analysis produced no metrics for this clip.', { color: MUTED_COLOR });
  else drawTable(ctx, { columns: COLUMNS, rows: ids.map((id) => metricRow(result, id)), fontSize: 9, headerFontSize: 7.5, zebra: true });
  if (result.crossover) paragraph(ctx, crossoverText(result.crossover), { size: 9, gapAfter: 4 });
  for (const line of sideViewFacts(result)) paragraph(ctx, line, { size: 9, gapAfter: 2 });
  drawLegend(ctx);
  drawObservations(ctx, result.flags);
}
