// The one name of each measure, used by the verdict, the flags, the app, the PDF and the CLI alike (a physio must
// never meet the same measure under two names).
import type { MetricId } from './types';

export const METRIC_NAME: Readonly<Record<MetricId, string>> = {
  contactTimeMs: 'Ground contact time',
  flightTimeMs: 'Flight time',
  stepTimeMs: 'Step time',
  dutyFactorPct: 'Duty factor',
  kneeFlexionAtStrikeDeg: 'Knee flexion at foot strike',
  overstrideDeg: 'Overstride (shin angle)',
  verticalOscillationPx: 'Vertical oscillation',
  verticalOscillationCm: 'Vertical oscillation',
  stepLengthCm: 'Step length',
  strideLengthCm: 'Stride length',
  hipDropDeg: 'Hip drop at mid-stance',
  stepWidthCm: 'Step width',
  stepWidthPctHip: 'Step width',
  lateralSwayPx: 'Lateral pelvis sway',
  hipExtensionAtToeOffDeg: 'Hip extension at toe-off',
  kneeDriveDeg: 'Knee drive in swing',
  footStrikeAngleDeg: 'Foot-strike angle',
  kneeFlexionMidstanceDeg: 'Knee flexion at mid-stance',
  trunkLeanDeg: 'Trunk lean (in stance)',
  armSwingDeg: 'Arm swing range',
};
