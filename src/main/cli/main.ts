// The `lopsided` command line (issue 2/3/5): keypoints, analyse, report, serve.
// Bundled to dist/cli.js; bin/lopsided.mjs imports it. Ctrl-C aborts the job (ffmpeg and
// pose workers end, staged files are removed) and exits 130 (143 after SIGTERM); a second signal kills at once.
import { Command, CommanderError, Option } from 'commander';
import { parseBeltSpeed } from '../../analysis/parseBeltSpeed';
import { DEFAULT_ANALYSE_OPTIONS } from '../../shared/contract';
import { appInfo } from '../pipeline/appInfo';
import { abortAllFfmpeg } from '../video/runFfmpeg';
import type { CliContext } from './cliContext';
import { EXIT_CANCELLED, EXIT_TERMINATED, exitCodeFor, formatCliError, UsageError } from './cliErrors';
import { runAnalyseCommand, type AnalyseCommandOptions } from './commands/analyseCommand';
import { runAnalyseSessionCommand } from './commands/analyseSessionCommand';
import { runKeypointsCommand } from './commands/keypointsCommand';
import { runProgressReport } from './commands/progressCommand';
import { runReportCommand } from './commands/reportCommand';
import { runServeCommand } from './commands/serveCommand';
import {
  MODELS, RUNTIMES, type RuntimeChoice, parseRuntime, parseFps, parseHorizon, parseLongSide, parseModel, parsePaper, parsePelvisMarks, parsePort, parsePxPerCm, parseView, parseWorkers,
} from './parseCliOptions';
import { addLibraryCommands } from './libraryCommands';
import { createProgressReporter } from './progressReporter';

type Action = (ctx: CliContext) => Promise<void>;

/** Commander calls value parsers during parsing: our UsageErrors become usage failures. */
function usage<T>(fn: (v: string) => T): (v: string) => T {
  return (v) => fn(v);
}

function beltSpeed(v: string): number {
  try {
    return parseBeltSpeed(v);
  } catch (e) {
    throw new UsageError(`--belt-speed: ${(e as Error).message}`);
  }
}

