// Joins two pose tracks of the same clip and model, the second starting where the first ends
// (issue 12: the 3 s view check's frames are kept instead of being estimated twice).
import type { KeypointSeries, PoseTrack } from '../../shared/contract';

/** `rest`'s frames after `head`'s last frame are appended (a frame on the boundary is kept once); `rest`'s source names the track. */
export function concatPoseTracks(head: PoseTrack, rest: PoseTrack): PoseTrack {
  const last = head.timesSec[head.timesSec.length - 1] ?? -Infinity;
  const from = rest.timesSec.findIndex((t) => t > last + 1e-6);
  const start = from < 0 ? rest.timesSec.length : from;
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, a] of Object.entries(head.keypoints)) {
    const b = rest.keypoints[name];
    keypoints[name] = {
      x: [...a.x, ...(b ? b.x.slice(start) : rest.timesSec.slice(start).map(() => NaN))],
      y: [...a.y, ...(b ? b.y.slice(start) : rest.timesSec.slice(start).map(() => NaN))],
      score: [...a.score, ...(b ? b.score.slice(start) : rest.timesSec.slice(start).map(() => NaN))],
    };
  }
  return { ...rest, timesSec: [...head.timesSec, ...rest.timesSec.slice(start)], keypoints };
}
