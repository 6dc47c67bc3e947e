// Section 3 of the report (issue 5): contact time per step, knee angle over the gait cycle (side
// view) or hip drop during each stance (rear view, hipDropChart.ts), and a step-time strip with the cadence.
import type { AnalysisResult, Side, StepRow } from '../../shared/contract';
import { formatCadence } from '../../shared/formatMetric';
import { drawChartFrame, drawSideLegend, drawSideMeanLine, drawSideSeries, paddedDomain, type Box } from './chartFrame';
import { drawHipDropChart } from './hipDropChart';
import { MUTED_COLOR, contentLeft, contentWidth, ensureSpace, paragraph, sectionHeading, type ReportContext } from './reportLayout';
import { seriesExtent } from '../../shared/seriesExtent';

const SIDE_LABELS: Record<Side, string> = { left: 'Left', right: 'Right' };

function stepsOf(result: AnalysisResult, side: Side): StepRow[] {
  return (result.steps ?? []).filter((s) => s.side === side);
}

function timeDomain(result: AnalysisResult): [number, number] {
  const times = (result.steps ?? []).map((s) => s.strikeTimeSec);
  if (times.length === 0) return [0, Math.max(1, result.video.durationSec)];
  const [first, last] = seriesExtent(times);
  return [Math.floor(first), Math.ceil(last)];
}

/** Reserves a full-width box (new page if needed), lets `draw` fill it, then moves below it. */
function placeChart(ctx: ReportContext, heightPt: number, draw: (box: Box) => boolean): boolean {
  const y = ensureSpace(ctx.doc, heightPt + 8);
  const box = { x: contentLeft(ctx.doc), y, width: contentWidth(ctx.doc), height: heightPt };
  const drawn = draw(box);
  ctx.doc.x = box.x;
  ctx.doc.y = y + (drawn ? heightPt + 14 : 0);
  return drawn;
}

/** A per-step value of each side against strike time, with each side's mean as a thin line. */
function perStepChart(
  ctx: ReportContext,
  result: AnalysisResult,
  box: Box,
  title: string,
  yLabel: string,
  value: (s: StepRow) => number | null,
  means: Record<Side, number | null>,
): boolean {
  // a side is drawn only where the result shows its mean: a foot this clip could not time (or a view that times
  // neither) is not plotted, so no chart shows a gap the table does not state
  const shown = (['left', 'right'] as const).filter((side) => means[side] !== null);
  const values = (result.steps ?? []).filter((s) => shown.includes(s.side)).map((s) => value(s) ?? Number.NaN);
  if (!values.some((v) => Number.isFinite(v))) return false;
  // Durations are drawn from zero: a cut axis makes a few milliseconds between the feet look like a lopsided runner.
  const [, top] = paddedDomain(values, [0, 1]);
  const axes = drawChartFrame(ctx, { box, title, xLabel: 'Time in the clip (s)', yLabel, xDomain: timeDomain(result), yDomain: [0, top] });
  for (const side of shown) {
    const steps = stepsOf(result, side);
    drawSideMeanLine(ctx, axes, side, means[side]);
    drawSideSeries(ctx, axes, side, steps.map((s) => s.strikeTimeSec), steps.map((s) => value(s) ?? Number.NaN), { line: true, markers: true, lineWidthPt: 0.9 });
  }
  drawSideLegend(ctx, box, { left: shown.includes('left') ? SIDE_LABELS.left : 'Left: not measured', right: shown.includes('right') ? SIDE_LABELS.right : 'Right: not measured' });
  return true;
}

function kneeCycleChart(ctx: ReportContext, result: AnalysisResult, box: Box): boolean {
  const knee = result.curves?.kneeAngleCycleDeg;
  if (!knee || (!knee.left.some(Number.isFinite) && !knee.right.some(Number.isFinite))) return false;
  const axes = drawChartFrame(ctx, {
    box,
    title: 'Knee flexion over the gait cycle (mean of all strides, foot strike = 0%)',
    xLabel: 'Gait cycle (%)',
    yLabel: 'Knee flexion (°)',
    xDomain: [0, 100],
    yDomain: paddedDomain([...knee.left, ...knee.right], [0, 120], 0.05),
  });
  for (const side of ['left', 'right'] as const) {
    const ys = knee[side];
    const xs = ys.map((_, i) => (ys.length > 1 ? (i * 100) / (ys.length - 1) : 0));
    drawSideSeries(ctx, axes, side, xs, ys, { line: true, markers: false, lineWidthPt: 1.6 });
    // Sparse markers (every 10%) so the sides differ by shape too.
    const every = Math.max(1, Math.round((ys.length - 1) / 10));
    drawSideSeries(ctx, axes, side, xs.filter((_, i) => i % every === 0), ys.filter((_, i) => i % every === 0), { line: false, markers: true, markerSizePt: 4.2 });
  }
  drawSideLegend(ctx, box, SIDE_LABELS);
  return true;
}

function hasStepValues(result: AnalysisResult, value: (s: StepRow) => number | null): boolean {
  return (result.steps ?? []).some((s) => Number.isFinite(value(s) ?? Number.NaN));
}

function hasAngleCurve(result: AnalysisResult): boolean {
  if (result.view === 'rear') return hasStepValues(result, (s) => s.hipDropDeg);
  const knee = result.curves?.kneeAngleCycleDeg;
  return !!knee && (knee.left.some(Number.isFinite) || knee.right.some(Number.isFinite));
}

export function drawChartsSection(ctx: ReportContext, result: AnalysisResult): void {
  // Charts follow the observations on the same page when the first chart fits there.
  sectionHeading(ctx, 'Charts', 230);
  paragraph(ctx, 'Each point is one step. Left: solid line with circles; right: dashed line with squares. Thin horizontal lines are each side’s mean.', { size: 8.5, color: MUTED_COLOR });
  let drawn = 0;
  if (hasStepValues(result, (s) => s.contactMs)) {
    const means = { left: result.metrics.contactTimeMs?.left ?? null, right: result.metrics.contactTimeMs?.right ?? null };
    if (placeChart(ctx, 180, (box) => perStepChart(ctx, result, box, 'Ground contact time per step', 'Contact (ms)', (s) => s.contactMs, means))) drawn++;
  }
  if (hasAngleCurve(result)) {
    if (placeChart(ctx, result.view === 'side' ? 200 : 232, (box) => (result.view === 'side' ? kneeCycleChart(ctx, result, box) : drawHipDropChart(ctx, result, box, timeDomain(result))))) drawn++;
  }
  if (hasStepValues(result, (s) => s.stepMs)) {
    const means = { left: result.metrics.stepTimeMs?.left ?? null, right: result.metrics.stepTimeMs?.right ?? null };
    const title = `Step time per step (the step that ends on that foot) · cadence ${formatCadence(result.cadenceSpm)} steps/min`;
    if (placeChart(ctx, 150, (box) => perStepChart(ctx, result, box, title, 'Step (ms)', (s) => s.stepMs, means))) drawn++;
  }
  if (drawn === 0) paragraph(ctx, 'No per-step values were available to chart.', { color: MUTED_COLOR });
}
