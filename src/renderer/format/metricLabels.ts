// Plain-language names of the metrics in the order a physio reads them (timing first, then kinematics).
import type { MetricId } from '../../shared/contract';

export const METRIC_ORDER: readonly MetricId[] = [
  'contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'kneeFlexionAtStrikeDeg', 'overstrideDeg',
  'verticalOscillationCm', 'verticalOscillationPx', 'stepLengthCm', 'strideLengthCm', 'hipDropDeg',
];

export const METRIC_LABEL: Record<MetricId, string> = {
  contactTimeMs: 'Contact time',
  flightTimeMs: 'Flight time',
  stepTimeMs: 'Step time',
  dutyFactorPct: 'Duty factor',
  kneeFlexionAtStrikeDeg: 'Knee flexion at strike',
  overstrideDeg: 'Overstride (shin angle)',
  verticalOscillationPx: 'Vertical bounce (image)',
  verticalOscillationCm: 'Vertical bounce',
  stepLengthCm: 'Step length',
  strideLengthCm: 'Stride length',
  hipDropDeg: 'Hip drop (mid-stance)',
};
