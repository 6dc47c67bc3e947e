// Before/after between two sessions (and the flags' normal bands it reads): the pure rule (src/analysis/compareChange.ts) reaches the renderer and the
// report through the shared contract, so every screen that compares sessions reads the same verdict.
export {
  classifySessionChange, compareMetricSessions, sessionChangeMargin, type MetricSessionChange, type SessionChange,
  type SessionChangeVerdict,
} from '../analysis/compareChange';
export { FLAG_BANDS } from '../analysis/flagBands';
