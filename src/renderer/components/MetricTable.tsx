// The per-side table: metric, left, right, left − right difference with its 95% interval, symmetry index and the
// flag level (mark + word). Rows follow the shared display order; metrics the clip cannot measure are left out.
import type { AnalysisResult, FlagLevel } from '../../shared/contract';
import { UNLEVELLED_TITLE, isUnlevelled, metricLevelOrNotCompared } from '../../shared/flagLevel';
import { formatInterval, formatSigned, formatSymmetryIndex, formatValue } from '../format/formatValue';
import { shownMetricIds } from '../../shared/formatMetric';
import { METRIC_LABEL } from '../format/metricLabels';
import { LEVEL_COLOUR, LEVEL_MARK, LEVEL_WORD, SIDE_COLOUR } from '../format/sideStyle';

export function LevelMark({ level }: { level: FlagLevel }) {
  return (
    <span className="level-mark" style={{ color: LEVEL_COLOUR[level] }} data-level={level}>
      <span aria-hidden="true">{LEVEL_MARK[level]}</span> {LEVEL_WORD[level]}
    </span>
  );
}

export function MetricTable({ result }: { result: AnalysisResult }) {
  const rows = shownMetricIds(result);
  return (
    <table className="side-table" data-testid="side-table">
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col" style={{ color: SIDE_COLOUR.left }}>Left</th>
          <th scope="col" style={{ color: SIDE_COLOUR.right }}>Right</th>
          <th scope="col" title="Left minus right, with its 95% interval">L − R (95% CI)</th>
          <th scope="col" title="Symmetry index: (L − R) / mean of L and R">SI</th>
          <th scope="col">Level</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((id) => {
          const m = result.metrics[id]!;
          const diff = m.left !== null && m.right !== null ? m.left - m.right : null;
          const level = metricLevelOrNotCompared(result, id);
          return (
            <tr key={id} data-testid="side-row" data-metric={id}>
              <th scope="row">{METRIC_LABEL[id]}</th>
              <td className="num" data-cell="left">{formatValue(m.left, m.unit)}</td>
              <td className="num" data-cell="right">{formatValue(m.right, m.unit)}</td>
              <td className="num" data-cell="difference">
                {formatSigned(diff, m.unit)}
                {m.differenceCi95 && <span className="ci"> {formatInterval(m.differenceCi95, m.unit)}</span>}
              </td>
              <td className="num" data-cell="si">{formatSymmetryIndex(m.symmetryIndexPct)}</td>
              <td data-cell="level">
                {isUnlevelled(level)
                  ? <span className="muted" title={UNLEVELLED_TITLE[level]}>{level}</span>
                  : level ? <LevelMark level={level} /> : <span className="muted">—</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
