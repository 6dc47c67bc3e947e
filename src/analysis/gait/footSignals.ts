// Per-foot signals the event rules read, from a filtered track (side view). `forward` is the image x along the
// runner's direction of travel, so a foot on the belt moves towards negative forward (the treadmill belt rule of
// docs/references.md) whatever way the runner faces.
import { derivative } from '../signal/subFrame';
import type { PoseTrack, Side } from '../types';

export interface FootSignals {
  /** Forward position (px) of heel, toe (foot_index) and ankle; NaN where missing. */
  heelFwd: number[];
  toeFwd: number[];
  ankleFwd: number[];
  /** Image y (down) of heel and toe. */
  heelY: number[];
  toeY: number[];
  /** Forward position and velocity (px/s) of the foot's lowest point (heel or toe, whichever is lower in the image). */
  lowFwd: number[];
  lowVel: number[];
  toeVel: number[];
  /** Image y (down) of the lowest point of the foot. */
  lowY: number[];
  pelvisFwd: number[];
}

function series(track: PoseTrack, name: string, axis: 'x' | 'y'): number[] {
  const kp = track.keypoints[name];
  return kp ? [...kp[axis]] : new Array<number>(track.timesSec.length).fill(Number.NaN);
}

function orElse(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => (Number.isFinite(v) ? v : (b[i] as number)));
}

export function footSignals(track: PoseTrack, side: Side, forwardSign: 1 | -1): FootSignals {
  const fwd = (v: readonly number[]): number[] => v.map((x) => forwardSign * x);
  const ankleX = series(track, `${side}_ankle`, 'x');
  const ankleY = series(track, `${side}_ankle`, 'y');
  // A model without heel or toe points (e.g. COCO-17) falls back to the ankle for both.
  const heelX = orElse(series(track, `${side}_heel`, 'x'), ankleX);
  const heelY = orElse(series(track, `${side}_heel`, 'y'), ankleY);
  const toeX = orElse(series(track, `${side}_foot_index`, 'x'), heelX);
  const toeY = orElse(series(track, `${side}_foot_index`, 'y'), heelY);
  const lowX = heelX.map((hx, i) => ((heelY[i] as number) >= (toeY[i] as number) ? hx : (toeX[i] as number)));
  const lowY = heelY.map((hy, i) => Math.max(hy, toeY[i] as number));
  const hipL = series(track, 'left_hip', 'x');
  const hipR = series(track, 'right_hip', 'x');
  const pelvisX = hipL.map((l, i) => {
    const r = hipR[i] as number;
    if (Number.isFinite(l) && Number.isFinite(r)) return (l + r) / 2;
    return Number.isFinite(l) ? l : r;
  });
  const lowFwd = fwd(lowX);
  const toeFwd = fwd(toeX);
  const heelFwd = fwd(heelX);
  const heelVel = derivative(heelFwd, track.timesSec);
  const toeVel = derivative(toeFwd, track.timesSec);
  // Velocity of whichever point is lower, taken point by point (differentiating lowFwd would jump at the switch).
  const lowVel = heelVel.map((hv, i) => ((heelY[i] as number) >= (toeY[i] as number) ? hv : (toeVel[i] as number)));
  return { heelFwd, toeFwd, ankleFwd: fwd(ankleX), heelY, toeY, lowFwd, lowVel, toeVel, lowY, pelvisFwd: fwd(pelvisX) };
}
