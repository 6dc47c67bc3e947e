// A metric's flag level as the app and the PDF show it (one rule for both): the most serious level raised on it.
// 'unclear' ranks above 'normal' and below the findings: it is what a longer or faster clip could still decide.
import { MIN_STEPS_PER_SIDE } from '../analysis/assessQuality';
import type { AnalysisResult, Flag, FlagLevel, MetricId } from './contract';

export { MIN_STEPS_PER_SIDE };

export const FLAG_LEVEL_RANK: Readonly<Record<FlagLevel, number>> = { normal: 0, unclear: 1, watch: 2, marked: 3 };

/** The most serious flag level raised for a metric, or null when the analysis raised none. */
export function metricFlagLevel(flags: readonly Flag[], metricId: MetricId): FlagLevel | null {
  let level: FlagLevel | null = null;
  for (const f of flags) {
    if (f.metricId === metricId && (level === null || FLAG_LEVEL_RANK[f.level] > FLAG_LEVEL_RANK[level])) level = f.level;
  }
  return level;
}

/** What the level column says where no level was raised: a metric measured on one side only was not compared (the
 *  warnings say why), which must not read as "no flag, so fine"; with both sides measured it is simply unflagged. */
export const NOT_COMPARED = 'not compared';
/** Both sides measured, but on fewer than MIN_STEPS_PER_SIDE steps of one side (e.g. an arm seen in few strides):
 *  no level is given, and the column says so instead of a bare dash beside an interval. */
export const TOO_FEW_STEPS = 'too few steps';

export type UnlevelledReason = typeof NOT_COMPARED | typeof TOO_FEW_STEPS;

/** Why the level column has no level, in its own words (greyed where shown). */
export const UNLEVELLED_TITLE: Readonly<Record<UnlevelledReason, string>> = {
  [NOT_COMPARED]: 'One side is not measured from this clip (the warnings say why), so the sides are not compared',
  [TOO_FEW_STEPS]: `Fewer than ${MIN_STEPS_PER_SIDE} steps of one side carry this measure, so no level is given`,
};

export function isUnlevelled(level: FlagLevel | UnlevelledReason | null): level is UnlevelledReason {
  return level === NOT_COMPARED || level === TOO_FEW_STEPS;
}

/** The metric's level; 'not compared' when only one side has a value; 'too few steps' when both do on fewer than
 *  MIN_STEPS_PER_SIDE steps of a side; null when both do and no level was raised. */
export function metricLevelOrNotCompared(result: AnalysisResult, metricId: MetricId): FlagLevel | UnlevelledReason | null {
  const level = metricFlagLevel(result.flags, metricId);
  if (level) return level;
  const m = result.metrics[metricId];
  if (!m) return null;
  if ((m.left === null) !== (m.right === null)) return NOT_COMPARED;
  if (m.left !== null && Math.min(m.perStep.left.length, m.perStep.right.length) < MIN_STEPS_PER_SIDE) return TOO_FEW_STEPS;
  return null;
}
