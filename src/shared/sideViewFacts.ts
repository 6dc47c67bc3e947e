// Side-view facts that are not a left − right comparison (issue 16): each foot's strike class and the trunk's lean
// over the whole clip, in the same words for the app and the PDF.
import type { AnalysisResult } from '../analysis/types';
import { formatMetricValue, metricLabel } from './formatMetric';

export function sideViewFacts(result: AnalysisResult): string[] {
  const out: string[] = [];
  const p = result.footStrikePattern;
  if (p && (p.left !== null || p.right !== null)) {
    const word = (c: typeof p.left): string => (c === null ? 'not measured' : c === 'unclear' ? 'unclear' : c);
    const why = p.left === 'unclear' || p.right === 'unclear' ? ' Unclear: the 95% interval of that foot\'s angle spans two classes.' : '';
    out.push(`Foot strike (Altman & Davis 2012, from the foot-strike angle): left ${word(p.left)}, right ${word(p.right)}.${why}`);
  }
  const whole = result.metrics.trunkLeanDeg?.wholeClip;
  if (whole !== null && whole !== undefined && Number.isFinite(whole)) {
    out.push(`${metricLabel('trunkLeanDeg').replace(/ \(in stance\)$/, '')} over the whole clip: ${formatMetricValue('trunkLeanDeg', whole)}° forward.`);
  }
  return out;
}