function buildProgram(setAction: (quiet: boolean, a: Action) => void): Command {
  const program = new Command();
  program
    .name('lopsided')
    .description('Left/right gait asymmetry from treadmill running video.')
    .version(appInfo().version)
    .option('--debug', 'show error details and stack traces')
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  const model = () => new Option('--model <name>', `pose model: ${MODELS.join(', ')} (auto: heavy for a side view, full for a rear view)`).default(DEFAULT_ANALYSE_OPTIONS.model).argParser(usage(parseModel));

  const runtime = () => new Option('--runtime <name>', `where the landmark model runs: ${RUNTIMES.join(', ')} (auto: ONNX Runtime when it loads, else TF.js WASM)`).default('auto').argParser(usage(parseRuntime));

  program
    .command('keypoints')
    .description('write the pose track of a video as CSV (+ sidecar JSON)')
    .argument('<video>', 'video file')
    .requiredOption('--out <file>', 'CSV file to write, e.g. track.csv')
    .addOption(model())
    .addOption(runtime())
    .option('--workers <n>', 'pose worker threads (default: CPU cores)', usage(parseWorkers))
    .option('--long-side <px>', 'long side of decoded frames', usage(parseLongSide), 640)
    .option('--force', 'replace an existing --out file')
    .option('--quiet', 'no progress output')
    .action((video: string, o: { out: string; model: ReturnType<typeof parseModel>; runtime: RuntimeChoice; workers?: number; longSide: number; force?: boolean; quiet?: boolean }) => {
      setAction(!!o.quiet, (ctx) => runKeypointsCommand(video, {
        out: o.out, model: o.model, runtime: o.runtime, longSide: o.longSide, force: o.force === true, ...(o.workers !== undefined ? { workers: o.workers } : {}),
      }, ctx));
    });

  program
    .command('analyse')
    .alias('analyze')
    .description('analyse a video or keypoint CSV: report.json, report.pdf, keypoints.csv, events.csv, steps.csv and a verdict')
    .argument('<inputs...>', 'video file or keypoint CSV; two or three clips of one run (left side, right side, rear) make a session')
    .requiredOption('--out <dir>', 'output folder')
    .option('--fps <n>', 'frame rate of a keypoint CSV without time_s', usage(parseFps))
    .option('--view <view>', 'side, rear or auto', usage(parseView), 'auto')
    .option('--belt-speed <speed>', 'treadmill belt speed, e.g. 12km/h, 7.5mph, 3.3m/s (gives step/stride length; side view: bounce in cm)', beltSpeed)
    .option('--horizon <deg>', 'rear view: camera roll known, e.g. 0 for a level camera (default: found in the scene; a keypoint CSV is taken as level)', usage(parseHorizon))
    .option('--px-per-cm <n>', 'image scale at the runner, pixels per cm (rear view: step width in cm; side view: bounce in cm)', usage(parsePxPerCm))
    .option('--pelvis-marks <marks>', 'rear view: auto, off, or x1,y1,x2,y2 (left then right mark)', usage(parsePelvisMarks), 'auto')
    .addOption(model())
    .addOption(runtime())
    .option('--workers <n>', 'pose worker threads (default: CPU cores)', usage(parseWorkers))
    .option('--long-side <px>', 'long side of decoded frames', usage(parseLongSide))
    .option('--events <events.csv>', 'use these foot strikes and toe-offs (events.csv format, e.g. corrected by hand) instead of detecting them')
    .option('--no-pdf', 'skip report.pdf')
    .option('--runner-name <name>', 'name printed on the report')
    .option('--paper <size>', 'a4 or letter', usage(parsePaper))
    .option('--force', 'replace the results of an earlier run in --out')
    .option('--quiet', 'no progress output')
    .action((inputs: string[], o: Record<string, unknown>) => {
      if (inputs.length > 1 && o.events !== undefined) {
        setAction(!!o.quiet, () => Promise.reject(new UsageError('--events is for one clip: each clip of a session has its own events.')));
        return;
      }
      const run = inputs.length > 1 ? (opts: AnalyseCommandOptions, ctx: CliContext) => runAnalyseSessionCommand(inputs, opts, ctx)
        : (opts: AnalyseCommandOptions, ctx: CliContext) => runAnalyseCommand(inputs[0] as string, opts, ctx);
      setAction(!!o.quiet, (ctx) => run({
        out: o.out as string,
        force: o.force === true,
        view: (o.view as 'auto' | 'side' | 'rear') ?? DEFAULT_ANALYSE_OPTIONS.view,
        pelvisMarks: o.pelvisMarks as ReturnType<typeof parsePelvisMarks>,
        model: o.model as ReturnType<typeof parseModel>,
        runtime: (o.runtime as RuntimeChoice | undefined) ?? 'auto',
        pdf: o.pdf !== false,
        ...(o.fps !== undefined ? { fps: o.fps as number } : {}),
        ...(o.beltSpeed !== undefined ? { beltSpeedMps: o.beltSpeed as number } : {}),
        ...(o.horizon !== undefined ? { horizonDeg: o.horizon as number } : {}),
        ...(o.pxPerCm !== undefined ? { pxPerCm: o.pxPerCm as number } : {}),
        ...(o.workers !== undefined ? { workers: o.workers as number } : {}),
        ...(o.longSide !== undefined ? { longSide: o.longSide as number } : {}),
        ...(o.runnerName !== undefined ? { runnerName: o.runnerName as string } : {}),
        ...(o.paper !== undefined ? { paper: o.paper as 'A4' | 'LETTER' } : {}),
        ...(o.events !== undefined ? { eventsPath: o.events as string } : {}),
      }, ctx));
    });

  program
    .command('report')
    .description('rebuild report.pdf from a saved report.json, or a runner\'s progress report (--progress)')
    .argument('[report.json]', 'a report.json written by lopsided analyse')
    .option('--out <file>', 'PDF to write (default: report.pdf beside report.json)')
    .option('--progress <runner>', 'the progress of a runner of the library instead: charts and tables of every session')
    .option('--runner-name <name>', 'name printed on the report')
    .option('--paper <size>', 'a4 or letter', usage(parsePaper))
    .option('--quiet', 'no progress output')
    .action((file: string | undefined, o: { out?: string; progress?: string; runnerName?: string; paper?: 'A4' | 'LETTER'; quiet?: boolean }) => {
      if (o.progress !== undefined) {
        if (file !== undefined) throw new UsageError('Give either a report.json or --progress RUNNER, not both.');
        if (o.out === undefined) throw new UsageError('--progress needs --out, the PDF to write (e.g. --out progress.pdf).');
        const { progress, out, paper } = o;
        setAction(!!o.quiet, (ctx) => runProgressReport(progress, out, paper, ctx));
        return;
      }
      if (file === undefined) throw new UsageError('Give the report.json to rebuild the PDF from, or --progress RUNNER.');
      setAction(!!o.quiet, (ctx) => runReportCommand(file, {
        ...(o.out !== undefined ? { out: o.out } : {}),
        ...(o.runnerName !== undefined ? { runnerName: o.runnerName } : {}),
        ...(o.paper !== undefined ? { paper: o.paper } : {}),
      }, ctx));
    });

  addLibraryCommands(program, setAction, model, runtime);

  program
    .command('serve')
    .description('serve the app on http://127.0.0.1 for a browser on this computer')
    .option('--port <n>', 'port (default: a free one)', usage(parsePort))
    .action((o: { port?: number }) => {
      setAction(false, (ctx) => runServeCommand({ ...(o.port !== undefined ? { port: o.port } : {}) }, ctx));
    });
  return program;
}

