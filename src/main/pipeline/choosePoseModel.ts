// Which pose model runs a clip when the user leaves it on 'auto' (the default): the one that measured best for the
// clip's camera view (MODEL_FOR_VIEW in the shared contract: heavy from the side, full from behind). A view the user
// set decides at once; otherwise the first seconds are run through the fast model and the view is read from them.
import { MODEL_FOR_VIEW, type JobProgress, type PoseModelChoice, type PoseModelName, type PoseTrack, type VideoInfo } from '../../shared/contract';
import { detectView } from '../../analysis/detectView';
import type { PoseRuntimePreference } from '../pose/createPoseEstimator';
import { concatPoseTracks } from '../pose/concatPoseTracks';
import { estimatePoseTrack, type EstimatePoseOptions } from '../pose/estimatePoseTrack';

/** Long enough for two or three strides (the view is read from how far the feet sweep), short enough to cost little. */
export const VIEW_LOOK_SEC = 3;

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
  const message = 'Looking at the first seconds to tell a side view from a rear view';
  const look = await (ctx.estimate ?? estimatePoseTrack)(info, {
    model: VIEW_LOOK_MODEL,
    endSec: VIEW_LOOK_SEC,
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
 * full), its frames are kept and only the rest of the clip is estimated: 3 s of a 120 fps clip are
 * 360 frames not run twice. The boundary restarts ROI tracking as a chunk boundary of the pool does.
 */
export async function estimateAfterLook(info: VideoInfo, look: PoseTrack | undefined, opts: EstimatePoseOptions,
  estimate: typeof estimatePoseTrack = estimatePoseTrack): Promise<PoseTrack> {
  if (!look || opts.model !== VIEW_LOOK_MODEL || opts.endSec !== undefined) return estimate(info, opts);
  if (info.durationSec <= VIEW_LOOK_SEC) return look;
  const rest = await estimate(info, { ...opts, startSec: VIEW_LOOK_SEC });
  return concatPoseTracks(look, rest);
}

/** The progress line of the pose run that follows an automatic choice, so the user sees what was picked and why. */
export function chosenModelMessage(choice: PoseModelChoice, model: PoseModelName): string | undefined {
  if (choice !== 'auto') return undefined;
  if (model === MODEL_FOR_VIEW.side) return 'Side view: BlazePose heavy, the most accurate feet';
  if (model === MODEL_FOR_VIEW.rear) return 'Rear view: BlazePose full';
  return undefined;
}
