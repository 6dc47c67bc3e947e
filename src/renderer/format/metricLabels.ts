// Plain-language names of the metrics in the order a physio reads them (timing first, then kinematics).
import type { MetricId } from '../../shared/contract';

export const METRIC_ORDER: readonly MetricId[] = [
  'contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'kneeFlexionAtStrikeDeg', 'overstrideDeg',
  'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'trunkLeanDeg', 'armSwingDeg',
  'verticalOscillationCm', 'verticalOscillationPx', 'stepLengthCm', 'strideLengthCm', 'hipDropDeg',
];

/** One name per measure everywhere (src/analysis/metricNames.ts, through the shared contract). */
export { METRIC_NAME as METRIC_LABEL } from '../../shared/formatMetric';
