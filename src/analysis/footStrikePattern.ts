// Foot-strike class from the foot-strike angle (issue 16). Altman & Davis 2012 (Gait Posture 35:298, "A kinematic
// method for footstrike pattern detection in barefoot and shod runners"): foot-strike angle = the foot's sagittal
// angle at initial contact minus its angle standing flat; rearfoot above 8.0°, forefoot below −1.6°, midfoot between.
// Here "flat" is the same stance's mid-stance (no standing trial on a treadmill clip), which is what the angle's
// definition in this project says (footStrikeAngleDeg, docs/report-json.md).
import type { FootStrikeClass } from './types';

export const REARFOOT_ABOVE_DEG = 8.0;
export const FOREFOOT_BELOW_DEG = -1.6;

export function footStrikeClass(footStrikeAngleDeg: number): FootStrikeClass | null {
  if (!Number.isFinite(footStrikeAngleDeg)) return null;
  if (footStrikeAngleDeg > REARFOOT_ABOVE_DEG) return 'rearfoot';
  if (footStrikeAngleDeg < FOREFOOT_BELOW_DEG) return 'forefoot';
  return 'midfoot';
}
