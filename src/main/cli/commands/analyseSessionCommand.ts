// `lopsided analyse left-side.mp4 right-side.mp4 [rear.mp4] --out DIR`: both sides of one run, one verdict
// (src/analysis/mergeSession.ts). Each clip is analysed and written to its own folder (DIR/left-side, DIR/right-side,
// DIR/rear: named by what the clip was read to show, which the terminal says); the session's report goes to DIR.
// A session stopped by one of its clips keeps the clips finished before it in their folders.
import { basename, join, resolve } from 'node:path';
import { detectView } from '../../../analysis/detectView';
import { assignRoles, mergeSession, SessionError, type ClipReading, type SessionClip, type SessionClipInput } from '../../../analysis/mergeSession';
import type { PoseTrack } from '../../../analysis/types';
import type { ClipRole } from '../../../shared/contract';
import type { JobOutput } from '../../pipeline/analyseVideo';
import { prepareOutputDir, type OutputDir } from '../../pipeline/outputDir';
import { refuseEarlierResults, refuseOutputOverInput } from '../../pipeline/outputGuards';
import { JOB_OUTPUT_FILES, writeJobOutputs } from '../../pipeline/writeJobOutputs';
import { writeSessionOutputs } from '../../pipeline/writeSessionOutputs';
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';
import { formatVerdict } from '../formatVerdict';
import type { AnalyseCommandOptions } from './analyseCommand';
import { analyseInput } from './analyseInput';

const FOLDER: Record<ClipRole, string> = { leftSide: 'left-side', rightSide: 'right-side', rear: 'rear' };

export async function runAnalyseSessionCommand(inputs: readonly string[], opts: AnalyseCommandOptions, ctx: CliContext): Promise<void> {
  if (inputs.length > 3) throw new UsageError(`A session takes up to three clips (left side, right side, rear); ${inputs.length} were given.`);
  const names = inputs.map((p) => basename(p));
  if (new Set(names).size !== names.length) throw new UsageError('Two clips of the session have the same file name; rename one so the report can tell them apart.');
  // Before any work: no clip may be one of the files written, and earlier results are replaced only with --force.
  const outAbs = resolve(opts.out);
  const folders = ['', ...Object.values(FOLDER)];
  await refuseOutputOverInput(inputs, folders.flatMap((f) => JOB_OUTPUT_FILES.map((n) => join(outAbs, f, n))));
  for (const f of folders) await refuseEarlierResults(join(opts.out, f), JOB_OUTPUT_FILES, opts.force === true);
  let made: OutputDir | undefined;
  try {
    await analyseAndWrite(inputs, names, opts, ctx, async () => {
      made ??= await prepareOutputDir(opts.out);
      return made.abs;
    });
  } catch (e) {
    await made?.removeIfUnused(); // a session that wrote nothing leaves no new folder
    throw e;
  }
}

async function analyseAndWrite(inputs: readonly string[], names: string[], opts: AnalyseCommandOptions, ctx: CliContext, makeOutDir: () => Promise<string>): Promise<void> {
  const outputs: AnalysedInput[] = [];
  const report = {
    pdf: opts.pdf, signal: ctx.signal,
    ...(opts.paper ? { paper: opts.paper } : {}),
    ...(opts.runnerName ? { runnerName: opts.runnerName } : {}),
  };
  // Which side each clip filmed is checked as soon as it can be read: a video from its view check's few seconds
  // (before the whole pose run), every clip again from its whole analysis. A second clip of one side is refused then,
  // and the clips analysed before it are kept in their folders: a mistake costs seconds, and no finished work.
  const finished: ClipReading[] = [];
  for (const [i, input] of inputs.entries()) {
    const name = names[i] as string;
    ctx.note(`Clip ${i + 1} of ${inputs.length}: ${name}`);
    try {
      const checkLook = (look: PoseTrack): void => { assignRoles([...finished, { name, result: detectView(look, opts.view) }]); };
      const { output, csv } = await analyseInput(input, opts, ctx, makeOutDir, checkLook);
      assignRoles([...finished, { name, result: output.result }]);
      finished.push({ name, result: output.result });
      outputs.push({ name, output, csv });
    } catch (e) {
      await keepAnalysed(outputs, assignRoles(finished), opts, ctx, report);
      if (e instanceof SessionError) throw new UsageError(e.message);
      throw e;
    }
  }
  let merged;
  try {
    merged = mergeSession(outputs.map((o): SessionClipInput => ({ name: o.name, result: o.output.result })));
  } catch (e) {
    if (e instanceof SessionError) throw new UsageError(e.message);
    throw e;
  }
  ctx.progress.update({ stage: 'report', done: 0, total: 1 });
  const written: string[] = [];
  for (const clip of merged.session.clips) written.push(...await writeClip(outputs.find((x) => x.name === clip.name)!, clip.role, opts, report));
  written.push(...await writeSessionOutputs(opts.out, merged, report));
  ctx.progress.done();
  for (const c of merged.session.clips) ctx.out(`${c.name}: read as the ${c.role === 'rear' ? 'rear view' : `${c.role === 'leftSide' ? 'left' : 'right'} side`} (${c.why}) → ${FOLDER[c.role]}/`);
  ctx.out('');
  ctx.out(formatVerdict(merged));
  const outAbs = await makeOutDir(); // made by the first clip already: this only reads its path
  ctx.note(`\nWrote ${written.length} files to ${opts.out}: ${written.map((p) => p.slice(outAbs.length + 1)).join(', ')}.`);
}

type ReportOptions = Parameters<typeof writeJobOutputs>[2];
interface AnalysedInput { name: string; output: JobOutput; csv: boolean }

/** One clip's own outputs, in the folder of the side it filmed (a keypoint CSV has no video for key frames). */
function writeClip(o: AnalysedInput, role: ClipRole, opts: AnalyseCommandOptions, report: ReportOptions): Promise<string[]> {
  return writeJobOutputs(join(opts.out, FOLDER[role]), o.output, { ...report, ...(o.csv ? {} : { videoPath: o.output.info.path }) });
}

/**
 * A session stopped by one clip (refused, unreadable, a crash) keeps the clips analysed before it, each in the folder
 * of the side it filmed, and says so; their roles are distinct (checked as each one finished). Not when cancelled:
 * the user asked for nothing more to be done.
 */
async function keepAnalysed(outputs: readonly AnalysedInput[], roles: readonly SessionClip[],
  opts: AnalyseCommandOptions, ctx: CliContext, report: ReportOptions): Promise<void> {
  if (outputs.length === 0 || ctx.signal?.aborted) return;
  const kept: string[] = [];
  try {
    for (const o of outputs) {
      const role = roles.find((r) => r.name === o.name)?.role;
      if (!role) continue;
      await writeClip(o, role, opts, report);
      kept.push(`${o.name} in ${join(opts.out, FOLDER[role])}`);
    }
  } catch (e) {
    ctx.note(`The clips analysed before the session stopped could not all be kept: ${(e as Error).message}`);
  }
  if (kept.length > 0) ctx.note(`The session stopped; the analysis already finished was kept: ${kept.join('; ')}.`);
}
