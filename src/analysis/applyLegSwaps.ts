// The track as the analysis saw it. Stored tracks are the pose model's raw output, whose leg labels the analysis
// repairs (docs/references.md "Left/right identity"; ~10% of frames on the side-view fixture). Every picture of the
// skeleton (UI overlay, PDF key frames) must show the corrected labels, or a physio sees a "left" strike with the
// right leg on the ground.
import { withSwappedFootMotion } from './footMotionLabels';
import type { AnalysisResult, PoseTrack } from './types';

const LEG_POINTS = ['hip', 'knee', 'ankle', 'heel', 'foot_index'] as const;

/** A copy of the track with left/right leg points exchanged in result.legSwapFrames; the track itself when none. */
export function applyLegSwaps(track: PoseTrack, result: Pick<AnalysisResult, 'legSwapFrames'>): PoseTrack {
  const frames = result.legSwapFrames;
  if (!frames || frames.length === 0) return track;
  const keypoints: PoseTrack['keypoints'] = { ...track.keypoints };
  for (const point of LEG_POINTS) {
    const l = track.keypoints[`left_${point}`];
    const r = track.keypoints[`right_${point}`];
    if (!l || !r) continue;
    const nl = { x: [...l.x], y: [...l.y], score: [...l.score] };
    const nr = { x: [...r.x], y: [...r.y], score: [...r.score] };
    for (const i of frames) {
      if (i < 0 || i >= track.timesSec.length) continue;
      for (const axis of ['x', 'y', 'score'] as const) {
        nl[axis][i] = r[axis][i] as number;
        nr[axis][i] = l[axis][i] as number;
      }
    }
    keypoints[`left_${point}`] = nl;
    keypoints[`right_${point}`] = nr;
  }
  const swapped = new Set(frames);
  return withSwappedFootMotion({ ...track, keypoints }, (i) => swapped.has(i));
}
