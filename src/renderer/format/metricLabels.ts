// Plain-language names of the metrics (the order they are read in: shared/formatMetric.ts METRIC_DISPLAY_ORDER).

/** One name per measure everywhere (src/analysis/metricNames.ts, through the shared contract). */
export { METRIC_NAME as METRIC_LABEL } from '../../shared/formatMetric';
