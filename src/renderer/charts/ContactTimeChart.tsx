// Contact time of every step, left vs right, in step order. The axis starts at zero: a cut axis made a 10 ms gap
// between the feet look like a lopsided runner.
import { Line } from 'react-chartjs-2';
import type { MetricSummary } from '../../shared/contract';
import { SIDE_COLOUR, SIDE_LABEL } from '../format/sideStyle';
import { SIDE_DASH, SIDE_POINT } from './registerCharts';

export function ContactTimeChart({ metric }: { metric: MetricSummary }) {
  const n = Math.max(metric.perStep.left.length, metric.perStep.right.length);
  const labels = Array.from({ length: n }, (_, i) => String(i + 1));
  const dataset = (side: 'left' | 'right') => ({
    label: `${SIDE_LABEL[side]} foot`,
    data: metric.perStep[side],
    borderColor: SIDE_COLOUR[side], backgroundColor: SIDE_COLOUR[side],
    pointStyle: SIDE_POINT[side], pointRadius: 4, borderWidth: 2, borderDash: [...SIDE_DASH[side]], spanGaps: true,
  });
  return (
    <figure className="chart" aria-label="Contact time per step">
      <Line
        data={{ labels, datasets: [dataset('left'), dataset('right')] }}
        options={{
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { title: { display: true, text: 'Ground contact time per step' }, legend: { labels: { usePointStyle: true } } },
          scales: { x: { title: { display: true, text: 'Step number (each foot)' } }, y: { beginAtZero: true, title: { display: true, text: 'Ground contact time (ms)' } } },
        }}
      />
    </figure>
  );
}
