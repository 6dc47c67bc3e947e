import { describe, expect, it } from 'vitest';
import {
  classifySessionChange, compareMetricSessions, differenceSessionChange, sessionChangeMargin, sideSessionChange,
} from '../../src/analysis/compareChange';
import { compareSides } from '../../src/analysis/compareSides';

/** n values with the given mean and an exactly known sample SD (alternating ±d). */
function steps(meanValue: number, n: number, d: number): number[] {
  return Array.from({ length: n }, (_, i) => meanValue + (i % 2 === 0 ? d : -d));
}

describe('classifySessionChange', () => {
  it('says changed when the interval excludes zero, either way', () => {
    expect(classifySessionChange(10, [4, 16], 5).verdict).toBe('changed');
    expect(classifySessionChange(-10, [-16, -4], 5).verdict).toBe('changed');
  });
  it('says no change shown when the interval includes zero and is no wider than the margin', () => {
    expect(classifySessionChange(1, [-3, 5], 4).verdict).toBe('no change shown');
  });
  it('says unclear when the interval includes zero but is wider than the margin, or anything is missing', () => {
    expect(classifySessionChange(1, [-9, 11], 4).verdict).toBe('unclear');
    expect(classifySessionChange(null, [-1, 1], 4).verdict).toBe('unclear');
    expect(classifySessionChange(2, null, 4)).toEqual({ change: 2, ci95: null, verdict: 'unclear' });
    expect(classifySessionChange(2, [Number.NaN, 3], 4).verdict).toBe('unclear');
  });
  it('without a known margin an interval around zero shows no change', () => {
    expect(classifySessionChange(1, [-50, 52], null).verdict).toBe('no change shown');
  });
});

describe('sessionChangeMargin', () => {
  it('is the normal band in degrees for angles and the SI band as a share of the value for times', () => {
    expect(sessionChangeMargin('kneeFlexionAtStrikeDeg', 20)).toBe(3);
    expect(sessionChangeMargin('hipDropDeg', null)).toBe(2.8);
    expect(sessionChangeMargin('contactTimeMs', 250)).toBeCloseTo(12.5, 9); // 5% of 250 ms
    expect(sessionChangeMargin('stepLengthCm', 120)).toBeNull();
    expect(sessionChangeMargin('contactTimeMs', null)).toBeNull();
  });
});

describe('sideSessionChange', () => {
  it('finds a 30 ms drop in contact time over 12 steps of ±5 ms each', () => {
    const c = sideSessionChange(steps(280, 12, 5), steps(250, 12, 5), 12.5);
    expect(c.change).toBeCloseTo(-30, 9);
    expect(c.verdict).toBe('changed');
    // SE = sqrt(2 × 27.27/12) ≈ 2.13 ms; t(22) ≈ 2.07: half-width ≈ 4.4 ms.
    expect((c.ci95![1] - c.ci95![0]) / 2).toBeGreaterThan(4);
    expect((c.ci95![1] - c.ci95![0]) / 2).toBeLessThan(5);
  });
  it('shows no change for the same steps, and is unclear with one step', () => {
    expect(sideSessionChange(steps(250, 12, 5), steps(250, 12, 5), 12.5).verdict).toBe('no change shown');
    const one = sideSessionChange([250], steps(240, 12, 5), 12.5);
    expect(one.verdict).toBe('unclear');
    expect(one.change).toBeCloseTo(-10, 9);
  });
});

describe('differenceSessionChange and compareMetricSessions', () => {
  it('adds the two difference intervals in quadrature', () => {
    const before = compareSides({ left: steps(260, 12, 4), right: steps(240, 12, 4) }, 'ms');
    const after = compareSides({ left: steps(250, 12, 4), right: steps(250, 12, 4) }, 'ms');
    const c = differenceSessionChange(before, after, 12.5);
    expect(c.change).toBeCloseTo(-20, 9);
    const hb = (before.differenceCi95![1] - before.differenceCi95![0]) / 2;
    const ha = (after.differenceCi95![1] - after.differenceCi95![0]) / 2;
    expect((c.ci95![1] - c.ci95![0]) / 2).toBeCloseTo(Math.hypot(hb, ha), 9);
    expect(c.verdict).toBe('changed');
  });
  it('compares each side and the difference of a metric', () => {
    const before = compareSides({ left: steps(20, 10, 1), right: steps(14, 10, 1) }, 'deg');
    const after = compareSides({ left: steps(17, 10, 1), right: steps(14, 10, 1) }, 'deg');
    const m = compareMetricSessions('kneeFlexionAtStrikeDeg', before, after);
    expect(m.left.verdict).toBe('changed');
    expect(m.left.change).toBeCloseTo(-3, 9);
    expect(m.right.verdict).toBe('no change shown');
    expect(m.difference.change).toBeCloseTo(-3, 9);
    expect(m.difference.verdict).toBe('changed');
  });
});
