// Side-view facts that are not a left − right comparison (issue 16): each foot's strike class and the trunk's lean
// over the whole clip, in the same words for the app and the PDF.
import type { AnalysisResult } from '../analysis/types';
import { formatMetricValue, metricLabel } from './formatMetric';

export function sideViewFacts(result: AnalysisResult): string[] {
  const out: string[] = [];
  const p = result.footStrikePattern;
  if (p && (p.left !== null || p.right !== null)) {
    out.push(`Foot strike (Altman & Davis 2012, from the foot-strike angle): left ${p.left ?? 'not measured'}, right ${p.right ?? 'not measured'}.`);
  }
  const whole = result.metrics.trunkLeanDeg?.wholeClip;
  if (whole !== null && whole !== undefined && Number.isFinite(whole)) {
    out.push(`${metricLabel('trunkLeanDeg').replace(/ \(in stance\)$/, '')} over the whole clip: ${formatMetricValue('trunkLeanDeg', whole)}° forward.`);
  }
  return out;
}
