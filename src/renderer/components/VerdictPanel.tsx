// The verdict: sentences first, then quality warnings, flags in plain words, the per-side table and exports.
import type { ExportKind, LopsidedApi } from '../../shared/api';
import type { AnalysisResult } from '../../shared/contract';
import { formatValue } from '../format/formatValue';
import { ExportButtons } from './ExportButtons';
import { QualityWarnings } from './QualityWarnings';
import { SideComparison } from './SideComparison';

export interface VerdictPanelProps {
  api: LopsidedApi;
  jobId: string;
  result: AnalysisResult;
  exports?: readonly ExportKind[];
}

export function VerdictPanel({ api, jobId, result, exports }: VerdictPanelProps) {
  const strikes = result.events.filter((e) => e.type === 'footStrike');
  return (
    <section className="verdict-panel" data-testid="verdict-panel" aria-label="Verdict">
      <h2>Verdict</h2>
      {result.verdict && result.verdict.length > 0
        ? <ul className="verdict-sentences">{result.verdict.map((s) => <li key={s}>{s}</li>)}</ul>
        : <p className="muted">No summary sentences for this result.</p>}
      <p className="verdict-facts">
        {result.view === 'side' ? 'Side view' : 'Rear view'} · cadence {formatValue(result.cadenceSpm, 'spm')}
        {' '}· {strikes.filter((e) => e.side === 'left').length} left and {strikes.filter((e) => e.side === 'right').length} right
        foot strikes
      </p>
      <QualityWarnings quality={result.quality} />
      <SideComparison result={result} />
      <p className="muted small">
        Left − right is the difference of the per-step means; its 95% interval comes from the step-to-step spread and how
        well this clip times each foot. Normal: the whole interval lies inside the normal band; watch or marked: wholly
        beyond it; unclear: this clip cannot tell. SI = (L − R) / mean(L, R), for durations only. Bands and their sources:
        docs/references.md, shipped with Lopsided.
      </p>
      <ExportButtons api={api} jobId={jobId} available={exports} />
    </section>
  );
}
