// Plain-language names of the metrics in the order a physio reads them (timing first, then kinematics).
import type { MetricId } from '../../shared/contract';

export const METRIC_ORDER: readonly MetricId[] = [
  'contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'kneeFlexionAtStrikeDeg', 'overstrideDeg',
  'verticalOscillationCm', 'verticalOscillationPx', 'stepLengthCm', 'strideLengthCm', 'hipDropDeg',
];

export const METRIC_LABEL: Record<MetricId, string> = {
  contactTimeMs: 'Ground contact time',
  flightTimeMs: 'Flight time',
  stepTimeMs: 'Step time',
  dutyFactorPct: 'Duty factor',
  kneeFlexionAtStrikeDeg: 'Knee flexion at foot strike',
  overstrideDeg: 'Overstride (shank angle at strike)',
  verticalOscillationPx: 'Vertical oscillation (image)',
  verticalOscillationCm: 'Vertical oscillation',
  stepLengthCm: 'Step length',
  strideLengthCm: 'Stride length',
  hipDropDeg: 'Hip drop at mid-stance',
};
