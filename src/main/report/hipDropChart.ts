// The PDF's hip-drop chart (rear view) in the verdict's convention, as the app's HipLineChart draws it (issue 13):
// the pelvis line during each stance signed so that + = the swing side lower, each step's mark at mid-stance equal
// to the table's hip drop, each side's mean. One convention per chart, written on its axis and under its title.
import type { AnalysisResult, Side } from '../../shared/contract';
import { HIP_DROP_CONVENTION, stanceDropSeries, stepDropPoints, type DropXY } from '../../shared/hipDropSeries';
import { drawChartFrame, drawSideLegend, drawSideMeanLine, drawSideSeries, paddedDomain, type Box } from './chartFrame';
import { MUTED_COLOR, type ReportContext } from './reportLayout';

export interface HipDropSide {
  /** The pelvis line during this foot's stances, as a drop (null between them). */
  stance: DropXY[];
  /** Each step's hip drop (steps[].hipDropDeg) at the middle of its stance. */
  steps: { x: number; y: number }[];
  meanDeg: number | null;
}

export type HipDropChartData = Record<Side, HipDropSide>;

/** What the chart draws, per stance side; null when no step has a hip drop. */
export function hipDropChartData(result: AnalysisResult): HipDropChartData | null {
  const steps = result.steps ?? [];
  if (!steps.some((s) => s.hipDropDeg !== null && Number.isFinite(s.hipDropDeg))) return null;
  const curve = result.curves?.hipLineDeg;
  const side = (s: Side): HipDropSide => ({
    stance: curve && curve.timeSec.length > 1 ? stanceDropSeries(curve, result.events, s) : [],
    steps: stepDropPoints(steps, s),
    meanDeg: result.metrics.hipDropDeg?.[s] ?? null,
  });
  return { left: side('left'), right: side('right') };
}

export function drawHipDropChart(ctx: ReportContext, result: AnalysisResult, box: Box, xDomain: [number, number]): boolean {
  const data = hipDropChartData(result);
  if (!data) return false;
  const ys = (['left', 'right'] as const).flatMap((s) => [...data[s].steps.map((p) => p.y), ...data[s].stance.map((p) => p.y ?? Number.NaN)]);
  // The bottom line of the box holds the convention in words, under the axis label (never over the data).
  const noteH = 12;
  const axes = drawChartFrame(ctx, {
    box: { ...box, height: box.height - noteH },
    title: 'Hip drop during each stance (rear view)',
    xLabel: 'Time in the clip (s)',
    yLabel: 'Hip drop (°), + = swing side lower',
    xDomain,
    yDomain: paddedDomain([...ys, 0], [-2, 10]),
  });
  ctx.doc.font(ctx.fonts.regular).fontSize(7.5).fillColor(MUTED_COLOR)
    .text(`${HIP_DROP_CONVENTION}; as in the verdict. Marks: each step’s value in the table, at mid-stance.`, axes.plot.x, box.y + box.height - noteH + 3, { width: axes.plot.width, lineBreak: false });
  for (const side of ['left', 'right'] as const) {
    const d = data[side];
    drawSideSeries(ctx, axes, side, d.stance.map((p) => p.x), d.stance.map((p) => p.y ?? Number.NaN), { line: true, markers: false, lineWidthPt: 0.8 });
    drawSideMeanLine(ctx, axes, side, d.meanDeg);
    drawSideSeries(ctx, axes, side, d.steps.map((p) => p.x), d.steps.map((p) => p.y), { line: false, markers: true, markerSizePt: 4.2 });
  }
  drawSideLegend(ctx, box, { left: 'Standing on left', right: 'Standing on right' });
  return true;
}
