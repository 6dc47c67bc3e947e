// Hip drop over time (rear view) in the verdict's own convention, for the app's HipLineChart and the PDF's hip
// chart alike (issue 13): positive when the pelvis is lower on the swing side (the side not standing), drawn during
// each stance of each foot from the level-corrected pelvis line (result.curves.hipLineDeg: + = runner's right side
// lower). The marks are the per-step values the verdict and the table average (result.steps), so chart, table and
// sentence show the same numbers (Bramah 2018; Dingenen 2018: judge over ≥ 7 steps per side). A negative value
// means the swing side rises.
import type { GaitEvent, Side, StepRow } from './contract';
import { stanceWindows } from './stanceWindows';

export interface HipLineCurve { timeSec: number[]; deg: number[] }
export interface DropXY { x: number; y: number | null }

/** The sign convention, written beside every hip-drop chart. */
export const HIP_DROP_CONVENTION = '+ = pelvis lower on the swing side (a drop), − = it rises';

/**
 * The pelvis line during each stance of one foot, as that stance's drop: standing on the left, the swing side is
 * the right, so "right lower" (the curve's +) is a drop; standing on the right, the sign turns. Null between stances.
 */
export function stanceDropSeries(curve: HipLineCurve, events: readonly GaitEvent[], side: Side): DropXY[] {
  const windows = stanceWindows(events, side);
  const sign = side === 'left' ? 1 : -1;
  return curve.timeSec.map((t, i) => {
    const v = curve.deg[i];
    const inStance = windows.some((w) => t >= w.startSec && t <= w.endSec);
    return { x: t, y: inStance && v !== undefined && Number.isFinite(v) ? sign * v : null };
  });
}

/** A step's mid-stance (s): where its hip drop was read (`midStanceTimeSec`, rear view), else halfway through it. */
export function stepMidStanceSec(s: StepRow): number {
  const mid = s.midStanceTimeSec;
  if (mid !== undefined && mid !== null && Number.isFinite(mid)) return mid;
  return s.toeOffTimeSec !== null ? (s.strikeTimeSec + s.toeOffTimeSec) / 2 : s.strikeTimeSec;
}

/** Each step's hip drop as the analysis measured it, placed where it was read (stepMidStanceSec). */
export function stepDropPoints(steps: readonly StepRow[], side: Side): { x: number; y: number }[] {
  return steps.flatMap((s) => (s.side === side && s.hipDropDeg !== null && Number.isFinite(s.hipDropDeg)
    ? [{ x: stepMidStanceSec(s), y: s.hipDropDeg }]
    : []));
}
