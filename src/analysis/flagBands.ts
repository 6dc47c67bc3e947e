// Normal / watch / marked bands for a left–right difference, per metric, with their source (docs/references.md).
import type { MetricId } from './types';

export interface FlagBand {
  /** 'siPct': bands on the symmetry index in %; 'deg': bands on the left − right difference in degrees; 'diff': on
   *  the left − right difference in the metric's own unit (cm, % of hip width). */
  kind: 'siPct' | 'deg' | 'diff';
  /** |value| up to this is normal. */
  normal: number;
  /** |value| above this is marked (between normal and this: watch). */
  watch: number;
  why: string;
}

// Industry practice for symmetry indices: 0–5% normal, 5–10% watch, > 10% marked (docs/references.md "Asymmetry").
const TIME_BAND: FlagBand = { kind: 'siPct', normal: 5, watch: 10, why: 'symmetry index 0–5% normal, 5–10% watch, > 10% marked (industry practice)' };
// Healthy runners show 2–3° of left/right kinematic difference (docs/references.md), and the 2D within-day 95%
// interval of knee angles is 3–8° (Damsted 2015): differences up to 3° are normal; beyond twice that, marked.
const ANGLE_BAND: FlagBand = { kind: 'deg', normal: 3, watch: 6, why: 'healthy runners differ by 2–3° left/right; marked beyond twice that (Damsted 2015)' };
// 2D hip drop: smallest detectable difference 2.7–2.8° (Dingenen 2018). Up to 2.8° cannot be told from the
// measurement's own noise; beyond twice the SDD, marked. There is no validated 2D cut-off (docs/references.md).
const HIP_DROP_BAND: FlagBand = { kind: 'deg', normal: 2.8, watch: 5.6, why: '2D smallest detectable difference 2.7–2.8° (Dingenen 2018); marked beyond twice that' };
// Step width: healthy runners' preferred width is about 6 cm (Brindle 2014); changing it by about 5% of leg length
// (4–5 cm) changed iliotibial-band strain and tibial stress (Meardon 2012; Meardon & Derrick 2014). A left − right
// difference up to half such a change (2 cm) is normal; beyond a whole one (4 cm), marked. In hip widths: the hip
// joint centres of RBDS008 are 17.5 cm apart in the rear keypoints, so 2 cm ≈ 10%.
const STEP_WIDTH_CM_BAND: FlagBand = { kind: 'diff', normal: 2, watch: 4, why: 'preferred step width about 6 cm (Brindle 2014); changes of 4–5 cm altered tissue loads (Meardon 2012): normal up to 2 cm, marked beyond 4 cm' };
const STEP_WIDTH_HIP_BAND: FlagBand = { kind: 'diff', normal: 10, watch: 20, why: 'the step-width band of 2 / 4 cm as a share of a 17.5 cm hip width: normal up to 10%, marked beyond 20% (Brindle 2014; Meardon 2012)' };

/**
 * Metrics compared for flags. Lateral pelvis sway is left out: no published band exists for a left − right
 * difference in it, and a symmetry index inflates on its small values (0.3–1.4 cm per side in the RBDS trials:
 * a 1 mm difference read as 38%), so it is reported with its interval, never levelled (docs/references.md).
 * Step and stride length are left out: on a treadmill they are belt speed × step or
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
  stepWidthCm: STEP_WIDTH_CM_BAND,
  stepWidthPctHip: STEP_WIDTH_HIP_BAND,
  // issue 16's side-view angles: the same 2–3° healthy left/right difference (references.md)
  hipExtensionAtToeOffDeg: ANGLE_BAND, kneeDriveDeg: ANGLE_BAND, footStrikeAngleDeg: ANGLE_BAND,
  kneeFlexionMidstanceDeg: ANGLE_BAND, trunkLeanDeg: ANGLE_BAND, armSwingDeg: ANGLE_BAND,
};