/** Runs the CLI; resolves with the exit code (never throws). */
export async function runCli(argv: string[]): Promise<number> {
  // --debug is accepted anywhere on the line (before or after the command).
  const debug = argv.includes('--debug');
  argv = argv.filter((a) => a !== '--debug');
  let action: Action | null = null;
  let quiet = false;
  const program = buildProgram((q, a) => {
    quiet = q;
    action = a;
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return 2;
      process.stderr.write(`lopsided: ${e.message.replace(/^error: /, '')}\n(run lopsided --help for usage)\n`);
      return 2;
    }
    // A value parser's UsageError arrives wrapped by commander or as is.
    process.stderr.write(formatCliError(e, debug) + '\n');
    return exitCodeFor(e);
  }
  const run = action as Action | null;
  if (!run) {
    process.stderr.write(program.helpInformation());
    return 2;
  }

  const controller = new AbortController();
  let interrupts = 0;
  // 128 + signal number, as shells report it: 130 after Ctrl-C, 143 after `kill` (SIGTERM)
  let cancelledExit = EXIT_CANCELLED;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      cancelledExit = sig === 'SIGTERM' ? EXIT_TERMINATED : EXIT_CANCELLED;
      process.stderr.write(`\nlopsided: ${sig === 'SIGTERM' ? 'terminated' : 'cancelling'}…\n`);
      controller.abort();
    } else {
      abortAllFfmpeg();
      process.exit(cancelledExit);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = createProgressReporter({ quiet });
  const ctx: CliContext = {
    signal: controller.signal,
    progress,
    quiet,
    out: (t) => process.stdout.write(t + '\n'),
    note: (t) => {
      if (!quiet) process.stderr.write(t + '\n');
    },
  };
  try {
    await run(ctx);
    return controller.signal.aborted ? cancelledExit : 0;
  } catch (e) {
    progress.done();
    if (controller.signal.aborted) {
      process.stderr.write('lopsided: cancelled; no output was written.\n');
      return cancelledExit;
    }
    process.stderr.write(formatCliError(e, debug) + '\n');
    return exitCodeFor(e);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    abortAllFfmpeg();
  }
}

// Entry point when bundled as dist/cli.js (bin/lopsided.mjs imports it).
if (process.env.LOPSIDED_CLI_NO_AUTORUN !== '1') {
  const code = await runCli(process.argv);
  process.exit(code);
}
