// How many frames show a runner: both hips and at least one ankle found with some
// confidence. Stricter than "any keypoint", because a pose model fed an empty
// scene still emits low-score guesses now and then.
import type { PoseTrack } from '../../shared/contract';

const MIN_SCORE = 0.3;

function seen(track: PoseTrack, name: string, i: number): boolean {
  const s = track.keypoints[name];
  if (!s || !Number.isFinite(s.x[i]) || !Number.isFinite(s.y[i])) return false;
  const score = s.score[i];
  return score === undefined || !Number.isFinite(score) || score >= MIN_SCORE;
}

export function countFramesWithRunner(track: PoseTrack): number {
  let n = 0;
  for (let i = 0; i < track.timesSec.length; i++) {
    if (seen(track, 'left_hip', i) && seen(track, 'right_hip', i) && (seen(track, 'left_ankle', i) || seen(track, 'right_ankle', i))) n++;
  }
  return n;
}

/**
 * Too few frames with a runner to analyse: fewer than 10, or under 20% of the
 * clip (a couple of strides at least are needed for any left/right comparison).
 */
export function tooFewRunnerFrames(withRunner: number, total: number): boolean {
  return withRunner < 10 || withRunner < 0.2 * total;
}
