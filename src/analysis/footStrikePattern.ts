// Foot-strike class from the foot-strike angle (issue 16). Altman & Davis 2012 (Gait Posture 35:298, "A kinematic
// method for footstrike pattern detection in barefoot and shod runners"): foot-strike angle = the foot's sagittal
// angle at initial contact minus its angle standing flat; rearfoot above 8.0°, forefoot below −1.6°, midfoot between.
// Here "flat" is the same stance's mid-stance (no standing trial on a treadmill clip), which is what the angle's
// definition in this project says (footStrikeAngleDeg, docs/report-json.md).
//
// The class of a foot is stated only when the whole 95% interval of that foot's mean angle lies in one class: a
// pose model places the heel and toe with several degrees of error (sideViewMeasures FOOT_ANGLE_BIAS_…: 7° per foot
// for BlazePose heavy, 13° otherwise), and on the rendered RBDS008 clip (true angle ~20°, a clear rearfoot striker)
// BlazePose full read one foot at 17.9° and the other at 30.5°: a point estimate near a class border would be a
// guess. Otherwise the class is 'unclear', said as such (the same rule as the three levels of a left − right
// difference: a statement only where the interval supports it).
import { studentTQuantile } from './studentT';
import { mean, sampleVariance } from './seriesMath';
import type { FootStrikeClass, FootStrikeReading } from './types';

export const REARFOOT_ABOVE_DEG = 8.0;
export const FOREFOOT_BELOW_DEG = -1.6;

export function footStrikeClass(footStrikeAngleDeg: number): FootStrikeClass | null {
  if (!Number.isFinite(footStrikeAngleDeg)) return null;
  if (footStrikeAngleDeg > REARFOOT_ABOVE_DEG) return 'rearfoot';
  if (footStrikeAngleDeg < FOREFOOT_BELOW_DEG) return 'forefoot';
  return 'midfoot';
}

/** The 95% interval of a foot's mean angle: the steps' t-interval and the method's systematic bound in quadrature. */
export function meanAngleInterval(perStepDeg: readonly number[], systematicDeg: number): [number, number] | null {
  const v = perStepDeg.filter(Number.isFinite);
  if (v.length === 0) return null;
  const m = mean(v);
  const random = v.length > 1 ? studentTQuantile(0.975, v.length - 1) * Math.sqrt(sampleVariance(v) / v.length) : Number.POSITIVE_INFINITY;
  const half = Math.hypot(random, Number.isFinite(systematicDeg) ? systematicDeg : 0);
  return [m - half, m + half];
}

/** The class when the whole interval lies in one class, 'unclear' when it spans a border, null with no angle. */
export function footStrikeReading(perStepDeg: readonly number[], systematicDeg: number): FootStrikeReading | null {
  const ci = meanAngleInterval(perStepDeg, systematicDeg);
  if (ci === null) return null;
  const [lo, hi] = [footStrikeClass(ci[0]), footStrikeClass(ci[1])];
  return lo !== null && lo === hi ? lo : 'unclear';
}
