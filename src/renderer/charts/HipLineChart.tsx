// Hip drop over time (rear view) in the verdict's own convention: positive when the pelvis is lower on the swing
// side (the side not standing), drawn during each stance of each foot from the level-corrected pelvis line
// (result.curves.hipLineDeg: + = runner's right side lower). The marks are the per-step values the verdict and the
// table average (result.steps), so chart, table and sentence show the same numbers (Bramah 2018; Dingenen 2018:
// judge over ≥ 7 steps per side). A negative value means the swing side rises.
import { Line } from 'react-chartjs-2';
import type { GaitEvent, Side, StepRow } from '../../shared/contract';
import { stanceWindows } from '../format/eventNav';
import { SIDE_COLOUR, SIDE_LABEL, SIDES } from '../format/sideStyle';
import { SIDE_DASH, SIDE_POINT } from './registerCharts';

interface Curve { timeSec: number[]; deg: number[] }
interface XY { x: number; y: number | null }

/**
 * The pelvis line during each stance of one foot, as that stance's drop: standing on the left, the swing side is
 * the right, so "right lower" (the curve's +) is a drop; standing on the right, the sign turns. Null between stances.
 */
export function stanceDropSeries(curve: Curve, events: readonly GaitEvent[], side: Side): XY[] {
  const windows = stanceWindows(events, side);
  const sign = side === 'left' ? 1 : -1;
  return curve.timeSec.map((t, i) => {
    const v = curve.deg[i];
    const inStance = windows.some((w) => t >= w.startSec && t <= w.endSec);
    return { x: t, y: inStance && v !== undefined && Number.isFinite(v) ? sign * v : null };
  });
}

/** Each step's hip drop as the analysis measured it, placed halfway through its stance. */
export function stepDropPoints(steps: readonly StepRow[], side: Side): { x: number; y: number }[] {
  return steps.flatMap((s) => (s.side === side && s.hipDropDeg !== null && Number.isFinite(s.hipDropDeg)
    ? [{ x: s.toeOffTimeSec !== null ? (s.strikeTimeSec + s.toeOffTimeSec) / 2 : s.strikeTimeSec, y: s.hipDropDeg }]
    : []));
}

export function HipLineChart({ curve, events, steps }: { curve: Curve; events: readonly GaitEvent[]; steps: readonly StepRow[] }) {
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
      <figcaption className="chart-note small muted">+ = pelvis lower on the swing side (a drop), − = it rises; as in the verdict and the table.</figcaption>
    </figure>
  );
}
