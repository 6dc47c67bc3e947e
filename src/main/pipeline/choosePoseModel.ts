// Which pose model runs a clip when the user leaves it on 'auto' (the default): the one that measured best for the
// clip's camera view (MODEL_FOR_VIEW in the shared contract: heavy from the side, full from behind). A view the user
// set decides at once; otherwise a few seconds from the middle of the clip are run through the fast model and the view
// is read from them. Not the first seconds: a phone clip often begins with the runner stepping onto the belt or the
// belt speeding up, and feet that stand still sweep no more than a rear view's (the view check would then pick the
// rear view's model for a side clip).
import { MODEL_FOR_VIEW, type JobProgress, type PoseModelChoice, type PoseModelName, type PoseTrack, type VideoInfo } from '../../shared/contract';
import { detectView } from '../../analysis/detectView';
import type { PoseRuntimePreference } from '../pose/createPoseEstimator';
import { concatPoseTracks } from '../pose/concatPoseTracks';
import { estimatePoseTrack, type EstimatePoseOptions } from '../pose/estimatePoseTrack';

/** Long enough for two or three strides (the view is read from how far the feet sweep), short enough to cost little. */
export const VIEW_LOOK_SEC = 3;

/** The stretch of the clip the view check looks at: VIEW_LOOK_SEC around its middle (the whole of a shorter clip). */
export function viewLookWindow(info: VideoInfo): { startSec: number; endSec: number } {
  const duration = Number.isFinite(info.durationSec) && info.durationSec > 0 ? info.durationSec : 0;
  const startSec = Math.max(0, (duration - VIEW_LOOK_SEC) / 2);
  return { startSec, endSec: startSec + VIEW_LOOK_SEC };
}

export interface ChooseModelContext {
  workers?: number;
  longSide?: number;
  signal?: AbortSignal;
  runtime?: PoseRuntimePreference;
  onProgress?: (p: JobProgress) => void;
  /** Stand-in for the pose run (tests). */
  estimate?: typeof estimatePoseTrack;
  /** Receives the view check's track (BlazePose full, the first VIEW_LOOK_SEC), so a full run can keep it. */
  onLook?: (look: PoseTrack) => void;
}

export async function choosePoseModel(info: VideoInfo, choice: PoseModelChoice, view: 'auto' | 'side' | 'rear',
  ctx: ChooseModelContext = {}): Promise<PoseModelName> {
  if (choice !== 'auto') return choice;
  if (view !== 'auto') return MODEL_FOR_VIEW[view];
  const message = 'Looking at a few seconds of the clip to tell a side view from a rear view';
  const window = viewLookWindow(info);
  const look = await (ctx.estimate ?? estimatePoseTrack)(info, {
    model: VIEW_LOOK_MODEL,
    ...(window.startSec > 0 ? { startSec: window.startSec } : {}),
    endSec: window.endSec,
    ...(ctx.workers !== undefined ? { workers: ctx.workers } : {}),
    ...(ctx.longSide !== undefined ? { longSide: ctx.longSide } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.runtime !== undefined ? { runtime: ctx.runtime } : {}),
    ...(ctx.onProgress ? { onProgress: (p: JobProgress) => ctx.onProgress?.({ ...p, message: p.message ? `${message}, on ${p.message}` : message }) } : {}),
  });
  ctx.onLook?.(look);
  return MODEL_FOR_VIEW[detectView(look, 'auto').view];
}

/** The model the view check runs. */
export const VIEW_LOOK_MODEL: PoseModelName = 'full';

/**
 * The pose track of the whole clip. When the view check already ran the chosen model (a rear view:
 * full), its frames are kept and only the rest of the clip, before and after them, is estimated: 3 s of a
 * 120 fps clip are 360 frames not run twice. The boundaries restart ROI tracking as a chunk boundary of the
 * pool does.
 */
export async function estimateAfterLook(info: VideoInfo, look: PoseTrack | undefined, opts: EstimatePoseOptions,
  estimate: typeof estimatePoseTrack = estimatePoseTrack): Promise<PoseTrack> {
  if (!look || opts.model !== VIEW_LOOK_MODEL || opts.endSec !== undefined || opts.startSec !== undefined) return estimate(info, opts);
  const window = viewLookWindow(info);
  const fps = info.avgFps > 0 ? info.avgFps : info.realFps;
  // whether a part runs goes by the clip's times; its frame counts only scale the progress line (a frame count may be
  // an estimate: duration × frame rate where the container states none)
  const hasAfter = info.durationSec > window.endSec;
  const before = Math.round(window.startSec * fps);
  const after = hasAfter ? Math.max(0, info.frameCount - Math.round(window.endSec * fps)) : 0;
  // the two runs read as one on the progress line: frames and time left over both
  const part = (doneBefore: number, stillAfter: number): Pick<EstimatePoseOptions, 'onProgress'> => (opts.onProgress ? {
    onProgress: (p: JobProgress) => opts.onProgress?.({
      ...p, done: doneBefore + p.done, total: p.total === null ? null : doneBefore + p.total + stillAfter,
      ...(p.etaSec !== undefined && p.framesPerSec ? { etaSec: p.etaSec + stillAfter / p.framesPerSec } : {}),
    }),
  } : {});
  let whole = look;
  if (window.startSec > 0) whole = concatPoseTracks(await estimate(info, { ...opts, ...part(0, after), endSec: window.startSec }), whole);
  if (hasAfter) whole = concatPoseTracks(whole, await estimate(info, { ...opts, ...part(before, 0), startSec: window.endSec }));
  return whole;
}

/** The progress line of the pose run that follows an automatic choice, so the user sees what was picked and why. */
export function chosenModelMessage(choice: PoseModelChoice, model: PoseModelName): string | undefined {
  if (choice !== 'auto') return undefined;
  if (model === MODEL_FOR_VIEW.side) return 'Side view: BlazePose heavy, the most accurate feet';
  if (model === MODEL_FOR_VIEW.rear) return 'Rear view: BlazePose full';
  return undefined;
}
