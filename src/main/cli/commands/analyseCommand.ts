// `lopsided analyse <video|keypoints.csv> --out DIR`: the whole flow, its files, and a
// short verdict on stdout (issue 3).
import { join, resolve } from 'node:path';
import { refuseEarlierResults, refuseOutputOverInput } from '../../pipeline/outputGuards';
import { prepareOutputDir, type OutputDir } from '../../pipeline/outputDir';
import { JOB_OUTPUT_FILES, writeJobOutputs } from '../../pipeline/writeJobOutputs';
import type { CliContext } from '../cliContext';
import { formatVerdict } from '../formatVerdict';
import { analyseInput, type AnalyseCommandOptions } from './analyseInput';

export type { AnalyseCommandOptions } from './analyseInput';

export async function runAnalyseCommand(input: string, opts: AnalyseCommandOptions, ctx: CliContext): Promise<void> {
  // Before any work: never write over the input, never replace earlier results unasked.
  const outAbs = resolve(opts.out);
  await refuseOutputOverInput([input], JOB_OUTPUT_FILES.map((n) => join(outAbs, n)));
  await refuseEarlierResults(opts.out, JOB_OUTPUT_FILES, opts.force === true);
  let made: OutputDir | undefined;
  try {
    const { output, outDir, csv } = await analyseInput(input, opts, ctx, async () => {
      made = await prepareOutputDir(opts.out);
      return made.abs;
    });
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
  } catch (e) {
    await made?.removeIfUnused(); // a run that wrote nothing leaves no new folder
    throw e;
  }
}
