// One frame step in a phase-aligned loop: the first panel moves to its next (or previous) real frame inside its
// window, and the phase becomes that frame's place in the window, so the second panel follows at the same phase.
import { frameAtTime, type TimeWindow } from './eventNav';

export function phaseAfterFrameStep(timesSec: readonly number[], window: TimeWindow, phase: number, delta: 1 | -1): number {
  const length = window.endSec - window.startSec;
  if (!(length > 0) || timesSec.length === 0) return phase;
  const first = frameAtTime(timesSec, window.startSec);
  const last = frameAtTime(timesSec, window.endSec);
  const now = frameAtTime(timesSec, window.startSec + phase * length);
  const target = Math.max(first, Math.min(last, now + delta));
  const p = ((timesSec[target] as number) - window.startSec) / length;
  return Math.max(0, Math.min(1, p));
}
