import { describe, expect, it } from 'vitest';
import { buildStepTimings, cadenceFromTimings } from '../../../src/analysis/stepTiming';
import { eventSeries } from './eventSeries';

describe('buildStepTimings', () => {
  it('gives contact, flight, step and stride exactly for clean alternating events', () => {
    const events = eventSeries({ steps: 10, contactMs: { left: 250, right: 240 }, stepMs: 370 });
    const t = buildStepTimings(events);
    expect(t).toHaveLength(10);
    expect(t[0]?.side).toBe('right');
    expect(t[0]?.stepMs).toBeNull(); // nothing before the first strike
    for (const s of t.slice(1)) expect(s.stepMs).toBeCloseTo(370, 6);
    for (const s of t) expect(s.contactMs).toBeCloseTo(s.side === 'left' ? 250 : 240, 6);
    // flight = next contralateral strike − toe-off = step − contact
    for (const s of t.slice(0, -1)) expect(s.flightMs).toBeCloseTo(370 - (s.side === 'left' ? 250 : 240), 6);
    expect(t[9]?.flightMs).toBeNull();
    for (const s of t.slice(0, -2)) expect(s.strideMs).toBeCloseTo(740, 6);
    expect(cadenceFromTimings(t)).toBeCloseTo(60000 / 370, 6);
  });

  it('leaves the intervals around a missed contact empty instead of doubling them', () => {
    const events = eventSeries({ steps: 12, contactMs: { left: 250, right: 250 }, stepMs: 370 });
    const missing = events.filter((e) => !(e.timeSec > 2.0 && e.timeSec < 2.4)); // drops one whole contact
    expect(missing.length).toBe(events.length - 2);
    const t = buildStepTimings(missing);
    for (const s of t) {
      if (s.stepMs !== null) expect(s.stepMs).toBeCloseTo(370, 6);
      if (s.flightMs !== null) expect(s.flightMs).toBeCloseTo(120, 6);
      if (s.strideMs !== null) expect(s.strideMs).toBeCloseTo(740, 6);
    }
    expect(t.filter((s) => s.stepMs === null).length).toBe(2); // the first strike and the one after the gap
    expect(cadenceFromTimings(t)).toBeCloseTo(60000 / 370, 6);
  });

  it('leaves no interval of a second or more when the few contacts found are far apart', () => {
    // three contacts 2.4 s apart (most of a walking clip's steps missed): the median "step" spans the gaps too
    const events = eventSeries({ steps: 3, contactMs: { left: 250, right: 250 }, stepMs: 2400 });
    const t = buildStepTimings(events);
    expect(t).toHaveLength(3);
    for (const s of t) {
      expect(s.stepMs).toBeNull();
      expect(s.flightMs).toBeNull();
      expect(s.strideMs).toBeNull();
      expect(s.contactMs).toBeCloseTo(250, 6); // the contacts themselves are still timed
    }
    expect(cadenceFromTimings(t)).toBeNull();
  });

  it('pairs a strike with no toe-off when the toe-off is missing', () => {
    const events = eventSeries({ steps: 6, contactMs: { left: 250, right: 250 }, stepMs: 370 });
    const dropped = events.filter((e, i) => !(e.type === 'toeOff' && i === 3));
    const t = buildStepTimings(dropped);
    expect(t.filter((s) => s.contactMs === null)).toHaveLength(1);
  });
});
