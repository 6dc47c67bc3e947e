// What the video's pixels add to a pose track before it is analysed (issue 6: rear-view pelvis marks; issue 11:
// side-view foot motion; issue 16: the scene's vertical for the side-view angles), for every front door that makes a
// track from a video: a job (analyseVideo) and `lopsided keypoints`, so that the CSV it writes analyses like the clip
// itself. Each is a warning when it fails, never the end of the job.
import type { AnalyseVideoOptions, JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';
import { detectView } from '../../analysis/detectView';
import { trackPelvis } from '../pelvis/trackPelvis';
import { trackFootMotion } from '../footMotion/trackFootMotion';
import { measureSceneVertical } from '../scene/measureSceneVertical';
import { isAbort } from './jobErrors';

export interface PixelContext {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

/** Runs the pelvis tracker (rear clips); its absence or failure is a warning, never the end of the job. */
async function addPelvisMarks(info: VideoInfo, track: PoseTrack, options: Pick<AnalyseVideoOptions, 'pelvisMarks'>, ctx: PixelContext, warnings: string[]): Promise<PoseTrack> {
  const marks = options.pelvisMarks ?? 'auto';
  if (marks === 'off') return track;
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

/**
 * Side clips: each foot region's image motion, one more independent piece of timing evidence (issue 11). Its absence
 * or failure is a warning, never the end of the job: the events are then checked without it, as before.
 */
async function addFootMotion(info: VideoInfo, track: PoseTrack, ctx: PixelContext, warnings: string[]): Promise<PoseTrack> {
  try {
    return await trackFootMotion(info, track, {
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
    });
  } catch (e) {
    if (isAbort(e, ctx.signal)) throw e;
    const msg = (e as Error).message ?? String(e);
    warnings.push(`The feet's own motion could not be read from the video (${msg}): each foot's timing was checked without it.`);
    return track;
  }
}

/**
 * Side clips: the world's vertical at the runner from the scene's vertical edges (src/main/scene), which the angles
 * are read against. None found is no warning: the angles then stand on the belt's slant, and the report says so.
 */
async function addSceneVertical(info: VideoInfo, track: PoseTrack, ctx: PixelContext, warnings: string[]): Promise<PoseTrack> {
  try {
    const sceneVertical = await measureSceneVertical(info, track, ctx.signal);
    return sceneVertical ? { ...track, sceneVertical } : track;
  } catch (e) {
    if (isAbort(e, ctx.signal)) throw e;
    warnings.push(`The scene's verticals could not be read from the video (${(e as Error).message ?? String(e)}): the angles were read against the belt's slant.`);
    return track;
  }
}

/** The track with the pixels' evidence its view takes (pelvis marks from behind; foot motion and the scene's vertical from the side). */
export async function addPixelEvidence(info: VideoInfo, track: PoseTrack, options: Pick<AnalyseVideoOptions, 'view' | 'pelvisMarks'>, ctx: PixelContext, warnings: string[]): Promise<PoseTrack> {
  const view = options.view === 'auto' ? detectView(track, 'auto').view : options.view;
  if (view === 'rear') return addPelvisMarks(info, track, options, ctx, warnings);
  const withFeet = await addFootMotion(info, track, ctx, warnings);
  if (ctx.signal?.aborted) return withFeet;
  return addSceneVertical(info, withFeet, ctx, warnings);
}
