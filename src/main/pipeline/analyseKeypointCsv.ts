// Analysis of an imported keypoint CSV (issue 3: "lopsided analyse <track.csv> --fps N"):
// lab data and other pose tools go through the same analysis as our own tracks.
import { basename } from 'node:path';
import type { VideoInfo } from '../../shared/contract';
import { analyseTrack } from '../../analysis/analyseTrack';
import { analyseTrackWithEvents } from '../../analysis/analyseWithEvents';
import { analysisOptionsOf } from '../../shared/analysisOptions';
import { createKeypointCsvParser, type ParseKeypointCsvOptions } from '../../analysis/keypointCsv';
import type { GaitEvent, PoseTrack } from '../../shared/contract';
import { checkInputFile } from '../video/probeVideo';
import { appInfo } from './appInfo';
import { countFramesWithRunner } from './countPoseFrames';
import { JobError } from './jobErrors';
import type { JobOutput } from './analyseVideo';
import { readTextLines } from './readTextLines';

export interface CsvAnalysisOptions {
  /** Frame rate for a CSV without a time_s column. */
  fps?: number;
  view: 'auto' | 'side' | 'rear';
  beltSpeedMps?: number;
  /** Known camera roll (0: level camera), for rear-view hip drop; a CSV carries no scene to find it in. */
  horizonDeg?: number;
  /** Image scale at the runner, px per cm (rear-view step width in cm). */
  pxPerCm?: number;
  width?: number;
  height?: number;
  /** Events given instead of detected (`--events`, issue 13). */
  events?: readonly GaitEvent[];
}

export async function analyseKeypointCsv(path: string, opts: CsvAnalysisOptions): Promise<JobOutput> {
  const abs = await checkInputFile(path); // FILE_NOT_FOUND / IS_DIRECTORY / EMPTY_FILE, as for videos
  const track = await readKeypointCsv(abs, basename(path), {
    name: basename(abs),
    ...(opts.fps !== undefined ? { fps: opts.fps } : {}),
    ...(opts.width !== undefined ? { width: opts.width } : {}),
    ...(opts.height !== undefined ? { height: opts.height } : {}),
  });
  const n = track.timesSec.length;
  // Like a video with nobody in it (exit 2, not an empty "0 strikes" report). Only a CSV with no runner at all is
  // refused: lab data may cover part of a trial, and the analysis says how much it saw.
  if (countFramesWithRunner(track) === 0) {
    throw new JobError('NO_PERSON', `No runner in ${basename(path)}: none of its ${n} rows has both hips and an ankle (empty or NaN everywhere).`);
  }
  const first = track.timesSec[0] ?? 0;
  const last = track.timesSec[n - 1] ?? 0;
  const fps = n > 1 && last > first ? (n - 1) / (last - first) : (opts.fps ?? Number.NaN);
  // A VideoInfo describing the series itself (there is no video): codec says where it came from.
  const info: VideoInfo = {
    path: abs,
    durationSec: n > 1 ? last - first + 1 / fps : 0,
    avgFps: fps,
    realFps: fps,
    frameCount: n,
    width: track.width,
    height: track.height,
    codedWidth: track.width,
    codedHeight: track.height,
    rotationDeg: 0,
    codec: 'keypoint-csv',
    variableFrameRate: false,
  };
  const options = analysisOptionsOf(opts);
  const video = { path: abs, fps, durationSec: info.durationSec, width: track.width, height: track.height };
  const result = opts.events
    ? analyseTrackWithEvents(track, options, video, opts.events, appInfo())
    : analyseTrack(track, options, video, appInfo());
  return { info, track, result };
}

/** Parses a keypoint CSV streamed line by line (never the whole file as one string). */
export async function readKeypointCsv(abs: string, displayName: string, opts: ParseKeypointCsvOptions): Promise<PoseTrack> {
  const parser = createKeypointCsvParser(opts);
  for await (const line of readTextLines(abs, displayName)) parser.line(line);
  return parser.finish();
}
