// Plain-language names of the metrics in the order a physio reads them (timing first, then kinematics).
import type { MetricId } from '../../shared/contract';

export const METRIC_ORDER: readonly MetricId[] = [
  'contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'kneeFlexionAtStrikeDeg', 'overstrideDeg',
  'verticalOscillationCm', 'verticalOscillationPx', 'stepLengthCm', 'strideLengthCm', 'hipDropDeg',
  'stepWidthCm', 'stepWidthPctHip', 'lateralSwayPx',
];

/** One name per measure everywhere (src/analysis/metricNames.ts, through the shared contract). */
export { METRIC_NAME as METRIC_LABEL } from '../../shared/formatMetric';
