// Before/after between two sessions: the pure rule (src/analysis/compareChange.ts) reaches the renderer and the
// report through the shared contract, so every screen that compares sessions reads the same verdict.
export {
  classifySessionChange, compareMetricSessions, sessionChangeMargin, type MetricSessionChange, type SessionChange,
  type SessionChangeVerdict,
} from '../analysis/compareChange';
