// Hip line angle against the horizontal over time (rear view, result.curves.hipLineDeg, sign as the engine writes
// it), with each stance's mid-point marked in its side's colour and shape, so the drop during left stance and
// during right stance can be told apart (Bramah 2018; Dingenen 2018: judge over ≥ 7 steps per side).
import { Line } from 'react-chartjs-2';
import type { GaitEvent, Side } from '../../shared/contract';
import { stanceWindows } from '../format/eventNav';
import { SIDE_COLOUR, SIDE_LABEL } from '../format/sideStyle';
import { SIDE_POINT } from './registerCharts';

interface Curve { timeSec: number[]; deg: number[] }

/** The curve's value at each mid-stance of one foot (nearest sample). */
export function midStancePoints(curve: Curve, events: readonly GaitEvent[], side: Side): { x: number; y: number }[] {
  return stanceWindows(events, side).flatMap((w) => {
    const t = (w.startSec + w.endSec) / 2;
    let best = -1;
    curve.timeSec.forEach((ct, i) => { if (best < 0 || Math.abs(ct - t) < Math.abs((curve.timeSec[best] as number) - t)) best = i; });
    const y = curve.deg[best];
    return best >= 0 && y !== undefined && Number.isFinite(y) ? [{ x: t, y }] : [];
  });
}

export function HipLineChart({ curve, events }: { curve: Curve; events: readonly GaitEvent[] }) {
  const points = curve.timeSec.map((t, i) => ({ x: t, y: Number.isFinite(curve.deg[i]) ? (curve.deg[i] as number) : null }));
  const mid = (side: Side) => ({
    label: `${SIDE_LABEL[side]} mid-stance`, data: midStancePoints(curve, events, side), showLine: false,
    borderColor: SIDE_COLOUR[side], backgroundColor: SIDE_COLOUR[side], pointStyle: SIDE_POINT[side], pointRadius: 5,
  });
  return (
    <figure className="chart" aria-label="Hip line angle over time">
      <Line
        data={{ datasets: [
          { label: 'Hip line', data: points, borderColor: '#777', borderWidth: 1.2, pointRadius: 0 },
          mid('left'), mid('right'),
        ] }}
        options={{
          responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
          plugins: { title: { display: true, text: 'Hip line angle over time (rear view)' }, legend: { labels: { usePointStyle: true } } },
          scales: {
            x: { type: 'linear', title: { display: true, text: 'Time (s)' } },
            y: { title: { display: true, text: 'Angle to horizontal (°)' } },
          },
        }}
      />
    </figure>
  );
}
