// Where to look for a foot's own image motion (issue 11): a patch around the pose model's heel and one around its
// toe (foot_index) of one leg, sized from the runner's leg length so the same share of the foot is used at any camera
// distance. Two patches, not one around the whole foot: the heel leaves the belt long before the toe (the foot rolls
// over its toes from heel-off), so a whole-foot patch drifts off the belt speed through push-off and its end of stance
// comes late; the toe patch moves with the belt until the toe itself lifts (measured on the rendered RBDS008 clip:
// a whole-foot patch's speed decays from ~20 frames before toe-off at 60 fps). The ankle gets no patch: it sits on the
// shank, which rotates forward over the planted foot, so it leaves the belt's speed long before the foot does.
import type { PoseTrack, Side } from '../../shared/contract';
import type { Rect } from '../pixels/grayImage';

export type FootPart = 'heel' | 'toe';
export const FOOT_PARTS: readonly FootPart[] = ['heel', 'toe'];
const POINT_OF: Record<FootPart, string> = { heel: 'heel', toe: 'foot_index' };

/** Patch size in leg lengths (hip to ankle, ~0.9 m): 0.18 × 0.14 is ~16 × 13 cm, the back (or front) half of a shoe
 *  with a little of the belt or the shin; smaller patches lose the shoe's texture, larger ones take in the other part. */
const WIDTH_LEG = 0.18;
const HEIGHT_LEG = 0.14;

/** The patch around one foot part at frame i, in displayed-video pixels; null when its point is not placed. */
export function footPartRect(track: PoseTrack, side: Side, part: FootPart, i: number, legPx: number): Rect | null {
  const kp = track.keypoints[`${side}_${POINT_OF[part]}`];
  const x = kp?.x[i] ?? Number.NaN;
  const y = kp?.y[i] ?? Number.NaN;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !(legPx > 0)) return null;
  const w = WIDTH_LEG * legPx, h = HEIGHT_LEG * legPx;
  return { x: x - w / 2, y: y - h / 2, width: w, height: h };
}

/**
 * The largest displacement searched between frames, leg lengths per second. A running foot's horizontal speed in a
 * treadmill's frame stays within about ± the belt speed (stance: back at the belt speed; swing: the foot's ground
 * speed peaks near twice the running speed, i.e. forward at about the belt speed); 6.5 m/s over a 0.9 m leg is
 * 7 leg lengths/s, searched with 30% to spare. Vertically the foot rises and falls at under 3 m/s.
 */
export const MAX_DX_LEG_PER_SEC = 9;
export const MAX_DY_LEG_PER_SEC = 4;
