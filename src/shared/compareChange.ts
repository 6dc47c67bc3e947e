// Before/after between two sessions (and the flags' normal bands it reads): the pure rule
// (src/analysis/progress/) reaches the renderer and the report through the shared contract, so every screen that
// compares sessions reads the same verdict.
export { compareMetricSessions, type MetricSessionChange, type SideChange } from '../analysis/progress/beforeAfter';
export { CHANGE_WORDS, type ChangeVerdict } from '../analysis/progress/compareSessions';
export { FLAG_BANDS } from '../analysis/flagBands';
