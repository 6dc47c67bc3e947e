// Knee angle over one normalised gait cycle (0–100%, strike to strike of the same foot), both sides overlaid.
import { Line } from 'react-chartjs-2';
import { SIDE_COLOUR, SIDE_LABEL } from '../format/sideStyle';
import { SIDE_DASH, SIDE_POINT } from './registerCharts';

export function KneeAngleChart({ curve }: { curve: { left: number[]; right: number[] } }) {
  const n = Math.max(curve.left.length, curve.right.length);
  const labels = Array.from({ length: n }, (_, i) => String(Math.round((i * 100) / Math.max(1, n - 1))));
  const dataset = (side: 'left' | 'right') => ({
    label: `${SIDE_LABEL[side]} knee`,
    data: curve[side].map((v) => (Number.isFinite(v) ? v : null)),
    borderColor: SIDE_COLOUR[side], backgroundColor: SIDE_COLOUR[side], borderWidth: 2.5,
    borderDash: [...SIDE_DASH[side]], pointRadius: 0, pointStyle: SIDE_POINT[side],
  });
  return (
    <figure className="chart" aria-label="Knee angle over the gait cycle">
      <Line
        data={{ labels, datasets: [dataset('left'), dataset('right')] }}
        options={{
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { title: { display: true, text: 'Knee flexion over the gait cycle (0% = foot strike)' }, legend: { labels: { usePointStyle: true } } },
          scales: {
            x: { title: { display: true, text: 'Gait cycle (%)' }, ticks: { maxTicksLimit: 11 } },
            y: { title: { display: true, text: 'Knee flexion (°)' } },
          },
        }}
      />
    </figure>
  );
}
