import { describe, expect, it } from 'vitest';
import { cleanGaitEvents } from '../../../src/analysis/cleanGaitEvents';
import type { GaitEvent, Side } from '../../../src/analysis/types';

const ev = (side: Side, type: GaitEvent['type'], timeSec: number): GaitEvent => ({ side, type, timeSec, frame: Math.round(timeSec * 60) });
/** A regular run: left strikes at 0.1 + 0.72 k, right 0.36 s later, contacts 0.25 s. */
function regular(n: number): GaitEvent[] {
  const out: GaitEvent[] = [];
  for (let k = 0; k < n; k++) {
    for (const [side, off] of [['left', 0], ['right', 0.36]] as const) {
      const t = 0.1 + 0.72 * k + off;
      out.push(ev(side, 'footStrike', t), ev(side, 'toeOff', t + 0.25));
    }
  }
  return out;
}

describe('cleanGaitEvents', () => {
  it('keeps a clean alternating run untouched', () => {
    const events = regular(4);
    const r = cleanGaitEvents(events);
    expect(r.events).toHaveLength(events.length);
    expect(r.contacts.map((c) => c.side)).toEqual(['left', 'right', 'left', 'right', 'left', 'right', 'left', 'right']);
    expect(r.doubleSupport).toBe(0);
  });

  it('drops a toe-off without its strike at the start and a strike without toe-off at the end', () => {
    const events = [ev('right', 'toeOff', 0.02), ...regular(2), ev('left', 'footStrike', 1.54)];
    const r = cleanGaitEvents(events);
    expect(r.events[0]?.type).toBe('footStrike');
    expect(r.events[r.events.length - 1]?.type).toBe('toeOff');
    expect(r.dropped).toBe(2);
  });

  it('drops a false contact of the wrong foot overlapping a real one (alternation decides)', () => {
    const events = [...regular(3), ev('left', 'footStrike', 0.5), ev('left', 'toeOff', 0.58)];
    const r = cleanGaitEvents(events);
    expect(r.contacts.map((c) => c.side)).toEqual(['left', 'right', 'left', 'right', 'left', 'right']);
    expect(r.events.some((e) => e.side === 'left' && Math.abs(e.timeSec - 0.5) < 1e-9)).toBe(false);
  });

  it('drops implausible contacts (too short or too long)', () => {
    const events = [ev('left', 'footStrike', 0.1), ev('left', 'toeOff', 0.13), ev('right', 'footStrike', 0.5), ev('right', 'toeOff', 1.6)];
    expect(cleanGaitEvents(events).events).toEqual([]);
  });

  it('counts double support (both feet down) for the walking/quality warning', () => {
    const events = [ev('left', 'footStrike', 0.1), ev('left', 'toeOff', 0.5), ev('right', 'footStrike', 0.4), ev('right', 'toeOff', 0.8)];
    expect(cleanGaitEvents(events, { overlapToleranceSec: 0.2 }).doubleSupport).toBe(1);
  });
});

describe('cleanGaitEvents: contact length', () => {
  it('drops a contact far longer than the clip median (events of two stances joined)', () => {
    const events = regular(4).filter((e) => !(e.side === 'left' && e.type === 'toeOff' && Math.abs(e.timeSec - 1.07) < 1e-6));
    // the left contact at 0.82 s lost its toe-off; the next left strike at 1.54 s closes nothing: drop, don't stretch
    const withLate = [...events, ev('left', 'toeOff', 1.3)].filter((e) => !(e.side === 'left' && Math.abs(e.timeSec - 1.54) < 1e-6));
    const r = cleanGaitEvents(withLate);
    expect(r.contacts.every((c) => c.toeOff.timeSec - c.strike.timeSec < 0.3)).toBe(true);
  });
});
