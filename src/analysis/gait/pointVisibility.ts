// Whether the pose model saw a set of points at a frame. An angle from guessed points is not a measurement: from
// one side the far leg and arm are often hidden (the demo clip's far knee scored 0.02–0.25 at every strike behind the
// treadmill console). Lab tracks without scores (NaN) count as seen.
import type { PictureEdge, PoseTrack } from '../types';

/** The lowest pose confidence of the named keypoints at a frame; 1 when none carries a score, 0 when one is absent. */
export function minScoreAt(track: PoseTrack, names: readonly string[], frame: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const kp = track.keypoints[name];
    if (!kp) return 0;
    const v = kp.score[frame];
    if (v !== undefined && Number.isFinite(v)) min = Math.min(min, v);
  }
  return Number.isFinite(min) ? min : 1;
}

/** Index of the frame nearest to time t (frame times increase). */
export function nearestFrame(timesSec: readonly number[], t: number): number {
  let lo = 0;
  let hi = timesSec.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((timesSec[mid] as number) <= t) lo = mid; else hi = mid;
  }
  return Math.abs((timesSec[hi] as number) - t) < Math.abs((timesSec[lo] as number) - t) ? hi : lo;
}

/**
 * The edge of the picture a foot lies beyond at a frame, or null. Below the bottom edge it takes only the foot's
 * lowest point: that is the part on the belt (the heel at a heel strike, the toe at toe-off), and when it is out of
 * the picture the contact is not seen. Beyond the other edges, every found point. BlazePose still places a foot
 * below the picture, with a confidence that may pass as seen: a point outside the picture is a guess from the limb
 * above it.
 */
export function outsideEdgeAt(track: PoseTrack, names: readonly string[], frame: number): PictureEdge | null {
  if (!(track.width > 0 && track.height > 0)) return null;
  const pts = names.flatMap((name) => {
    const x = track.keypoints[name]?.x[frame] ?? Number.NaN;
    const y = track.keypoints[name]?.y[frame] ?? Number.NaN;
    return Number.isFinite(x) && Number.isFinite(y) ? [{ x, y }] : [];
  });
  if (pts.length === 0) return null;
  if (Math.max(...pts.map((q) => q.y)) > track.height) return 'bottom';
  if (pts.every((q) => q.y < 0)) return 'top';
  if (pts.every((q) => q.x < 0)) return 'left';
  if (pts.every((q) => q.x > track.width)) return 'right';
  return null;
}

/** The edge met most often over some frames and how often (ties: the first of bottom, top, left, right). */
export function commonestEdge(edges: readonly (PictureEdge | null)[]): { edge: PictureEdge; count: number } {
  const counts: Record<PictureEdge, number> = { bottom: 0, top: 0, left: 0, right: 0 };
  for (const e of edges) if (e) counts[e]++;
  const [edge, count] = (Object.entries(counts) as [PictureEdge, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
  return { edge, count };
}
