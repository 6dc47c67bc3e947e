// The foot regions' image motion (PoseTrack.footMotion, issue 11) is measured around the points the pose model
// labelled left and right, so it carries the model's leg labels: wherever the analysis exchanges the legs' labels
// (repairLeftRight, swapLegs, applyLegSwaps) it exchanges these with them, or a foot would be timed by the other
// foot's pixels (the rendered side clip's raw labels are swapped in ~9% of frames).
import type { FootMotion, FootMotionSeries, PoseTrack } from './types';

function pick(a: FootMotionSeries, b: FootMotionSeries, swap: (i: number) => boolean): FootMotionSeries {
  const take = (key: keyof FootMotionSeries): number[] => a[key].map((v, i) => (swap(i) ? (b[key][i] as number) : v));
  return { dxPx: take('dxPx'), dyPx: take('dyPx'), ncc: take('ncc') };
}

/** `footMotion` with left and right exchanged at the frames where `swap(i)`; unchanged when the track has none. */
export function swapFootMotion(track: PoseTrack, swap: (i: number) => boolean): FootMotion | undefined {
  const m = track.footMotion;
  if (!m) return undefined;
  return {
    ...m,
    left: { heel: pick(m.left.heel, m.right.heel, swap), toe: pick(m.left.toe, m.right.toe, swap) },
    right: { heel: pick(m.right.heel, m.left.heel, swap), toe: pick(m.right.toe, m.left.toe, swap) },
  };
}

/** The track with its foot motion's labels exchanged where `swap(i)` (a no-op without foot motion). */
export function withSwappedFootMotion<T extends PoseTrack>(track: T, swap: (i: number) => boolean): T {
  const footMotion = swapFootMotion(track, swap);
  return footMotion ? { ...track, footMotion } : track;
}
