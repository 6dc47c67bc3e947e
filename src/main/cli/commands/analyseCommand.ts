// `lopsided analyse <video|keypoints.csv> --out DIR`: the whole flow, its files, and a
// short verdict on stdout (issue 3).
import { extname } from 'node:path';
import type { AnalyseVideoOptions, PoseModelChoice } from '../../../shared/contract';
import { analyseKeypointCsv } from '../../job/analyseKeypointCsv';
import { analyseVideo, type JobOutput } from '../../job/analyseVideo';
import { ensureWritableDir } from '../../job/outputDir';
import { writeJobOutputs } from '../../job/writeJobOutputs';
import { probeVideo } from '../../video/probeVideo';
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';
import { formatVerdict } from '../formatVerdict';

export interface AnalyseCommandOptions {
  out: string;
  fps?: number;
  view: 'auto' | 'side' | 'rear';
  beltSpeedMps?: number;
  horizonDeg?: number;
  pelvisMarks: NonNullable<AnalyseVideoOptions['pelvisMarks']>;
  model: PoseModelChoice;
  runtime?: NonNullable<AnalyseVideoOptions['runtime']>;
  workers?: number;
  longSide?: number;
  pdf: boolean;
  runnerName?: string;
  paper?: 'A4' | 'LETTER';
}

export function isKeypointCsv(path: string): boolean {
  return extname(path).toLowerCase() === '.csv';
}

export async function runAnalyseCommand(input: string, opts: AnalyseCommandOptions, ctx: CliContext): Promise<void> {
  const csv = isKeypointCsv(input);
  if (!csv && opts.fps !== undefined) throw new UsageError('--fps is for keypoint CSVs without a time_s column; a video has its own timestamps.');
  let output: JobOutput;
  let outDir: string;
  if (csv) {
    output = await analyseKeypointCsv(input, {
      view: opts.view,
      ...(opts.fps !== undefined ? { fps: opts.fps } : {}),
      ...(opts.beltSpeedMps !== undefined ? { beltSpeedMps: opts.beltSpeedMps } : {}),
      ...(opts.horizonDeg !== undefined ? { horizonDeg: opts.horizonDeg } : {}),
    });
    outDir = await ensureWritableDir(opts.out);
  } else {
    // Bad input first (a second), then the output folder, then the long pose run: no folder is made for a bad file.
    const info = await probeVideo(input, ctx.signal);
    outDir = await ensureWritableDir(opts.out);
    output = await analyseVideo(input, {
      model: opts.model,
      view: opts.view,
      pelvisMarks: opts.pelvisMarks,
      ...(opts.runtime !== undefined ? { runtime: opts.runtime } : {}),
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      ...(opts.longSide !== undefined ? { longSide: opts.longSide } : {}),
      ...(opts.beltSpeedMps !== undefined ? { beltSpeedMps: opts.beltSpeedMps } : {}),
      ...(opts.horizonDeg !== undefined ? { horizonDeg: opts.horizonDeg } : {}),
    }, { signal: ctx.signal, onProgress: ctx.progress.update, info });
  }
  ctx.progress.update({ stage: 'report', done: 0, total: 1 });
  const written = await writeJobOutputs(outDir, output, {
    pdf: opts.pdf,
    signal: ctx.signal,
    ...(csv ? {} : { videoPath: output.info.path }),
    ...(opts.paper ? { paper: opts.paper } : {}),
    ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
  });
  ctx.progress.done();
  ctx.out(formatVerdict(output.result));
  ctx.note(`\nWrote ${written.length} files to ${opts.out}: ${written.map((p) => p.slice(outDir.length + 1)).join(', ')}.`);
}
