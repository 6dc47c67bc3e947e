// Vector chart primitives for the report (issue 5): axes with ticks and labels, line/point
// series styled per side (solid+circle vs dashed+square, so greyscale prints stay readable).
import type { Side } from '../../shared/contract';
import { MUTED_COLOR, RULE_COLOR, SIDE_STYLE, TEXT_COLOR, drawMarker, type ReportContext } from './reportLayout';
import { seriesExtent } from '../../shared/seriesExtent';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartAxes {
  plot: Box;
  xToPt: (v: number) => number;
  yToPt: (v: number) => number;
}

export interface ChartSpec {
  box: Box;
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  /** Tick formatter; defaults to the tick's own decimals. */
  formatX?: (v: number) => string;
  formatY?: (v: number) => string;
  yTickCount?: number;
}

/** Ticks at 1, 2 or 5 × 10^k inside the domain (the "nice numbers" of Heckbert 1990). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // The 1-2-5 step nearest the raw step on a log scale.
  let step = magnitude;
  for (const m of [2, 5, 10]) if (Math.abs(Math.log(m * magnitude / raw)) < Math.abs(Math.log(step / raw))) step = m * magnitude;
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** A domain padded to nice bounds that contains every finite value (fallback when none). */
export function paddedDomain(values: readonly number[], fallback: [number, number], padFraction = 0.08): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return fallback;
  let [min, max] = seriesExtent(finite);
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * padFraction;
  const ticks = niceTicks(min - pad, max + pad, 5);
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 1;
  const low = Math.floor((min - pad) / step) * step;
  // Times and flexion angles that are never negative should not get a negative axis from padding.
  return [min >= 0 ? Math.max(0, low) : low, Math.ceil((max + pad) / step) * step];
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step)));
}

export function drawChartFrame(ctx: ReportContext, spec: ChartSpec): ChartAxes {
  const { doc, fonts } = ctx;
  const { box } = spec;
  const titleH = 14;
  const plot: Box = { x: box.x + 40, y: box.y + titleH + 4, width: box.width - 48, height: box.height - titleH - 4 - 28 };
  const [x0, x1] = spec.xDomain;
  const [y0, y1] = spec.yDomain;
  const xToPt = (v: number) => plot.x + ((v - x0) / (x1 - x0 || 1)) * plot.width;
  const yToPt = (v: number) => plot.y + plot.height - ((v - y0) / (y1 - y0 || 1)) * plot.height;

  doc.font(fonts.bold).fontSize(10).fillColor(TEXT_COLOR).text(spec.title, box.x, box.y, { width: box.width, lineBreak: false });

  const xTicks = niceTicks(x0, x1, Math.max(3, Math.round(plot.width / 60)));
  const yTicks = niceTicks(y0, y1, spec.yTickCount ?? Math.max(3, Math.round(plot.height / 30)));
  const xDec = decimalsOf(xTicks.length > 1 ? (xTicks[1] ?? 0) - (xTicks[0] ?? 0) : 1);
  const yDec = decimalsOf(yTicks.length > 1 ? (yTicks[1] ?? 0) - (yTicks[0] ?? 0) : 1);
  const fx = spec.formatX ?? ((v: number) => v.toFixed(xDec));
  const fy = spec.formatY ?? ((v: number) => v.toFixed(yDec));

  doc.save().lineWidth(0.4).strokeColor(RULE_COLOR);
  for (const t of yTicks) doc.moveTo(plot.x, yToPt(t)).lineTo(plot.x + plot.width, yToPt(t)).stroke();
  doc.restore();
  doc.save().lineWidth(0.8).strokeColor(TEXT_COLOR);
  doc.moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.height).lineTo(plot.x + plot.width, plot.y + plot.height).stroke();
  doc.restore();

  doc.font(fonts.regular).fontSize(7.5).fillColor(MUTED_COLOR);
  for (const t of yTicks) {
    doc.text(fy(t), plot.x - 34, yToPt(t) - 3.5, { width: 30, align: 'right', lineBreak: false });
  }
  for (const t of xTicks) {
    const x = xToPt(t);
    doc.save().moveTo(x, plot.y + plot.height).lineTo(x, plot.y + plot.height + 3).lineWidth(0.6).strokeColor(TEXT_COLOR).stroke().restore();
    doc.text(fx(t), x - 20, plot.y + plot.height + 5, { width: 40, align: 'center', lineBreak: false });
  }
  doc.fontSize(8).fillColor(TEXT_COLOR);
  doc.text(spec.xLabel, plot.x, plot.y + plot.height + 16, { width: plot.width, align: 'center', lineBreak: false });
  // Rotated y label, reading bottom to top.
  doc.save();
  const labelX = box.x + 2;
  const labelY = plot.y + plot.height / 2;
  doc.rotate(-90, { origin: [labelX, labelY] });
  doc.text(spec.yLabel, labelX - plot.height / 2, labelY, { width: plot.height, align: 'center', lineBreak: false });
  doc.restore();
  return { plot, xToPt, yToPt };
}

