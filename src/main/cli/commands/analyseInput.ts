// One input of `lopsided analyse` (a video or a keypoint CSV) through the pipeline, for the single-clip command and
// for each clip of a session. The output folder is made only after a video has been probed: no folder for a bad file.
import { extname } from 'node:path';
import { analyseKeypointCsv } from '../../pipeline/analyseKeypointCsv';
import { analyseVideo, type JobOutput } from '../../pipeline/analyseVideo';
import { readEventsCsv } from '../../pipeline/readEventsCsv';
import { probeVideo } from '../../video/probeVideo';
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';
import type { AnalyseVideoOptions, PoseModelChoice } from '../../../shared/contract';
import type { PoseTrack } from '../../../analysis/types';

/** What `lopsided analyse` takes, for one clip or each clip of a session. */
export interface AnalyseCommandOptions {
  out: string;
  fps?: number;
  view: 'auto' | 'side' | 'rear';
  beltSpeedMps?: number;
  horizonDeg?: number;
  /** Image scale at the runner, px per cm (--px-per-cm). */
  pxPerCm?: number;
  pelvisMarks: NonNullable<AnalyseVideoOptions['pelvisMarks']>;
  model: PoseModelChoice;
  runtime?: NonNullable<AnalyseVideoOptions['runtime']>;
  workers?: number;
  longSide?: number;
  pdf: boolean;
  runnerName?: string;
  paper?: 'A4' | 'LETTER';
  /** Replace the results of an earlier run in --out. */
  force?: boolean;
  /** events.csv of corrected events: the analysis uses them instead of detecting its own (issue 13). */
  eventsPath?: string;
}

export function isKeypointCsv(path: string): boolean {
  return extname(path).toLowerCase() === '.csv';
}

/** `checkLook`: a session's check of a video's view check (analyseVideo's JobContext.checkLook). */
export async function analyseInput(input: string, opts: AnalyseCommandOptions, ctx: CliContext, makeOutDir: () => Promise<string>,
  checkLook?: (look: PoseTrack) => void): Promise<{ output: JobOutput; outDir: string; csv: boolean }> {
  const csv = isKeypointCsv(input);
  if (!csv && opts.fps !== undefined) throw new UsageError('--fps is for keypoint CSVs without a time_s column; a video has its own timestamps.');
  // a bad events file is found before any pose run or output folder
  const events = opts.eventsPath !== undefined ? await readEventsCsv(opts.eventsPath) : undefined;
  if (csv) {
    const output = await analyseKeypointCsv(input, {
      ...(events ? { events } : {}),
      view: opts.view,
      ...(opts.fps !== undefined ? { fps: opts.fps } : {}),
      ...(opts.beltSpeedMps !== undefined ? { beltSpeedMps: opts.beltSpeedMps } : {}),
      ...(opts.horizonDeg !== undefined ? { horizonDeg: opts.horizonDeg } : {}),
      ...(opts.pxPerCm !== undefined ? { pxPerCm: opts.pxPerCm } : {}),
    });
    return { output, outDir: await makeOutDir(), csv };
  }
  // Bad input first (a second), then the output folder, then the long pose run.
  const info = await probeVideo(input, ctx.signal);
  const outDir = await makeOutDir();
  const output = await analyseVideo(input, {
    model: opts.model,
    view: opts.view,
    pelvisMarks: opts.pelvisMarks,
    ...(opts.runtime !== undefined ? { runtime: opts.runtime } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    ...(opts.longSide !== undefined ? { longSide: opts.longSide } : {}),
    ...(opts.beltSpeedMps !== undefined ? { beltSpeedMps: opts.beltSpeedMps } : {}),
    ...(opts.horizonDeg !== undefined ? { horizonDeg: opts.horizonDeg } : {}),
    ...(opts.pxPerCm !== undefined ? { pxPerCm: opts.pxPerCm } : {}),
  }, { signal: ctx.signal, onProgress: ctx.progress.update, info, ...(events ? { events } : {}), ...(checkLook ? { checkLook } : {}) });
  return { output, outDir, csv };
}
