// Copies a PoseTrack with every keypoint's x and y passed through a function (stages never mutate their input).
import type { KeypointSeries, PoseTrack } from '../types';

export function mapTrackSeries(
  track: PoseTrack,
  fn: (values: readonly number[], name: string, axis: 'x' | 'y', kp: KeypointSeries) => number[],
): PoseTrack {
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, kp] of Object.entries(track.keypoints)) {
    keypoints[name] = { x: fn(kp.x, name, 'x', kp), y: fn(kp.y, name, 'y', kp), score: [...kp.score] };
  }
  return { ...track, timesSec: [...track.timesSec], keypoints };
}
