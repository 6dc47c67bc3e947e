// Each stance of one foot from the gait events: the review screen's loops and rear-view charts and the PDF's
// hip-drop chart draw the same windows.
import type { GaitEvent, GaitEventType, Side } from './contract';

export interface TimeWindow { startSec: number; endSec: number }

/** The events of one type (and side, when given) in time order. */
export function eventsOf(events: readonly GaitEvent[], type: GaitEventType, side?: Side): GaitEvent[] {
  return events.filter((e) => e.type === type && (side === undefined || e.side === side))
    .sort((a, b) => a.timeSec - b.timeSec);
}

/** Each stance of one foot: its strike to its next toe-off (before the next strike of that foot). */
export function stanceWindows(events: readonly GaitEvent[], side: Side): TimeWindow[] {
  const strikes = eventsOf(events, 'footStrike', side);
  const toeOffs = eventsOf(events, 'toeOff', side);
  const out: TimeWindow[] = [];
  strikes.forEach((s, k) => {
    const nextS = strikes[k + 1]?.timeSec ?? Number.POSITIVE_INFINITY;
    const off = toeOffs.find((t) => t.timeSec > s.timeSec && t.timeSec < nextS);
    if (off) out.push({ startSec: s.timeSec, endSec: off.timeSec });
  });
  return out;
}