export interface SeriesOptions {
  line: boolean;
  markers: boolean;
  markerSizePt?: number;
  lineWidthPt?: number;
}

/** Draws one side's series; NaN values break the line. Points outside the plot are clipped. */
export function drawSideSeries(ctx: ReportContext, axes: ChartAxes, side: Side, xs: readonly number[], ys: readonly number[], opts: SeriesOptions): void {
  const { doc } = ctx;
  const style = SIDE_STYLE[side];
  const { plot } = axes;
  doc.save();
  doc.rect(plot.x - 4, plot.y - 4, plot.width + 8, plot.height + 8).clip();
  if (opts.line) {
    doc.lineWidth(opts.lineWidthPt ?? 1.3).strokeColor(style.color);
    if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
    let open = false;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] ?? Number.NaN;
      const y = ys[i] ?? Number.NaN;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        if (open) doc.stroke();
        open = false;
        continue;
      }
      if (open) doc.lineTo(axes.xToPt(x), axes.yToPt(y));
      else doc.moveTo(axes.xToPt(x), axes.yToPt(y));
      open = true;
    }
    if (open) doc.stroke();
    doc.undash();
  }
  if (opts.markers) {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] ?? Number.NaN;
      const y = ys[i] ?? Number.NaN;
      if (Number.isFinite(x) && Number.isFinite(y)) drawMarker(doc, style.marker, axes.xToPt(x), axes.yToPt(y), opts.markerSizePt ?? 3.6, style.color);
    }
  }
  doc.restore();
}

/** A horizontal reference line (e.g. a side's mean) in the side's style, thin. */
export function drawSideMeanLine(ctx: ReportContext, axes: ChartAxes, side: Side, value: number | null): void {
  if (value === null || !Number.isFinite(value)) return;
  const { doc } = ctx;
  const style = SIDE_STYLE[side];
  const y = axes.yToPt(value);
  doc.save().lineWidth(0.7).strokeColor(style.color).opacity(0.8);
  doc.dash(style.dash ? 2 : 6, { space: 2 });
  doc.moveTo(axes.plot.x, y).lineTo(axes.plot.x + axes.plot.width, y).stroke();
  doc.undash().restore();
}

/** Legend in the top-right corner of the chart box: sample line + marker + label per side. */
export function drawSideLegend(ctx: ReportContext, box: Box, labels: Record<Side, string>): void {
  const { doc, fonts } = ctx;
  doc.font(fonts.regular).fontSize(8);
  let x = box.x + box.width;
  for (const side of ['right', 'left'] as const) {
    const style = SIDE_STYLE[side];
    const text = labels[side];
    const w = doc.widthOfString(text);
    x -= w + 34;
    const y = box.y + 5;
    doc.save().lineWidth(1.3).strokeColor(style.color);
    if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
    doc.moveTo(x, y).lineTo(x + 22, y).stroke().undash().restore();
    drawMarker(doc, style.marker, x + 11, y, 4, style.color);
    doc.fillColor(TEXT_COLOR).text(text, x + 26, y - 4.5, { lineBreak: false });
  }
}
