// Normal / watch / marked bands for a left–right difference, per metric, with their source (references.md).
import type { MetricId } from './types';

export interface FlagBand {
  /** 'siPct': bands on the symmetry index in %; 'deg': bands on the left − right difference in degrees. */
  kind: 'siPct' | 'deg';
  /** |value| up to this is normal. */
  normal: number;
  /** |value| above this is marked (between normal and this: watch). */
  watch: number;
  why: string;
}

// Industry practice for symmetry indices: 0–5% normal, 5–10% watch, > 10% marked (references.md "Asymmetry").
const TIME_BAND: FlagBand = { kind: 'siPct', normal: 5, watch: 10, why: 'SI 0–5% normal, 5–10% watch, > 10% marked (industry practice, references.md)' };
// Healthy runners show 2–3° of left/right kinematic difference (references.md), and the 2D within-day 95%
// interval of knee angles is 3–8° (Damsted): differences up to 3° are normal; beyond twice that, marked.
const ANGLE_BAND: FlagBand = { kind: 'deg', normal: 3, watch: 6, why: 'healthy runners differ by 2–3° left/right; marked beyond twice that (references.md, Damsted)' };
// 2D hip drop: smallest detectable difference 2.7–2.8° (Dingenen 2018). Up to 2.8° cannot be told from the
// measurement's own noise; beyond twice the SDD, marked. There is no validated 2D cut-off (references.md).
const HIP_DROP_BAND: FlagBand = { kind: 'deg', normal: 2.8, watch: 5.6, why: '2D smallest detectable difference 2.7–2.8° (Dingenen 2018); marked beyond twice that' };

/**
 * Metrics compared for flags. Step and stride length are left out: on a treadmill they are belt speed × step or
 * stride time, so they repeat the step-time comparison (and the stride is the same for both feet by construction).
 */
export const FLAG_BANDS: Partial<Record<MetricId, FlagBand>> = {
  contactTimeMs: TIME_BAND,
  flightTimeMs: TIME_BAND,
  stepTimeMs: TIME_BAND,
  dutyFactorPct: TIME_BAND,
  verticalOscillationPx: TIME_BAND,
  verticalOscillationCm: TIME_BAND,
  kneeFlexionAtStrikeDeg: ANGLE_BAND,
  overstrideDeg: ANGLE_BAND,
  hipDropDeg: HIP_DROP_BAND,
  // issue 16's side-view angles: the same 2–3° healthy left/right difference (references.md)
  hipExtensionAtToeOffDeg: ANGLE_BAND, kneeDriveDeg: ANGLE_BAND, footStrikeAngleDeg: ANGLE_BAND,
  kneeFlexionMidstanceDeg: ANGLE_BAND, trunkLeanDeg: ANGLE_BAND, armSwingDeg: ANGLE_BAND,
};
