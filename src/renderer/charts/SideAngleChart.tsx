// Issue 16's side-view angles per step, left vs right, one angle at a time (picked from those this clip measured).
// Not started at zero like contact time: an angle's zero is a convention (foot-strike angle, trunk lean sit near it).
import { useState } from 'react';
import { Line } from 'react-chartjs-2';
import type { AnalysisResult, MetricId } from '../../shared/contract';
import { METRIC_LABEL } from '../format/metricLabels';
import { SIDE_COLOUR, SIDE_LABEL } from '../format/sideStyle';
import { SIDE_DASH, SIDE_POINT } from './registerCharts';

export const SIDE_ANGLE_IDS: readonly MetricId[] = ['hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'trunkLeanDeg', 'armSwingDeg'];

export function measuredSideAngles(result: AnalysisResult): MetricId[] {
  return SIDE_ANGLE_IDS.filter((id) => {
    const m = result.metrics[id];
    return m !== undefined && m.perStep.left.length + m.perStep.right.length > 0;
  });
}

export function SideAngleChart({ result }: { result: AnalysisResult }) {
  const ids = measuredSideAngles(result);
  const [picked, setPicked] = useState<MetricId | null>(null);
  const id = picked !== null && ids.includes(picked) ? picked : ids[0];
  if (id === undefined) return null;
  const metric = result.metrics[id]!;
  const n = Math.max(metric.perStep.left.length, metric.perStep.right.length);
  const labels = Array.from({ length: n }, (_, i) => String(i + 1));
  const dataset = (side: 'left' | 'right') => ({
    label: `${SIDE_LABEL[side]}`,
    data: metric.perStep[side],
    borderColor: SIDE_COLOUR[side], backgroundColor: SIDE_COLOUR[side],
    pointStyle: SIDE_POINT[side], pointRadius: 4, borderWidth: 2, borderDash: [...SIDE_DASH[side]], spanGaps: true,
  });
  return (
    <figure className="chart" aria-label="Side-view angle per step" data-testid="side-angle-chart">
      <label className="small">
        Angle{' '}
        <select value={id} onChange={(e) => setPicked(e.target.value as MetricId)} data-testid="side-angle-pick">
          {ids.map((x) => <option key={x} value={x}>{METRIC_LABEL[x]}</option>)}
        </select>
      </label>
      <Line
        data={{ labels, datasets: [dataset('left'), dataset('right')] }}
        options={{
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { title: { display: true, text: `${METRIC_LABEL[id]} per step` }, legend: { labels: { usePointStyle: true } } },
          scales: { x: { title: { display: true, text: 'Step number (each side)' } }, y: { title: { display: true, text: `${METRIC_LABEL[id]} (°)` } } },
        }}
      />
    </figure>
  );
}
