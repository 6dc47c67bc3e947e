// The progress report (issue 14, `lopsided report --progress RUNNER`): for each measure, the runner's left − right
// difference session after session — a point with its 95% interval as a bar, the normal band shaded — then the table
// of each side's values, and in words whether the first and last session differ (compareSessions.ts).
import type { MetricId } from '../../analysis/types';
import { progressChartData } from '../../shared/progressChart';
import { progressHeading, progressRows, PROGRESS_COLUMNS } from '../../shared/formatProgress';
import type { RunnerPage } from '../../shared/library';
import { ownAppVersion } from './appVersion';
import { drawChartFrame, type Box } from './chartFrame';
import { formatReportDate } from './headerSection';
import { drawFooters, openReportDocument } from './reportDocument';
import { FLAG_STYLE, MUTED_COLOR, SIDE_STYLE, TEXT_COLOR, contentLeft, contentWidth, drawMarker, ensureSpace, paragraph, sectionHeading, type ReportContext } from './reportLayout';
import { ReportPdfError } from './reportPdfError';
import { drawTable } from './reportTable';

export interface ProgressPdfOptions {
  paper?: 'A4' | 'LETTER';
  reportDate?: Date;
}

const CHART_HEIGHT_PT = 150;
const POINT_COLOR = TEXT_COLOR;

function drawProgressChart(ctx: ReportContext, page: RunnerPage, metricId: MetricId, box: Box): void {
  const { doc } = ctx;
  const data = progressChartData(page.progress, metricId);
  const dates = page.progress.sessions.map((s) => s.date);
  const axes = drawChartFrame(ctx, {
    box, title: 'Left − right difference per session', xLabel: 'Session', yLabel: 'Left − right',
    xDomain: data.xDomain, yDomain: data.yDomain,
    // a tick only at a whole session number: its date
    formatX: (v) => (Number.isInteger(v) && v >= 1 && v <= dates.length ? (dates[v - 1] ?? '') : ''),
  });
  const { plot } = axes;
  doc.save().rect(plot.x, plot.y, plot.width, plot.height).clip();
  if (data.band !== null) {
    const top = axes.yToPt(data.band);
    doc.save().rect(plot.x, top, plot.width, axes.yToPt(-data.band) - top).fillColor(FLAG_STYLE.normal.color).fillOpacity(0.13).fill().restore();
  }
  doc.save().lineWidth(0.6).strokeColor(MUTED_COLOR).moveTo(plot.x, axes.yToPt(0)).lineTo(plot.x + plot.width, axes.yToPt(0)).stroke().restore();
  for (const p of data.points) {
    const x = axes.xToPt(p.x);
    if (p.ci95) {
      const [y0, y1] = [axes.yToPt(p.ci95[0]), axes.yToPt(p.ci95[1])];
      doc.save().lineWidth(1.1).strokeColor(POINT_COLOR)
        .moveTo(x, y0).lineTo(x, y1).moveTo(x - 4, y0).lineTo(x + 4, y0).moveTo(x - 4, y1).lineTo(x + 4, y1).stroke().restore();
    }
    drawMarker(doc, 'circle', x, axes.yToPt(p.difference), 5, POINT_COLOR);
  }
  doc.restore();
  // what the shading and the sign mean, under the title
  doc.font(ctx.fonts.regular).fontSize(7.5).fillColor(MUTED_COLOR)
    .text(`${data.band !== null ? 'Shaded: normal band. ' : ''}Bars: 95% interval. Above 0: ${SIDE_STYLE.left.label.toLowerCase()} larger.`, box.x, box.y + 1, { width: box.width, align: 'right', lineBreak: false });
}

export async function renderProgressPdf(page: RunnerPage, opts: ProgressPdfOptions = {}): Promise<Buffer> {
  const app = ownAppVersion();
  const reportDate = opts.reportDate ?? new Date();
  const { ctx, safe, bytes } = openReportDocument(opts.paper, {
    Title: `Running progress: ${page.runner.name}`, Author: page.runner.name, Subject: 'Left/right gait differences over time',
    Creator: `${app.name} ${app.version}`, Producer: `${app.name} ${app.version} (pdfkit)`, CreationDate: reportDate,
  });
  const { doc } = ctx;
  try {
    const p = page.progress;
    doc.font(ctx.fonts.bold).fontSize(18).fillColor(TEXT_COLOR).text(safe(`Progress: ${page.runner.name}`), contentLeft(doc), doc.page.margins.top, { width: contentWidth(doc) });
    const span = p.sessions.length > 0 ? `${p.sessions[0]?.date} to ${p.sessions[p.sessions.length - 1]?.date}` : 'no sessions yet';
    paragraph(ctx, `${p.sessions.length} session${p.sessions.length === 1 ? '' : 's'}, ${span}. Each point is one session's left − right difference; its bar is the 95% interval. First and last session compared: "changed" when the change is larger than both intervals allow, "no change shown" when any change is inside the normal band, "unclear" otherwise.`, { color: MUTED_COLOR, size: 9 });
    for (const m of p.metrics) {
      sectionHeading(ctx, progressHeading(m.metricId), CHART_HEIGHT_PT + 40);
      const y = ensureSpace(doc, CHART_HEIGHT_PT + 8);
      drawProgressChart(ctx, page, m.metricId, { x: contentLeft(doc), y, width: contentWidth(doc), height: CHART_HEIGHT_PT });
      doc.x = contentLeft(doc);
      doc.y = y + CHART_HEIGHT_PT + 10;
      drawTable(ctx, {
        columns: PROGRESS_COLUMNS.map((header, i) => ({ header, weight: i === 1 ? 2 : i === 5 ? 1.6 : 1, align: i < 2 ? 'left' as const : 'right' as const })),
        rows: progressRows(p, m.metricId).map((r) => r.map((text) => ({ text: safe(text) }))),
        zebra: true,
      });
      const change = p.firstToLast.find((c) => c.metricId === m.metricId);
      if (change) paragraph(ctx, safe(change.sentence), { size: 9 });
    }
    drawFooters(ctx, safe(`${app.name} ${app.version} · progress of ${page.runner.name} · ${formatReportDate(reportDate)}`));
    doc.end();
  } catch (err) {
    doc.end();
    throw new ReportPdfError('REPORT_RENDER_FAILED', `The progress report could not be drawn: ${(err as Error).message}`);
  }
  return bytes;
}
