// The library's commands (issue 14), registered apart from main.ts: runner add|list|show|merge|delete,
// session add, progress, library export|import|backup|restore.
import { type Command, Option } from 'commander';
import { parseBeltSpeed } from '../../analysis/parseBeltSpeed';
import { DEFAULT_ANALYSE_OPTIONS } from '../../shared/contract';
import type { CliContext } from './cliContext';
import { UsageError } from './cliErrors';
import { runLibraryBackup, runLibraryExport, runLibraryImport, runLibraryRestore } from './commands/libraryArchiveCommand';
import { runProgress } from './commands/progressCommand';
import { runRunnerAdd, runRunnerDelete, runRunnerList, runRunnerMerge, runRunnerShow } from './commands/runnerCommand';
import { runSessionAdd, runSessionDelete } from './commands/sessionCommand';
import { parseFps, parseLongSide, parseModel, parsePaper, parseWorkers } from './parseCliOptions';
import { parseBirthYear, parseDate, parseHeightCm, parseInclinePct, parseLegLengthCm, parsePainScore, today } from './parseLibraryOptions';

type Action = (ctx: CliContext) => Promise<void>;
export type SetAction = (quiet: boolean, a: Action) => void;

function speed(v: string): number {
  try {
    return parseBeltSpeed(v);
  } catch (e) {
    throw new UsageError(`--speed: ${(e as Error).message}`);
  }
}

