// The whole pure pipeline PoseTrack → AnalysisResult (design.md station 3): findGaitEvents (repair, fill, reject,
// low-pass, view, events, cleaning) → computeMetrics → compareSides → assessQuality → raiseFlags → writeVerdict.
// Deterministic: no randomness, no clock.
import { AnalysisError } from './analysisError';
import { assembleResult, type VideoMeta } from './assembleResult';
import { findGaitEvents } from './findGaitEvents';
import { assertUpright } from './pictureTurn';
import type { AnalysisOptions, AnalysisResult, PoseTrack } from './types';

export type { VideoMeta } from './assembleResult';

/** Checks the hand-over before any stage trusts it; a malformed track, or a runner not upright in the picture, is a typed error, never a crash. */
export function validateTrack(track: PoseTrack): void {
  const n = track.timesSec.length;
  if (n < 2) throw new AnalysisError('TRACK_INVALID', `The keypoint track has ${n} frame(s): nothing to analyse.`);
  for (let i = 1; i < n; i++) {
    if (!((track.timesSec[i] as number) > (track.timesSec[i - 1] as number))) {
      throw new AnalysisError('TRACK_INVALID', `Frame times must increase: frame ${i} (${track.timesSec[i]} s) is not after frame ${i - 1}.`);
    }
  }
  for (const [name, kp] of Object.entries(track.keypoints)) {
    if (kp.x.length !== n || kp.y.length !== n || kp.score.length !== n) {
      throw new AnalysisError('TRACK_INVALID', `Keypoint "${name}" has ${kp.x.length}/${kp.y.length}/${kp.score.length} values for ${n} frames.`);
    }
  }
  for (const side of ['left', 'right']) {
    if (!track.keypoints[`${side}_hip`] || !track.keypoints[`${side}_ankle`]) {
      throw new AnalysisError('TRACK_INVALID', `The keypoint track has no ${side}_hip or ${side}_ankle: gait events need hips and legs.`);
    }
  }
  assertUpright(track);
}

export function analyseTrack(track: PoseTrack, options: AnalysisOptions, video: VideoMeta,
  app?: { name: string; version: string }): AnalysisResult {
  validateTrack(track);
  const gait = findGaitEvents(track, { view: options.view });
  return assembleResult(track, gait, options, video, app);
}
