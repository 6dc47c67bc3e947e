// Hip drop over time (rear view) in the verdict's own convention; the series and the convention are shared with the
// PDF's hip chart (src/shared/hipDropSeries.ts), so app and report draw the same numbers.
import { Line } from 'react-chartjs-2';
import type { GaitEvent, StepRow } from '../../shared/contract';
import { HIP_DROP_CONVENTION, stanceDropSeries, stepDropPoints, type HipLineCurve } from '../../shared/hipDropSeries';
import { SIDE_COLOUR, SIDE_LABEL, SIDES } from '../format/sideStyle';
import { SIDE_DASH, SIDE_POINT } from './registerCharts';

export function HipLineChart({ curve, events, steps }: { curve: HipLineCurve; events: readonly GaitEvent[]; steps: readonly StepRow[] }) {
  const lines = SIDES.map((side) => ({
    label: `Standing on ${SIDE_LABEL[side].toLowerCase()}`, data: stanceDropSeries(curve, events, side),
    borderColor: SIDE_COLOUR[side], borderWidth: 1.4, borderDash: [...SIDE_DASH[side]], pointRadius: 0, spanGaps: false,
  }));
  const marks = SIDES.map((side) => ({
    label: `${SIDE_LABEL[side]} step (as in the table)`, data: stepDropPoints(steps, side), showLine: false,
    borderColor: SIDE_COLOUR[side], backgroundColor: SIDE_COLOUR[side], pointStyle: SIDE_POINT[side], pointRadius: 5,
  }));
  return (
    <figure className="chart" aria-label="Hip drop over time" data-testid="hip-drop-chart">
      <div className="chart-canvas">
        <Line
          data={{ datasets: [...lines, ...marks] }}
          options={{
            responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
            plugins: { title: { display: true, text: 'Hip drop during each stance (rear view)' }, legend: { labels: { usePointStyle: true, boxWidth: 8 } } },
            scales: {
              x: { type: 'linear', title: { display: true, text: 'Time (s)' } },
              y: { title: { display: true, text: 'Hip drop (°)' } },
            },
          }}
        />
      </div>
      <figcaption className="chart-note small muted">{HIP_DROP_CONVENTION}; as in the verdict and the table.</figcaption>
    </figure>
  );
}
