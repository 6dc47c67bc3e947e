// The PDF gait report (issue 5): one AnalysisResult → the same PDF from the CLI, the desktop app
// and the server. Sections live in their own files; this one validates, orders them, numbers the
// pages and writes atomically (temp file + rename), so a failure never leaves a half-written PDF.
import { rename, unlink, writeFile } from 'node:fs/promises';
import type { FrameMeasurement } from '../../shared/api';
import type { AnalysisResult, PoseTrack } from '../../shared/contract';
import { validateAnalysisResult } from '../../shared/reportSchema';
import { extractFrameAt } from '../video/extractFrameAt';
import { probeVideo } from '../video/probeVideo';
import { ownAppVersion } from './appVersion';
import { drawChartsSection } from './chartsSection';
import { drawHeader, formatReportDate } from './headerSection';
import { drawKeyFramesSection, prepareKeyFrames, type FrameSource } from './keyFramesSection';
import { drawNotesSection } from './notesSection';
import { clipName } from './reportLayout';
import { mapStrings } from './reportFonts';
import { drawFooters, openReportDocument } from './reportDocument';
import { ReportPdfError } from './reportPdfError';
import { drawStepsSection } from './stepsSection';
import { drawSummarySection } from './summarySection';

export { ReportPdfError } from './reportPdfError';
export type { FrameSource } from './keyFramesSection';

export interface ReportPdfOptions {
  paper?: 'A4' | 'LETTER';
  runnerName?: string;
  /** The name the clinician gave the session: the report's title (issue 13: never the upload's temp name). */
  sessionName?: string;
  /** The clip's name as the user knows it, when result.video.path is a stored copy (the app's data folder). */
  clipName?: string;
  /** The analysed video, for key frames with skeleton overlays; omitted → no key frames (a note says so). */
  videoPath?: string;
  /** The pose track the result came from: the skeletons drawn over the key frames. */
  track?: PoseTrack;
  /** The date printed in the header and the PDF's metadata (default: now). */
  reportDate?: Date;
  /** Decodes one displayed frame at a time; default: probeVideo(videoPath) + extractFrameAt. */
  frameSource?: FrameSource;
  /** Long side of decoded key frames in pixels (default 1280; ffmpeg never upscales beyond the video). */
  keyFrameLongSide?: number;
  /** The measuring tools' drawings (measurements.json); the pinned ones are shown among the key frames. */
  measurements?: readonly FrameMeasurement[];
  /** Used when the result has no `app` field. */
  app?: { name: string; version: string };
}

async function defaultFrameSource(opts: ReportPdfOptions): Promise<{ source: FrameSource | null; reason?: string }> {
  if (opts.frameSource) return { source: opts.frameSource };
  if (!opts.videoPath) return { source: null, reason: 'the video was not given (rebuilt from report.json alone)' };
  try {
    const info = await probeVideo(opts.videoPath);
    const longSide = opts.keyFrameLongSide ?? 1280;
    return { source: (t) => extractFrameAt(info, t, { longSide }) };
  } catch (err) {
    return { source: null, reason: `the video could not be opened (${(err as Error).message})` };
  }
}

/** Renders the report to PDF bytes (the server streams these; writeReportPdf saves them). */
export async function renderReportPdf(input: AnalysisResult, opts: ReportPdfOptions = {}): Promise<Buffer> {
  // The same check as `lopsided report` applies to a file: a malformed result never becomes a PDF.
  const valid = validateAnalysisResult(input, 'The analysis result');
  const reportDate = opts.reportDate ?? new Date();
  const app = valid.app ?? opts.app ?? ownAppVersion();
  const frames = await defaultFrameSource(opts);
  const clip = opts.clipName?.trim() || clipName(valid.video.path);
  // What the report is about: the session's name, else the runner, else the clip.
  const subject = opts.sessionName?.trim() || opts.runnerName?.trim() || clip;
  const keyFrames = await prepareKeyFrames(valid, opts.track, frames.source, frames.reason, opts.measurements);

  const { ctx, safe, bytes: done } = openReportDocument(opts.paper, {
    Title: `Running gait report: ${subject}`,
    Author: opts.runnerName?.trim() || app.name,
    Subject: 'Left/right gait comparison from treadmill running video',
    Creator: `${app.name} ${app.version}`,
    Producer: `${app.name} ${app.version} (pdfkit)`,
    CreationDate: reportDate,
  });
  const { doc } = ctx;
  try {
    const result = mapStrings(valid, safe);
    const runnerName = opts.runnerName === undefined ? undefined : safe(opts.runnerName);
    drawHeader(ctx, result, {
      runnerName, reportDate, appName: app.name, appVersion: app.version, clipName: safe(clip),
      ...(opts.sessionName?.trim() ? { sessionName: safe(opts.sessionName.trim()) } : {}),
    });
    drawSummarySection(ctx, result);
    drawChartsSection(ctx, result);
    drawKeyFramesSection(ctx, keyFrames);
    drawStepsSection(ctx, result);
    drawNotesSection(ctx, result, opts.track);
    drawFooters(ctx, safe(`${app.name} ${app.version} · ${subject} · ${formatReportDate(reportDate)}`));
    doc.end();
  } catch (err) {
    doc.end();
    throw new ReportPdfError('REPORT_RENDER_FAILED', `The PDF report could not be drawn: ${(err as Error).message}`);
  }
  return done;
}

/** Writes the PDF report to outPath atomically: a temp file beside it, renamed when complete. */
export async function writeReportPdf(result: AnalysisResult, outPath: string, opts: ReportPdfOptions = {}): Promise<void> {
  const bytes = await renderReportPdf(result, opts);
  const tmpPath = `${outPath}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmpPath, bytes);
    await rename(tmpPath, outPath);
  } catch (err) {
    await unlink(tmpPath).catch(() => undefined);
    throw new ReportPdfError('REPORT_WRITE_FAILED', `Could not write the PDF report to ${outPath}: ${(err as Error).message}`);
  }
}
