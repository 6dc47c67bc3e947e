// Contact time of every step, left vs right, in step order. The axis starts at zero: a cut axis made a 10 ms gap
// between the feet look like a lopsided runner. A shaded band shows where the other foot's mean would have to lie
// for the pair to count as normal (symmetry index within the normal band of flagBands.ts: ±5% of the mean), and a
// foot this clip could not time (result.timing) is not plotted at all, with the reason under the chart.
import { Line } from 'react-chartjs-2';
import { FLAG_BANDS } from '../../shared/compareChange';
import type { AnalysisResult, MetricSummary, Side } from '../../shared/contract';
import { SIDE_COLOUR, SIDE_LABEL, SIDES } from '../format/sideStyle';
import { uncomparedFeet } from './comparedFeet';
import { SIDE_DASH, SIDE_POINT } from './registerCharts';

/** The flags' own normal band for contact time: a symmetry index up to 5% (industry practice, references.md "Asymmetry"). */
const NORMAL_SI_PCT = FLAG_BANDS.contactTimeMs?.normal ?? 5;

export function normalBandMs(metric: MetricSummary): [number, number] | null {
  const sides = [metric.left, metric.right].filter((v): v is number => v !== null && Number.isFinite(v));
  if (sides.length === 0) return null;
  const mean = sides.reduce((a, b) => a + b, 0) / sides.length;
  // SI = (L − R) / mean: each side within ±SI/2 of the mean of both.
  const half = (NORMAL_SI_PCT / 200) * mean;
  return [mean - half, mean + half];
}

/** The feet whose contact times the result shows (a mean on that side): the only ones plotted. */
export function plottedFeet(metric: MetricSummary): Side[] {
  return SIDES.filter((s) => metric[s] !== null);
}

export function ContactTimeChart({ metric, result }: { metric: MetricSummary; result: Pick<AnalysisResult, 'timing' | 'facing'> }) {
  const plotted = plottedFeet(metric);
  const reasons = uncomparedFeet(result);
  const left = new Map(SIDES.filter((s) => !plotted.includes(s)).map((s) => [s, reasons.get(s) ?? 'not measured from this clip (see the warnings).'] as const));
  const n = Math.max(0, ...plotted.map((s) => metric.perStep[s].length));
  const labels = Array.from({ length: n }, (_, i) => String(i + 1));
  const band = plotted.length === 2 ? normalBandMs(metric) : null;
  const dataset = (side: Side) => ({
    label: `${SIDE_LABEL[side]} foot`,
    data: metric.perStep[side],
    borderColor: SIDE_COLOUR[side], backgroundColor: SIDE_COLOUR[side],
    pointStyle: SIDE_POINT[side], pointRadius: 4, borderWidth: 2, borderDash: [...SIDE_DASH[side]], spanGaps: true,
  });
  const bandSets = band ? [
    { label: `Normal band (feet within ${NORMAL_SI_PCT}% of each other)`, data: labels.map(() => band[1]), borderWidth: 0, pointRadius: 0, backgroundColor: 'rgba(46,125,50,0.13)', fill: '+1' as const },
    { label: 'band-low', data: labels.map(() => band[0]), borderWidth: 0, pointRadius: 0, backgroundColor: 'rgba(0,0,0,0)', fill: false as const },
  ] : [];
  return (
    <figure className={left.size > 0 ? 'chart chart-with-note' : 'chart'} aria-label="Contact time per step" data-testid="contact-chart" data-plotted={plotted.join(' ')}>
      <div className="chart-canvas">
        <Line
          data={{ labels, datasets: [...bandSets, ...plotted.map(dataset)] }}
          options={{
            responsive: true, maintainAspectRatio: false, animation: false,
            plugins: {
              title: { display: true, text: 'Ground contact time per step' },
              legend: { labels: { usePointStyle: true, filter: (item) => item.text !== 'band-low' } },
            },
            scales: { x: { title: { display: true, text: 'Step number (each foot)' } }, y: { beginAtZero: true, title: { display: true, text: 'Ground contact time (ms)' } } },
          }}
        />
      </div>
      {[...left.entries()].map(([side, reason]) => (
        <figcaption key={side} className="chart-note small muted" data-testid="contact-chart-omitted" data-side={side}>
          {SIDE_LABEL[side]} foot not plotted: {reason}
        </figcaption>
      ))}
    </figure>
  );
}