export function addLibraryCommands(program: Command, setAction: SetAction, model: () => Option, runtime: () => Option): void {
  const runner = program.command('runner').description('the runners of the library (in LOPSIDED_DATA_DIR)');
  runner.command('add')
    .description('add a runner')
    .argument('<name>', 'the runner\'s name (unique, without case)')
    .option('--birth-year <year>', 'e.g. 1988', parseBirthYear)
    .option('--height <cm>', 'height in centimetres', parseHeightCm)
    .option('--leg-length <cm>', 'leg length in centimetres', parseLegLengthCm)
    .option('--notes <text>', 'free notes')
    .action((name: string, o: { birthYear?: number; height?: number; legLength?: number; notes?: string }) => {
      setAction(true, (ctx) => runRunnerAdd({ name, birthYear: o.birthYear ?? null, heightCm: o.height ?? null, legLengthCm: o.legLength ?? null, notes: o.notes ?? null }, ctx));
    });
  runner.command('list')
    .description('list the runners, with their number of sessions')
    .option('--search <text>', 'only runners whose name contains this')
    .action((o: { search?: string }) => setAction(true, (ctx) => runRunnerList(o.search, ctx)));
  runner.command('show')
    .description('a runner\'s sessions and how the first and last compare')
    .argument('<name>', 'runner name')
    .action((name: string) => setAction(true, (ctx) => runRunnerShow(name, ctx)));
  runner.command('merge')
    .description('move every session of the second runner to the first, then remove the second')
    .argument('<keep>', 'runner who stays').argument('<gone>', 'runner merged into the first')
    .action((keep: string, gone: string) => setAction(true, (ctx) => runRunnerMerge(keep, gone, ctx)));
  runner.command('delete')
    .description('delete a runner with all their sessions and reports (asks for --yes)')
    .argument('<name>', 'runner name')
    .option('--yes', 'yes, delete them and their files')
    .action((name: string, o: { yes?: boolean }) => setAction(true, (ctx) => runRunnerDelete(name, o.yes === true, ctx)));

  const session = program.command('session').description('sessions of a runner: one run filmed from up to three places');
  session.command('delete')
    .description('delete one session of a runner with its clips\' analyses and reports (asks for --yes)')
    .requiredOption('--runner <name>', 'the runner (see lopsided runner show)')
    .requiredOption('--date <YYYY-MM-DD>', 'the day of the session', parseDate)
    .option('--name <text>', 'the session\'s name, when the runner has two sessions that day')
    .option('--yes', 'yes, delete it and its files')
    .action((o: { runner: string; date: string; name?: string; yes?: boolean }) =>
      setAction(true, (ctx) => runSessionDelete({ runner: o.runner, date: o.date, name: o.name ?? null, yes: o.yes === true }, ctx)));
  session.command('add')
    .description('analyse up to three clips of one run and file them as a session of the runner')
    .requiredOption('--runner <name>', 'the runner (see lopsided runner list)')
    .option('--date <YYYY-MM-DD>', 'the day of the run (default: today)', parseDate)
    .option('--name <text>', 'a name for the session, e.g. "week 6"')
    .option('--speed <speed>', 'treadmill speed, e.g. 12km/h, 7.5mph, 3.3m/s', speed)
    .option('--incline <pct>', 'treadmill incline in percent', parseInclinePct)
    .option('--shoes <text>', 'shoes worn')
    .option('--note <text>', 'pain / effort in the runner\'s words')
    .option('--pain <0-10>', 'pain / effort score, 0 none to 10 worst', parsePainScore)
    .option('--side-left <clip>', 'video or keypoint CSV filmed from the runner\'s left')
    .option('--side-right <clip>', 'video or keypoint CSV filmed from the runner\'s right')
    .option('--rear <clip>', 'video or keypoint CSV filmed from behind')
    .option('--fps <n>', 'frame rate of keypoint CSVs without time_s', parseFps)
    .addOption(model())
    .addOption(runtime())
    .option('--workers <n>', 'pose worker threads (default: CPU cores)', parseWorkers)
    .option('--long-side <px>', 'long side of decoded frames', parseLongSide)
    .option('--no-pdf', 'skip the PDFs')
    .addOption(new Option('--paper <size>', 'a4 or letter').argParser(parsePaper))
    .option('--quiet', 'no progress output')
    .action((o: Record<string, unknown>) => {
      setAction(!!o.quiet, (ctx) => runSessionAdd({
        runner: o.runner as string,
        meta: {
          date: (o.date as string | undefined) ?? today(),
          name: (o.name as string | undefined) ?? null,
          speedMps: (o.speed as number | undefined) ?? null,
          inclinePct: (o.incline as number | undefined) ?? null,
          shoes: (o.shoes as string | undefined) ?? null,
          note: (o.note as string | undefined) ?? null,
          painScore: (o.pain as number | undefined) ?? null,
        },
        clips: {
          ...(o.sideLeft !== undefined ? { leftSide: o.sideLeft as string } : {}),
          ...(o.sideRight !== undefined ? { rightSide: o.sideRight as string } : {}),
          ...(o.rear !== undefined ? { rear: o.rear as string } : {}),
        },
        model: (o.model as ReturnType<typeof parseModel> | undefined) ?? DEFAULT_ANALYSE_OPTIONS.model,
        pelvisMarks: 'auto',
        pdf: o.pdf !== false,
        ...(o.runtime !== undefined ? { runtime: o.runtime as 'auto' | 'onnx' | 'tfjs' } : {}),
        ...(o.fps !== undefined ? { fps: o.fps as number } : {}),
        ...(o.workers !== undefined ? { workers: o.workers as number } : {}),
        ...(o.longSide !== undefined ? { longSide: o.longSide as number } : {}),
        ...(o.paper !== undefined ? { paper: o.paper as 'A4' | 'LETTER' } : {}),
      }, ctx));
    });

  program.command('progress')
    .description('a runner\'s left/right differences session after session, and whether they changed')
    .requiredOption('--runner <name>', 'the runner')
    .option('--json', 'print JSON (metric ids of report.json)')
    .action((o: { runner: string; json?: boolean }) => setAction(true, (ctx) => runProgress(o.runner, o.json === true, ctx)));

  const library = program.command('library').description('export, import, back up and restore the library');
  library.command('export')
    .description('one runner as a single archive file: their sessions, every report and (--with-clips) the clips')
    .argument('<runner>', 'runner name')
    .requiredOption('--out <file>', 'archive to write, e.g. anna.lopsided')
    .option('--with-clips', 'include the clips themselves (videos can be large)')
    .option('--force', 'replace an existing --out file')
    .action((runner: string, o: { out: string; withClips?: boolean; force?: boolean }) => setAction(true, (ctx) => runLibraryExport(runner, o.out, o.withClips === true, o.force === true, ctx)));
  library.command('import')
    .description('add a runner exported from another library')
    .argument('<file>', 'an archive written by lopsided library export')
    .action((file: string) => setAction(true, (ctx) => runLibraryImport(file, ctx)));
  library.command('backup')
    .description('the whole library (database and result files) as one file, while it stays in use')
    .requiredOption('--out <file>', 'backup file to write')
    .option('--with-clips', 'include uploaded clips (the server\'s copies)')
    .option('--force', 'replace an existing --out file')
    .action((o: { out: string; withClips?: boolean; force?: boolean }) => setAction(true, (ctx) => runLibraryBackup(o.out, o.withClips === true, o.force === true, ctx)));
  library.command('restore')
    .description('put a backup in place of this library (close the app and server first)')
    .argument('<file>', 'a file written by lopsided library backup')
    .option('--force', 'replace a library that is not empty')
    .action((file: string, o: { force?: boolean }) => setAction(true, (ctx) => runLibraryRestore(file, o.force === true, ctx)));
}
