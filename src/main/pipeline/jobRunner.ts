// The production JobRunner for the job manager (src/main/library, server and Electron doors):
// analyseVideo + writeJobOutputs into the job's folder, PDF included; and the drawing again of that PDF when the
// session or runner is named after the analysis or a measurement is pinned to it (measurements.json).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reviveTrackNaN } from '../../shared/api';
import type { AnalysisResult, PoseTrack } from '../../shared/contract';
import type { JobRunner, ReportRetitler } from '../library/jobTypes';
import { readMeasurements } from '../library/measurementsFile';
import { writeFileAtomic } from '../library/writeFileAtomic';
import { renderReportPdf } from '../report/writeReportPdf';
import { analyseVideo } from './analyseVideo';
import { pdfNames } from './pdfNames';
import { writeJobOutputs } from './writeJobOutputs';

export const runAnalysisJob: JobRunner = async (input, ctx) => {
  const out = await analyseVideo(input.videoPath, input.options, { signal: ctx.signal, onProgress: ctx.onProgress, info: input.info });
  ctx.onProgress({ stage: 'report', done: 0, total: 1 });
  const measurements = await readMeasurements(input.outDir);
  await writeJobOutputs(input.outDir, out, { pdf: true, videoPath: input.videoPath, signal: ctx.signal, measurements, ...pdfNames(input.videoName, input.names) });
  ctx.onProgress({ stage: 'report', done: 1, total: 1 });
  return { result: out.result, track: out.track };
};

/** The same PDF from the job's stored report.json, track.json and measurements.json, titled with the new names. */
export const retitleJobReport: ReportRetitler = async ({ outDir, videoPath, videoName, names }) => {
  const result = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as AnalysisResult;
  const track = reviveTrackNaN(JSON.parse(await readFile(join(outDir, 'track.json'), 'utf8')) as PoseTrack);
  const measurements = await readMeasurements(outDir);
  const bytes = await renderReportPdf(result, { track, videoPath, measurements, ...pdfNames(videoName, names) });
  await writeFileAtomic(join(outDir, 'report.pdf'), bytes);
};
