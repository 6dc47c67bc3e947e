import { describe, expect, it } from 'vitest';
import { compareSides, symmetryAnglePct, symmetryIndexPct, welchInterval } from '../../../src/analysis/compareSides';
import { buildStepTimings } from '../../../src/analysis/stepTiming';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';
import { eventSeries } from './eventSeries';

describe('compareSides', () => {
  it('computes SI = (L − R) / (0.5 (L + R)) × 100 (Zifchock 2008)', () => {
    expect(symmetryIndexPct(105, 95)).toBeCloseTo(10, 10);
    expect(symmetryIndexPct(0, 0)).toBeNull();
    // SA as published: 0 when equal, negative when the left value is larger (opposite sign to SI)
    expect(symmetryAnglePct(250, 250)).toBeCloseTo(0, 10);
    expect(symmetryAnglePct(105, 95)).toBeCloseTo(((45 - (Math.atan(105 / 95) * 180) / Math.PI) / 90) * 100, 10);
    expect(symmetryAnglePct(105, 95)).toBeLessThan(0);
    expect(compareSides({ left: [105, 105], right: [95, 95] }, 'ms').symmetryAnglePct).toBeCloseTo(symmetryAnglePct(105, 95) as number, 10);
  });

  it('matches a hand-computed Welch interval', () => {
    const l = [10, 12, 11, 13, 14];
    const r = [9, 9.5, 10, 10.5, 11, 8];
    // mean L 12, var 2.5 (n 5); mean R 9.6667, var 1.1667 (n 6) → se² = 0.5 + 0.17778; df by Welch–Satterthwaite
    const ci = welchInterval(l, r);
    const se = Math.sqrt(0.5 + 1.1666667 / 6);
    const df = (0.5 + 1.1666667 / 6) ** 2 / (0.25 / 4 + (1.1666667 / 6) ** 2 / 5);
    expect(ci?.df).toBeCloseTo(df, 4);
    expect(ci?.diff).toBeCloseTo(2.33333, 4);
    expect((ci!.hi - ci!.lo) / 2 / se).toBeGreaterThan(2.2);
    expect((ci!.hi - ci!.lo) / 2 / se).toBeLessThan(2.6);
    expect(welchInterval([1], [1, 2])).toBeNull();
  });

  it('covers the true difference about 95% of the time (seeded simulation)', () => {
    const rand = mulberry32(42);
    let covered = 0;
    const trials = 400;
    for (let k = 0; k < trials; k++) {
      const l = Array.from({ length: 12 }, () => 250 + 8 * gaussian(rand));
      const r = Array.from({ length: 15 }, () => 240 + 4 * gaussian(rand));
      const ci = welchInterval(l, r)!;
      if (ci.lo <= 10 && 10 <= ci.hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.92);
    expect(covered / trials).toBeLessThan(0.98);
  });

  it('recovers an injected +5% contact time on the right within its interval', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const events = eventSeries({ steps: 40, contactMs: { left: 240, right: 252 }, stepMs: 370, noiseMs: 4, seed });
      const t = buildStepTimings(events);
      const perStep = {
        left: t.filter((s) => s.side === 'left' && s.contactMs !== null).map((s) => s.contactMs as number),
        right: t.filter((s) => s.side === 'right' && s.contactMs !== null).map((s) => s.contactMs as number),
      };
      const m = compareSides(perStep, 'ms');
      const [lo, hi] = m.differenceCi95!;
      expect(lo).toBeLessThanOrEqual(-12);
      expect(hi).toBeGreaterThanOrEqual(-12);
      const centre = 0.5 * (m.left! + m.right!);
      const trueSi = ((240 - 252) / 246) * 100;
      expect((lo / centre) * 100).toBeLessThanOrEqual(trueSi);
      expect((hi / centre) * 100).toBeGreaterThanOrEqual(trueSi);
    }
  });

  it('gives no symmetry index for angles (an angle\'s zero is a convention), but does for durations', () => {
    expect(compareSides({ left: [1, -1, 2], right: [0.5, -0.5, 0] }, 'deg').symmetryIndexPct).toBeNull();
    expect(compareSides({ left: [8, 9, 7], right: [6, 7, 8] }, 'deg').symmetryIndexPct).toBeNull();
    expect(compareSides({ left: [8, 9, 7], right: [6, 7, 8] }, 'ms').symmetryIndexPct).not.toBeNull();
  });
});
