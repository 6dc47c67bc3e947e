// `lopsided report <DIR/report.json> [--out report.pdf]`: rebuilds the PDF from a saved
// result, with key frames when the video and keypoints.csv are still there (issue 5).
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { AnalysisResult, PoseTrack } from '../../../shared/contract';
import { parseReportJson } from '../../../shared/reportSchema';
import { readKeypointCsv } from '../../pipeline/analyseKeypointCsv';
import { prepareOutputDir } from '../../pipeline/outputDir';
import { refuseOutputOverInput } from '../../pipeline/outputGuards';
import { writeReportPdf } from '../../report/writeReportPdf';
import { checkInputFile } from '../../video/probeVideo';
import type { CliContext } from '../cliContext';

export interface ReportCommandOptions {
  out?: string;
  runnerName?: string;
  paper?: 'A4' | 'LETTER';
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isFile(), () => false);
}

export async function runReportCommand(reportJson: string, opts: ReportCommandOptions, ctx: CliContext): Promise<void> {
  const abs = await checkInputFile(reportJson);
  const result = parseReportJson(await readFile(abs, 'utf8'), basename(abs));
  const out = resolve(opts.out ?? join(dirname(abs), 'report.pdf'));
  const csvPath = join(dirname(abs), 'keypoints.csv');
  // Rebuilding report.pdf is this command's job, so an earlier PDF is replaced; an input never is.
  await refuseOutputOverInput([abs, csvPath, result.video.path], [out]);
  const outDir = await prepareOutputDir(dirname(out));
  try {
    await rebuild(result, abs, csvPath, out, opts, ctx);
  } catch (e) {
    await outDir.removeIfUnused();
    throw e;
  }
}

async function rebuild(result: AnalysisResult, abs: string, csvPath: string, out: string, opts: ReportCommandOptions, ctx: CliContext): Promise<void> {
  let track: PoseTrack | undefined;
  if (await isFile(csvPath)) {
    try {
      track = await readKeypointCsv(csvPath, 'keypoints.csv', { name: 'keypoints.csv', width: result.video.width, height: result.video.height });
    } catch (e) {
      ctx.note(`Note: keypoints.csv beside the report could not be read (${(e as Error).message}); key frames get no skeleton.`);
    }
  }
  const videoPath = (await isFile(result.video.path)) ? result.video.path : undefined;
  if (!videoPath) ctx.note(`Note: the video ${result.video.path} is not there any more: the report has no key frames.`);
  ctx.progress.update({ stage: 'report', done: 0, total: 1 });
  await writeReportPdf(result, out, {
    ...(track ? { track } : {}),
    ...(videoPath ? { videoPath } : {}),
    ...(opts.paper ? { paper: opts.paper } : {}),
    ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
  });
  ctx.progress.done();
  ctx.note(`Wrote ${out}.`);
}
