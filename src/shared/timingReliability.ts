// Which feet this clip could time (src/analysis/gait/eventReliability.ts), for every screen that plots timing:
// a foot the comparison left out must not be drawn as if it were measured (issue 13).
export { hiddenFootReasons } from '../analysis/gait/eventReliability';
export { untimedEventWords, untimedEvents, untimedMetrics } from '../analysis/untimedMetrics';
