// The feet whose contact times this clip measured: a foot hidden or not located at its strikes or toe-offs
// (result.timing, eventReliability.ts) was left out of the comparison, and is left out of the chart too.
import type { AnalysisResult, Side } from '../../shared/contract';
import { hiddenFootReasons } from '../../shared/timingReliability';

export function uncomparedFeet(result: Pick<AnalysisResult, 'timing' | 'facing'>): Map<Side, string> {
  const out = new Map<Side, string>();
  if (!result.timing) return out;
  for (const r of hiddenFootReasons(result.timing, result.facing ?? '')) if (!out.has(r.side)) out.set(r.side, r.reason);
  return out;
}
