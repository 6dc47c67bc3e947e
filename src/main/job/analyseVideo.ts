// The job runner every front door calls (design.md "Front doors", issue 2/3):
// probe → pose track → (rear view) pelvis marks → analysis → JobOutput.
import type { AnalyseVideoOptions, AnalysisResult, JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';
import { analyseTrack } from '../../analysis/analyseTrack';
import { detectView } from '../../analysis/detectView';
import { trackPelvis } from '../pelvis/trackPelvis';
import { probeVideo } from '../video/probeVideo';
import { abortError } from '../video/videoErrors';
import { appInfo } from './appInfo';
import { choosePoseModel, chosenModelMessage, estimateAfterLook } from './choosePoseModel';
import { countFramesWithRunner, tooFewRunnerFrames } from './countPoseFrames';
import { isAbort, JobError } from './jobErrors';

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
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

/** Runs the pelvis tracker for rear clips; its absence or failure is a warning, never the end of the job. */
async function addPelvisMarks(info: VideoInfo, track: PoseTrack, options: AnalyseVideoOptions, ctx: JobContext, warnings: string[]): Promise<PoseTrack> {
  const marks = options.pelvisMarks ?? 'auto';
  if (marks === 'off') return track;
  const view = options.view === 'auto' ? detectView(track, 'auto').view : options.view;
  if (view !== 'rear') return track;
  try {
    return await trackPelvis(info, track, {
      marks,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    });
  } catch (e) {
    if (isAbort(e, ctx.signal)) throw e;
    const msg = (e as Error).message ?? String(e);
    warnings.push(`Pelvis marks could not be tracked (${msg}): hip drop comes from the pose model's hips, which barely move sideways.`);
    return track;
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
  const chosen = chosenModelMessage(options.model, model);
  let track = await estimateAfterLook(info, look, {
    model,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.longSide !== undefined ? { longSide: options.longSide } : {}),
    ...(signal ? { signal } : {}),
    ...(options.runtime !== undefined ? { runtime: options.runtime } : {}),
    // The progress line names the chosen model and the runtime the pose workers run on (issue 12).
    ...(onProgress ? { onProgress: chosen ? (p: JobProgress) => onProgress({ ...p, message: [chosen, p.message].filter(Boolean).join(', on ') }) : onProgress } : {}),
  });
  checkAbort(signal);
  const total = track.timesSec.length;
  const withRunner = countFramesWithRunner(track);
  if (tooFewRunnerFrames(withRunner, total)) {
    throw new JobError('NO_PERSON', `No runner in view in ${path}: hips and legs were found in ${withRunner} of ${total} frames.`);
  }

  const warnings: string[] = [];
  track = await addPelvisMarks(info, track, options, ctx, warnings);
  checkAbort(signal);

  onProgress?.({ stage: 'analysis', done: 0, total: 1 });
  const result = analyseTrack(
    track,
    {
      view: options.view,
      ...(options.beltSpeedMps !== undefined ? { beltSpeedMps: options.beltSpeedMps } : {}),
      ...(options.horizonDeg !== undefined ? { horizonDeg: options.horizonDeg } : {}),
    },
    { path: info.path, fps: info.avgFps, durationSec: info.durationSec, width: info.width, height: info.height },
    appInfo(),
  );
  if (info.variableFrameRate) warnings.push('The clip has a variable frame rate: events were timed from each frame\'s own timestamp.');
  result.quality.warnings.push(...warnings);
  onProgress?.({ stage: 'analysis', done: 1, total: 1 });
  return { info, track, result };
}
