import { describe, expect, it } from 'vitest';
import { compareSides } from '../../../src/analysis/compareSides';
import { compareMetricSessions, sideSessionChange } from '../../../src/analysis/progress/beforeAfter';
import { classifyChange, compareSessions } from '../../../src/analysis/progress/compareSessions';

/** n values with the given mean and an exactly known sample SD (alternating ±d). */
function steps(meanValue: number, n: number, d: number): number[] {
  return Array.from({ length: n }, (_, i) => meanValue + (i % 2 === 0 ? d : -d));
}

describe('classifyChange: the one rule for a change between sessions', () => {
  it('says changed when the interval excludes zero, either way', () => {
    expect(classifyChange([4, 16], 5)).toBe('changed');
    expect(classifyChange([-16, -4], 5)).toBe('changed');
  });
  it('says no change shown only when the whole interval lies within the margin (an equivalence statement)', () => {
    expect(classifyChange([-3, 3.9], 4)).toBe('noChangeShown');
    // half as wide as the margin allows, but reaching beyond it on one side: a change that matters could hide there
    expect(classifyChange([-3, 5], 4)).toBe('unclear');
  });
  it('says unclear when the interval includes zero but reaches beyond the margin, has no margin, or is missing', () => {
    expect(classifyChange([-9, 11], 4)).toBe('unclear');
    expect(classifyChange([-1, 1], null)).toBe('unclear');
    expect(classifyChange(null, 4)).toBe('unclear');
    expect(classifyChange([Number.NaN, 3], 4)).toBe('unclear');
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
    expect(sideSessionChange(steps(250, 12, 5), steps(250, 12, 5), 12.5).verdict).toBe('noChangeShown');
    const one = sideSessionChange([250], steps(240, 12, 5), 12.5);
    expect(one.verdict).toBe('unclear');
    expect(one.change).toBeCloseTo(-10, 9);
  });
});

describe('compareMetricSessions', () => {
  it('the left − right change is the progress rule itself (compareSessions): intervals added in quadrature', () => {
    const before = compareSides({ left: steps(260, 12, 4), right: steps(240, 12, 4) }, 'ms');
    const after = compareSides({ left: steps(250, 12, 4), right: steps(250, 12, 4) }, 'ms');
    const m = compareMetricSessions('contactTimeMs', before, after);
    const p = compareSessions('contactTimeMs', before, after)!;
    expect(m.difference.change).toBeCloseTo(-20, 9);
    expect(m.difference.ci95).toEqual(p.changeCi95);
    expect(m.difference.verdict).toBe(p.verdict);
    const hb = (before.differenceCi95![1] - before.differenceCi95![0]) / 2;
    const ha = (after.differenceCi95![1] - after.differenceCi95![0]) / 2;
    expect((m.difference.ci95![1] - m.difference.ci95![0]) / 2).toBeCloseTo(Math.hypot(hb, ha), 9);
    expect(m.difference.verdict).toBe('changed');
  });
  it('compares each side and the difference of a metric', () => {
    const before = compareSides({ left: steps(20, 10, 1), right: steps(14, 10, 1) }, 'deg');
    const after = compareSides({ left: steps(17, 10, 1), right: steps(14, 10, 1) }, 'deg');
    const m = compareMetricSessions('kneeFlexionAtStrikeDeg', before, after);
    expect(m.left.verdict).toBe('changed');
    expect(m.left.change).toBeCloseTo(-3, 9);
    expect(m.right.verdict).toBe('noChangeShown');
    expect(m.difference.change).toBeCloseTo(-3, 9);
    expect(m.difference.verdict).toBe('changed');
  });
  it('never calls a change in image pixels: the camera, not the runner, sets their scale', () => {
    const before = compareSides({ left: steps(30, 12, 1), right: steps(30, 12, 1) }, 'px');
    const after = compareSides({ left: steps(40, 12, 1), right: steps(30, 12, 1) }, 'px');
    const m = compareMetricSessions('verticalOscillationPx', before, after);
    expect(m.left.change).toBeCloseTo(10, 9);
    expect([m.left.verdict, m.right.verdict, m.difference.verdict]).toEqual(['unclear', 'unclear', 'unclear']);
    expect(compareSessions('verticalOscillationPx', before, after)!.sentence).toMatch(/image pixels/);
  });
});
