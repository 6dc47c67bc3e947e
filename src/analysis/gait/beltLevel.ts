// Level the side view to the treadmill belt before timing events (issue 3: quality — "camera not level").
//
// The toe-off rule reads the toe's height above its stance level (sideViewEvents.ts), which assumes a foot on the
// belt keeps its image height while the belt carries it back. A phone that is rolled, or looks down on a belt that
// is not square to it, makes the stance foot's path slant: from mid-stance to toe-off the foot travels ~35 cm, so a
// 3° slant moves it ~1.8 cm up or down — as much as the rule's whole 2%-of-leg threshold. Measured on the RBDS
// trials turned by 3° and 5° (tests/analysis/events/beltLevel.test.ts): contact-time errors grew from 2–8 ms to
// 7–74 ms. The belt itself says where level is: the toe's image path in the middle half of each
// contact (the toe stays on the belt from foot-flat to toe-off; the heel already rises in late stance and reads
// 1–2° high). Its median angle over all stances is removed by a vertical shear (y − tan θ · x): the belt's path becomes
// horizontal, x and with it the belt-speed rule are untouched, and vertical lines stay vertical (a shear, not a
// rotation, because a slant from perspective is not a roll of the camera).
//
// Only a slant that makes the stance toe CLIMB as the belt carries it back is levelled. The rule's stance level is
// the toe's lowest point after mid-stance: on a climbing path that is mid-stance itself, and the climb alone crosses
// the threshold (RBDS turned 3° this way: toe-offs 25–47 ms early). On a sinking path the lowest point is the end
// of stance, next to the lift, and the toe-off comes only 8–15 ms late at 3°. Marks made by eye read the toe in
// pixels too and carry the same delay: the demo clip's belt sinks ~4–7°, and levelling it moved the toe-offs 0.7–1.3
// frames further from its eye marks. A pose model's toe also drifts a little in stance, so the measured slant can be 2–3° off on real
// video (BlazePose heavy reads 7° there, the belt's edge about 5°), and levelling by a wrong angle does harm of its own.
import { buildStepTimings } from '../stepTiming';
import { leastSquaresSlope, median } from '../seriesMath';
import { firstFrameFrom } from '../signal/frameWindow';
import type { FootMotionSeries, GaitEvent, PoseTrack } from '../types';

/** Below this the belt's slant is within what pose-model toes wander (±1° on the rendered clip's level camera). */
export const BELT_LEVEL_MIN_DEG = 1.5;
/** Fewer stances than this give no belt angle (one stance can be a mislabelled foot). */
const MIN_STANCES = 4;

function toePath(track: PoseTrack, side: 'left' | 'right', t0: number, t1: number): [number, number][] {
  const kp = track.keypoints[`${side}_foot_index`] ?? track.keypoints[`${side}_heel`] ?? track.keypoints[`${side}_ankle`];
  const pts: [number, number][] = [];
  if (!kp) return pts;
  const times = track.timesSec;
  for (let i = firstFrameFrom(times, t0); i < times.length && (times[i] as number) <= t1; i++) {
    const x = kp.x[i] as number;
    const y = kp.y[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) pts.push([x, y]);
  }
  return pts;
}

/** Image angle of the toe's path along a line fitted by least squares (degrees, positive when it runs down to the image right). */
function pathAngleDeg(pts: readonly [number, number][]): number {
  return (Math.atan(leastSquaresSlope(pts)) * 180) / Math.PI;
}

/** The belt's image angle from the stance toes (median over stances), NaN with too few stances. */
export function beltAngleDeg(track: PoseTrack, events: readonly GaitEvent[]): number {
  const angles: number[] = [];
  for (const s of buildStepTimings(events)) {
    if (s.toeOffTimeSec === null) continue;
    const c = s.toeOffTimeSec - s.strikeTimeSec;
    const a = pathAngleDeg(toePath(track, s.side, s.strikeTimeSec + 0.25 * c, s.strikeTimeSec + 0.75 * c));
    if (Number.isFinite(a)) angles.push(a);
  }
  return angles.length >= MIN_STANCES ? median(angles) : Number.NaN;
}

/** The track sheared so that a path at `angleDeg` becomes horizontal: y' = y − tan(angle) · (x − centre). The
 *  feet's image motion is sheared alike (dy' = dy − tan(angle) · dx), so the pixels' stance and the events it checks
 *  are read in the same frame (pixelStance.ts reads a rise from dy). */
export function levelToBelt(track: PoseTrack, angleDeg: number): PoseTrack {
  const k = Math.tan((angleDeg * Math.PI) / 180);
  const cx = track.width > 0 ? track.width / 2 : 0;
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) =>
    [name, { ...kp, y: kp.y.map((y, i) => y - k * ((kp.x[i] as number) - cx)) }]));
  const m = track.footMotion;
  if (!m) return { ...track, keypoints };
  const shear = (s: FootMotionSeries): FootMotionSeries => ({ ...s, dyPx: s.dyPx.map((dy, i) => dy - k * (s.dxPx[i] as number)) });
  const footMotion = {
    ...m,
    left: { heel: shear(m.left.heel), toe: shear(m.left.toe) },
    right: { heel: shear(m.right.heel), toe: shear(m.right.toe) },
  };
  return { ...track, keypoints, footMotion };
}

/**
 * True when a belt path at `angleDeg` (image y down) makes a stance toe rise in the image as the belt carries it
 * back: backwards is image-right for a runner facing image-left, image-left for one facing image-right.
 */
export function toeClimbsInStance(angleDeg: number, facing: string): boolean {
  const backwardSign = facing === 'imageLeft' ? 1 : facing === 'imageRight' ? -1 : 0;
  return backwardSign * angleDeg < 0;
}
