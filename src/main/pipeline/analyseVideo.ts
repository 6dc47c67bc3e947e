// The job runner every front door calls (design.md "Front doors", issue 2/3):
// probe → pose track → the pixels' evidence (rear view: pelvis marks; side view: foot motion) → analysis → JobOutput.
import { resolve as resolvePath } from 'node:path';
import type { AnalyseVideoOptions, AnalysisResult, GaitEvent, JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';
import { analyseTrack } from '../../analysis/analyseTrack';
import { analyseTrackWithEvents } from '../../analysis/analyseWithEvents';
import { assertUpright } from '../../analysis/pictureTurn';
import { analysisOptionsOf } from '../../shared/analysisOptions';
import { probeVideo, readFrameTimes } from '../video/probeVideo';
import { abortError, VideoError } from '../video/videoErrors';
import { addPixelEvidence } from './addPixelEvidence';
import { appInfo } from './appInfo';
import { choosePoseModel, chosenModelMessage, estimateAfterLook } from './choosePoseModel';
import { countFramesWithRunner, tooFewRunnerFrames } from './countPoseFrames';
import { isAbort, JobError } from './jobErrors';
import { secondPersonWarning } from './twoPeople';
import { findUndecodedFrames, undecodedFramesWarning, withLostFrames, type UndecodedFrames } from './undecodedFrames';

export interface JobOutput {
  info: VideoInfo;
  track: PoseTrack;
  result: AnalysisResult;
}

export interface JobContext {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** Already probed (the job manager probes when a clip is added): skips the probe. */
  info?: VideoInfo;
  /** Events given instead of detected (`--events`, issue 13). */
  events?: readonly GaitEvent[];
  /**
   * The caller's check of the view check's few seconds, before the whole pose run; it throws to stop the job there
   * (a session refuses a second clip of one side after seconds, not after minutes). Not called when no look ran
   * (a pose model or view the user set).
   */
  checkLook?: (look: PoseTrack) => void;
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

/** Frames listed in the container but missing from the track (none when the packet list cannot be read). */
async function undecodedFrames(info: VideoInfo, track: PoseTrack, signal?: AbortSignal): Promise<(UndecodedFrames & { total: number }) | null> {
  let packets: number[];
  try {
    packets = await readFrameTimes(resolvePath(info.path), signal); // cached from the decode
  } catch (e) {
    if (isAbort(e, signal)) throw e;
    return null; // the decode read these moments ago; a failure now is no news about the frames
  }
  const origin = packets[0] ?? 0;
  const rel = packets.map((t) => t - origin);
  return { ...findUndecodedFrames(rel, track.timesSec), total: rel.length };
}

/**
 * A decoder (ffmpeg) that dies mid-clip is tried once more: a killed or crashed process is often a one-off (memory
 * pressure, a signal). A second death is the error, saying it was the decoder and that it failed twice.
 */
async function withDecoderRetry(run: () => Promise<PoseTrack>, signal: AbortSignal | undefined, warnings: string[]): Promise<PoseTrack> {
  try {
    return await run();
  } catch (first) {
    if (isAbort(first, signal) || (first as { code?: unknown }).code !== 'DECODE_FAILED') throw first;
    const why = (first as Error).message.replace(/\.$/, '');
    try {
      const track = await run();
      warnings.push(`The video decoder (ffmpeg) stopped once and the pose stage was run again (${why}).`);
      return track;
    } catch (second) {
      if (isAbort(second, signal) || (second as { code?: unknown }).code !== 'DECODE_FAILED') throw second;
      throw new VideoError('DECODE_FAILED', `The video decoder (ffmpeg) failed twice, so the pose stage could not finish: ${(second as Error).message}`, (second as VideoError).detail);
    }
  }
}

export async function analyseVideo(path: string, options: AnalyseVideoOptions, ctx: JobContext = {}): Promise<JobOutput> {
  const { signal, onProgress } = ctx;
  checkAbort(signal);
  onProgress?.({ stage: 'probe', done: 0, total: 1 });
  const info = ctx.info ?? (await probeVideo(path, signal));
  onProgress?.({ stage: 'probe', done: 1, total: 1 });
  checkAbort(signal);

  let look: PoseTrack | undefined;
  const model = await choosePoseModel(info, options.model, options.view, {
    onLook: (t) => (look = t),
    ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.longSide !== undefined ? { longSide: options.longSide } : {}),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  checkAbort(signal);
  // A clip lying on its side is refused from the view check's few seconds, before the whole pose run.
  if (look !== undefined && !tooFewRunnerFrames(countFramesWithRunner(look), look.timesSec.length)) {
    assertUpright(look);
    ctx.checkLook?.(look);
  }
  const chosen = chosenModelMessage(options.model, model);
  // the view check's frames are reused when it ran the chosen model (estimateAfterLook); a retry after a dead
  // decoder runs the pose stage again the same way
  const runPose = () => estimateAfterLook(info, look, {
    model,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.longSide !== undefined ? { longSide: options.longSide } : {}),
    ...(signal ? { signal } : {}),
    ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
    // The progress line names the chosen model and the runtime the pose workers run on (issue 12).
    ...(onProgress ? { onProgress: chosen ? (p: JobProgress) => onProgress({ ...p, message: [chosen, p.message].filter(Boolean).join(', on ') }) : onProgress } : {}),
  });
  const warnings: string[] = [];
  let track = await withDecoderRetry(runPose, signal, warnings);
  checkAbort(signal);
  const total = track.timesSec.length;
  const withRunner = countFramesWithRunner(track);
  if (tooFewRunnerFrames(withRunner, total)) {
    throw new JobError('NO_PERSON', `No runner in view in ${path}: hips and legs were found in ${withRunner} of ${total} frames.`);
  }
  assertUpright(track); // before the pixel stages: a turned clip is refused at once (analyseTrack would refuse it too)

  const secondPerson = secondPersonWarning(track); // the pose model follows one person: a second shows as jumps
  if (secondPerson !== null) warnings.push(secondPerson);
  const lost = await undecodedFrames(info, track, signal);
  const lostWarning = lost === null ? null : undecodedFramesWarning(lost, lost.total);
  if (lost !== null && lostWarning !== null) {
    warnings.push(lostWarning);
    track = withLostFrames(track, lost);
  }
  track = await addPixelEvidence(info, track, options, ctx, warnings);
  checkAbort(signal);

  onProgress?.({ stage: 'analysis', done: 0, total: 1 });
  const analysisOptions = analysisOptionsOf(options);
  const video = { path: info.path, fps: info.avgFps, durationSec: info.durationSec, width: info.width, height: info.height };
  const result = ctx.events
    ? analyseTrackWithEvents(track, analysisOptions, video, ctx.events, appInfo())
    : analyseTrack(track, analysisOptions, video, appInfo());
  if (info.variableFrameRate) warnings.push('The clip has a variable frame rate: events were timed from each frame\'s own timestamp.');
  result.quality.warnings.push(...warnings);
  onProgress?.({ stage: 'analysis', done: 1, total: 1 });
  return { info, track, result };
}
