// `lopsided analyse <video|keypoints.csv> --out DIR`: the whole flow, its files, and a
// short verdict on stdout (issue 3).
import type { AnalyseVideoOptions, PoseModelChoice } from '../../../shared/contract';
import { ensureWritableDir } from '../../job/outputDir';
import { writeJobOutputs } from '../../job/writeJobOutputs';
import type { CliContext } from '../cliContext';
import { formatVerdict } from '../formatVerdict';
import { analyseInput } from './analyseInput';

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

export async function runAnalyseCommand(input: string, opts: AnalyseCommandOptions, ctx: CliContext): Promise<void> {
  const { output, outDir, csv } = await analyseInput(input, opts, ctx, () => ensureWritableDir(opts.out));
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
