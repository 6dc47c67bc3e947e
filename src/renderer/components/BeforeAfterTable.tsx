// Before/after numbers of two sessions: for every measure both sessions have, each side and the left − right
// difference, before, after, the change with its 95% interval and whether it goes beyond the noise of both
// sessions (src/analysis/progress/: 'changed' / 'no change shown' / 'unclear').
import type { AnalysisResult, MetricId, MetricSummary } from '../../shared/contract';
import { compareMetricSessions, type ChangeVerdict, type SideChange } from '../../shared/compareChange';
import { formatInterval, formatSigned, formatValue } from '../format/formatValue';
import { METRIC_DISPLAY_ORDER } from '../../shared/formatMetric';
import { METRIC_LABEL } from '../format/metricLabels';
import { SIDE_COLOUR } from '../format/sideStyle';

export interface BeforeAfterTableProps {
  before: { label: string; result: AnalysisResult };
  after: { label: string; result: AnalysisResult };
}

const VERDICT_STYLE: Record<ChangeVerdict, { mark: string; colour: string; word: string }> = {
  changed: { mark: '◆', colour: '#1d4e6e', word: 'Changed' },
  noChangeShown: { mark: '=', colour: '#2e7d32', word: 'No change shown' },
  unclear: { mark: '○', colour: '#5f6368', word: 'Unclear' },
};

function hasValues(m: MetricSummary | undefined): m is MetricSummary {
  return m !== undefined && (m.left !== null || m.right !== null);
}

function difference(m: MetricSummary): number | null {
  return m.left !== null && m.right !== null ? m.left - m.right : null;
}

function ChangeCells({ change, unit }: { change: SideChange; unit: string }) {
  const style = VERDICT_STYLE[change.verdict];
  return (
    <>
      <td className="num" data-cell="change">
        {formatSigned(change.change, unit)}
        {change.ci95 && <span className="ci"> {formatInterval(change.ci95, unit)}</span>}
      </td>
      <td data-cell="verdict" data-verdict={change.verdict} style={{ color: style.colour }} className="level-mark">
        <span aria-hidden="true">{style.mark}</span> {style.word}
      </td>
    </>
  );
}

export function BeforeAfterTable({ before, after }: BeforeAfterTableProps) {
  const ids = METRIC_DISPLAY_ORDER.filter((id: MetricId) => hasValues(before.result.metrics[id]) && hasValues(after.result.metrics[id]));
  if (ids.length === 0) return <p className="muted">The two sessions share no measure (e.g. a side view and a rear view).</p>;
  return (
    <table className="side-table before-after" data-testid="before-after-table">
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Side</th>
          <th scope="col" title={before.label}>Before</th>
          <th scope="col" title={after.label}>After</th>
          <th scope="col" title="After minus before, with its 95% interval">Change (95% CI)</th>
          <th scope="col" title="Changed: the interval of the change excludes zero. No change shown: it lies wholly within the normal band around zero. Unclear: it includes zero but reaches beyond the band, or is missing.">Beyond the noise?</th>
        </tr>
      </thead>
      {ids.map((id) => {
        const b = before.result.metrics[id]!;
        const a = after.result.metrics[id]!;
        const change = compareMetricSessions(id, b, a);
        const rows = [
          { key: 'left', label: 'Left', colour: SIDE_COLOUR.left, b: b.left, a: a.left, change: change.left },
          { key: 'right', label: 'Right', colour: SIDE_COLOUR.right, b: b.right, a: a.right, change: change.right },
          { key: 'difference', label: 'L − R', colour: undefined, b: difference(b), a: difference(a), change: change.difference },
        ];
        return (
          <tbody key={id} data-testid="before-after-metric" data-metric={id}>
            {rows.map((r, k) => (
              <tr key={r.key} data-row={r.key}>
                {k === 0 && <th scope="rowgroup" rowSpan={3}>{METRIC_LABEL[id]}</th>}
                <td style={{ color: r.colour, fontWeight: 600 }}>{r.label}</td>
                <td className="num" data-cell="before">{r.key === 'difference' ? formatSigned(r.b, b.unit) : formatValue(r.b, b.unit)}</td>
                <td className="num" data-cell="after">{r.key === 'difference' ? formatSigned(r.a, a.unit) : formatValue(r.a, a.unit)}</td>
                <ChangeCells change={r.change} unit={a.unit} />
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
