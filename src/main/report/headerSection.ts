// Section 1 of the report (issue 5): title, runner, date, clip, view, frame rate, duration, version.
import type { AnalysisResult } from '../../shared/contract';
import { formatCadence } from '../../shared/formatMetric';
import { MUTED_COLOR, RULE_COLOR, TEXT_COLOR, clipName, contentLeft, contentWidth, type ReportContext } from './reportLayout';

export interface HeaderInfo {
  runnerName?: string;
  /** The session's name, shown first when given. */
  sessionName?: string;
  /** The clip's name as the user knows it (else the file name of result.video.path). */
  clipName?: string;
  reportDate: Date;
  appName: string;
  appVersion: string;
}

/** ISO calendar date (YYYY-MM-DD): unambiguous for readers on both sides of the Atlantic. */
export function formatReportDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function viewLabel(result: AnalysisResult): string {
  if (result.session) return `Session of ${result.session.clips.length} clips of one run`;
  return result.view === 'side' ? 'Side view (camera beside the treadmill)' : 'Rear view (camera behind the runner)';
}

const ROLE_LABEL = { leftSide: 'Left side', rightSide: 'Right side', rear: 'Rear' } as const;

/** Two columns: who/what on the left, how it was filmed on the right. */
export function headerFields(result: AnalysisResult, info: HeaderInfo): [[string, string][], [string, string][]] {
  const v = result.video;
  const left: [string, string][] = [];
  if (info.sessionName && info.sessionName.trim()) left.push(['Session', info.sessionName.trim()]);
  if (info.runnerName && info.runnerName.trim()) left.push(['Runner', info.runnerName.trim()]);
  left.push(['Date', formatReportDate(info.reportDate)]);
  // a session names each clip with the side it was read to show
  if (result.session) for (const c of result.session.clips) left.push([ROLE_LABEL[c.role], clipName(c.name)]);
  else left.push(['Clip', info.clipName ?? clipName(v.path)]);
  left.push(['View', viewLabel(result)]);
  const right: [string, string][] = [
    ['Frame rate', `${v.fps.toFixed(v.fps % 1 === 0 ? 0 : 2)} frames/s`],
    ['Duration', `${v.durationSec.toFixed(1)} s (${v.width}×${v.height})`],
    ['Cadence', result.cadenceSpm === null ? formatCadence(null) : `${formatCadence(result.cadenceSpm)} steps/min`],
    ['App', `${info.appName} ${info.appVersion}`],
  ];
  return [left, right];
}

export function drawHeader(ctx: ReportContext, result: AnalysisResult, info: HeaderInfo): void {
  const { doc, fonts } = ctx;
  const x = contentLeft(doc);
  const width = contentWidth(doc);
  doc.font(fonts.bold).fontSize(18).fillColor(TEXT_COLOR).text('Running gait report: left and right compared', x, doc.page.margins.top, { width });
  const cameras = result.session ? `${result.session.clips.length} cameras` : 'one camera';
  doc.font(fonts.regular).fontSize(9).fillColor(MUTED_COLOR).text(`Treadmill running video, measured from ${cameras} (2D).`, x, doc.y + 1, { width });
  doc.y += 8;

  const columns = headerFields(result, info);
  const colWidth = width / 2;
  const top = doc.y;
  let bottom = top;
  columns.forEach((fields, col) => {
    fields.forEach(([label, value], row) => {
      const cx = x + col * colWidth;
      const cy = top + row * 14;
      doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED_COLOR).text(label, cx, cy, { width: 62, lineBreak: false });
      doc.font(fonts.bold).fontSize(9).fillColor(TEXT_COLOR).text(value, cx + 64, cy - 0.5, { width: colWidth - 70, lineBreak: false, ellipsis: true });
      bottom = Math.max(bottom, cy + 14);
    });
  });
  doc.save().moveTo(x, bottom + 4).lineTo(x + width, bottom + 4).lineWidth(0.6).strokeColor(RULE_COLOR).stroke().restore();
  doc.x = x;
  doc.y = bottom + 12;
}
