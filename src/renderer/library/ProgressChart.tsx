// One measure's left − right difference session after session (issue 14): a point per session with its 95% interval
// as a bar, the normal band shaded around zero. The same data as the PDF's chart (shared/progressChart.ts).
import { Line } from 'react-chartjs-2';
import type { MetricId } from '../../shared/contract';
import { progressChartData } from '../../shared/progressChart';
import { progressHeading } from '../../shared/formatProgress';
import type { ProgressReport } from '../../shared/library';
import { LEVEL_COLOUR } from '../format/sideStyle';
import '../charts/registerCharts';

const POINT_COLOUR = '#222';

export function ProgressChart({ progress, metricId }: { progress: ProgressReport; metricId: MetricId }) {
  const data = progressChartData(progress, metricId);
  const bars = data.points.flatMap((p) => (p.ci95 ? [{ x: p.x, y: p.ci95[0] }, { x: p.x, y: p.ci95[1] }, { x: p.x, y: null }] : []));
  const [x0, x1] = data.xDomain;
  const datasets = [
    ...(data.band !== null ? [
      { label: 'Normal band', data: [{ x: x0, y: data.band }, { x: x1, y: data.band }], borderWidth: 0, pointRadius: 0, fill: '+1', backgroundColor: `${LEVEL_COLOUR.normal}26` },
      { label: '', data: [{ x: x0, y: -data.band }, { x: x1, y: -data.band }], borderWidth: 0, pointRadius: 0, fill: false },
    ] : []),
    { label: '95% interval', data: bars, borderColor: POINT_COLOUR, borderWidth: 2, pointRadius: 0, spanGaps: false },
    { label: 'Left − right', data: data.points.map((p) => ({ x: p.x, y: p.difference })), showLine: false, pointRadius: 5, pointBackgroundColor: POINT_COLOUR, borderColor: POINT_COLOUR },
  ];
  const dates = progress.sessions.map((s) => s.date);
  return (
    <figure className="chart progress-chart" data-testid="progress-chart" data-metric={metricId} data-points={data.points.length} aria-label={`${progressHeading(metricId)}: left − right per session`}>
      <Line
        data={{ datasets }}
        options={{
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: {
            title: { display: true, text: `${progressHeading(metricId)}: left − right` },
            legend: { labels: { filter: (item) => item.text !== '' } },
          },
          scales: {
            x: {
              type: 'linear', min: x0, max: x1, title: { display: true, text: 'Session' },
              // one tick per session, labelled with its date
              afterBuildTicks: (axis) => { axis.ticks = dates.map((_, i) => ({ value: i + 1 })); },
              ticks: { callback: (v) => dates[Number(v) - 1] ?? '' },
            },
            y: { suggestedMin: data.yDomain[0], suggestedMax: data.yDomain[1], title: { display: true, text: 'L − R (above 0: left larger)' } },
          },
        }}
      />
    </figure>
  );
}
