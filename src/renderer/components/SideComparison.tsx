// What stands out, the per-side table and the facts under it (crossover from behind; foot-strike class and trunk
// lean from the side): one block for a single clip's verdict (VerdictPanel) and a both-sides session (SessionScreen).
import type { AnalysisResult } from '../../shared/contract';
import { crossoverText } from '../../shared/formatMetric';
import { sideViewFacts } from '../../shared/sideViewFacts';
import { FlagList } from './FlagList';
import { MetricTable } from './MetricTable';

export function SideComparison({ result }: { result: AnalysisResult }) {
  return (
    <>
      <h3>What stands out</h3>
      <FlagList flags={result.flags} session={result.session !== undefined} />
      <h3>Left and right side by side</h3>
      <MetricTable result={result} />
      {result.crossover && <p className="crossover" data-testid="crossover">{crossoverText(result.crossover)}</p>}
      {sideViewFacts(result).map((line) => <p key={line} className="side-facts" data-testid="side-facts">{line}</p>)}
    </>
  );
}
