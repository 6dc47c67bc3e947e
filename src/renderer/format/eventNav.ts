// Time ↔ frame and event navigation for the player. Frame times come from the track (presentation times,
// never index / fps: phones record variable frame rate, design.md station 1).
import type { GaitEvent, Side } from '../../shared/contract';
import { eventsOf, type TimeWindow } from '../../shared/stanceWindows';

/** Index of the frame whose time is nearest to timeSec (binary search; timesSec strictly increasing). */
export function frameAtTime(timesSec: readonly number[], timeSec: number): number {
  const n = timesSec.length;
  if (n === 0) return 0;
  if (!(timeSec > (timesSec[0] as number))) return 0;
  if (timeSec >= (timesSec[n - 1] as number)) return n - 1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((timesSec[mid] as number) <= timeSec) lo = mid;
    else hi = mid;
  }
  return timeSec - (timesSec[lo] as number) <= (timesSec[hi] as number) - timeSec ? lo : hi;
}

/**
 * Where to seek the <video> to show frame i. A browser shows the last frame whose presentation time is ≤ the
 * seek time, so aim a little after the frame's own time (30% of the gap to the next one): robust to rounding,
 * and still nearest to frame i.
 */
export function seekTimeForFrame(timesSec: readonly number[], frame: number): number {
  const n = timesSec.length;
  if (n === 0) return 0;
  const i = Math.max(0, Math.min(n - 1, Math.round(frame)));
  const t = timesSec[i] as number;
  const next = i + 1 < n ? (timesSec[i + 1] as number) : t + (n > 1 ? t - (timesSec[i - 1] as number) : 1 / 30);
  return t + 0.3 * (next - t);
}

/** Typical frame period of the track (median gap), for "half a frame" tolerances. */
export function framePeriodSec(timesSec: readonly number[]): number {
  if (timesSec.length < 2) return 1 / 30;
  const gaps: number[] = [];
  for (let i = 1; i < timesSec.length; i++) gaps.push((timesSec[i] as number) - (timesSec[i - 1] as number));
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1] as number;
}


/** The first foot strike strictly after timeSec (+ tolerance), either foot unless side is given; null at the end. */
export function nextStrike(events: readonly GaitEvent[], timeSec: number, toleranceSec = 0.001, side?: Side): GaitEvent | null {
  return eventsOf(events, 'footStrike', side).find((e) => e.timeSec > timeSec + toleranceSec) ?? null;
}

/** The last foot strike strictly before timeSec (− tolerance); null before the first. */
export function prevStrike(events: readonly GaitEvent[], timeSec: number, toleranceSec = 0.001, side?: Side): GaitEvent | null {
  const before = eventsOf(events, 'footStrike', side).filter((e) => e.timeSec < timeSec - toleranceSec);
  return before[before.length - 1] ?? null;
}

// Stance windows are shared with the PDF's hip-drop chart (src/shared/stanceWindows.ts).
export { stanceWindows, type TimeWindow } from '../../shared/stanceWindows';

/** Each stride of one foot: strike to its next strike. */
export function strideWindows(events: readonly GaitEvent[], side: Side): TimeWindow[] {
  const strikes = eventsOf(events, 'footStrike', side);
  return strikes.slice(1).map((s, k) => ({ startSec: (strikes[k] as GaitEvent).timeSec, endSec: s.timeSec }));
}

/** The window in the middle of the list (the runner is warmed up and the camera is settled). */
export function middleWindow(windows: readonly TimeWindow[]): TimeWindow | null {
  return windows[Math.floor(windows.length / 2)] ?? null;
}
