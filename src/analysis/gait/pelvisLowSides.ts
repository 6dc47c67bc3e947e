// Whose stance each pelvis low belongs to (issue 11 part 5: every hip-drop value at its own stance's mid-stance).
// The pelvis is lowest once per step, in the stance of alternate feet (spring-mass running: Blickhan 1989), so a
// low belongs to the foot whose contact contains it, and the lows alternate left/right. A contact detected late or
// early by half its length sits nearly as close to the OTHER foot's low as to its own (RBDS002_T25 rear at 30 fps
// with pose-like feet moving 40% less: one right contact 180 ms late read the left stance's low, 9.4° off); taking
// only lows of the stance's own foot makes such a stance read its own.
import type { Side } from '../types';

export interface SidedStance { strikeTimeSec: number; toeOffTimeSec: number | null; side?: Side }

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/**
 * Side of each low (sorted times): the majority side of the contacts containing it; a low no contact settles
 * takes the side opposite a settled neighbour about one step away (0.5–1.5 steps), else stays null.
 */
export function labelLowSides(stances: readonly SidedStance[], lowsSec: readonly number[], stepSec: number): (Side | null)[] {
  const sides: (Side | null)[] = lowsSec.map((low) => {
    let left = 0;
    let right = 0;
    for (const s of stances) {
      if (!s.side || s.toeOffTimeSec === null || low < s.strikeTimeSec || low > s.toeOffTimeSec) continue;
      if (s.side === 'left') left++; else right++;
    }
    return left > right ? 'left' : right > left ? 'right' : null;
  });
  const settled = [...sides];
  return sides.map((s, j) => {
    if (s !== null) return s;
    for (const k of [j - 1, j + 1]) {
      const n = settled[k];
      const gap = Math.abs((lowsSec[k] ?? Number.NaN) - (lowsSec[j] as number)) / stepSec;
      if (n && gap >= 0.5 && gap <= 1.5) return other(n);
    }
    return null;
  });
}

/**
 * The low of a stance's own foot nearest `midSec`: lows labelled for the other foot are passed over, so a stance of
 * known side may look up to a step away (the same foot's other lows are two steps away); without a side, the
 * nearest low within half a step.
 */
export function ownLow(midSec: number, side: Side | undefined, lowsSec: readonly number[], lowSides: readonly (Side | null)[] | undefined, stepSec: number): number {
  const tol = side && lowSides ? stepSec : stepSec / 2;
  let best = Number.NaN;
  lowsSec.forEach((low, j) => {
    if (side && lowSides && lowSides[j] === other(side)) return;
    if (Math.abs(low - midSec) <= tol && !(Math.abs(best - midSec) <= Math.abs(low - midSec))) best = low;
  });
  return best;
}
