// Which pose-track frame a decoded frame is: the nearest by time, and only within half a frame (a decoded frame
// between two track frames, or outside the track's span, has no keypoints to seed the pixel work).
import { nearestFrame } from '../../analysis/gait/pointVisibility';

/** Index of the track frame nearest `timeSec` within `tolSec`, else -1. */
export function trackFrameOf(timesSec: readonly number[], timeSec: number, tolSec: number): number {
  if (timesSec.length === 0) return -1;
  const i = nearestFrame(timesSec, timeSec);
  return Math.abs((timesSec[i] as number) - timeSec) <= tolSec ? i : -1;
}
