// Known answers for the progress rule (src/analysis/progress/compareSessions.ts): the change of the left − right
// difference between two sessions, its interval from the two sessions' intervals in quadrature, and the three words.
import { describe, expect, it } from 'vitest';
import { compareSessions, differenceOf, normalHalfWidth } from '../../../src/analysis/progress/compareSessions';
import { buildProgress } from '../../../src/analysis/progress/buildProgress';

const ms = (left: number, right: number, lo: number, hi: number) => ({ unit: 'ms', left, right, differenceCi95: [lo, hi] as [number, number] });
const deg = (left: number, right: number, lo: number, hi: number) => ({ unit: 'deg', left, right, differenceCi95: [lo, hi] as [number, number] });

describe('compareSessions', () => {
  it('calls a change beyond both intervals "changed" and says which way', () => {
    // before: 260 − 240 = 20 ± 10 ms; after: 251 − 249 = 2 ± 6 ms; Δ = −18 ± √(10² + 6²) = −18 ± 11.66
    const c = compareSessions('contactTimeMs', ms(260, 240, 10, 30), ms(251, 249, -4, 8));
    expect(c?.change).toBeCloseTo(-18, 9);
    expect(c?.changeCi95[0]).toBeCloseTo(-18 - Math.hypot(10, 6), 9);
    expect(c?.changeCi95[1]).toBeCloseTo(-18 + Math.hypot(10, 6), 9);
    expect(c?.verdict).toBe('changed');
    expect(c?.sentence).toMatch(/^Ground contact time: changed — .*less lopsided than before\.$/);
  });

  it('finds a change even when the two intervals overlap (the rule is not "do the bars overlap")', () => {
    // [−1.5, 1.5] and [1, 4] overlap on [1, 1.5], yet Δ = 2.5 ± 2.12 excludes 0
    const c = compareSessions('kneeFlexionAtStrikeDeg', deg(10, 10, -1.5, 1.5), deg(12.5, 10, 1, 4));
    expect(c?.changeCi95[0]).toBeCloseTo(2.5 - Math.hypot(1.5, 1.5), 9);
    expect(c?.verdict).toBe('changed');
  });

  it('says "no change shown" when the whole interval of the change lies inside the normal band', () => {
    // Δ = −0.3 ± √2 = [−1.71, 1.11], inside ±3° (the angle band)
    const c = compareSessions('kneeFlexionAtStrikeDeg', deg(10.5, 10, -0.5, 1.5), deg(10.2, 10, -0.8, 1.2));
    expect(c?.marginHalfWidth).toBe(3);
    expect(c?.verdict).toBe('noChangeShown');
    expect(c?.sentence).toContain('no change shown');
  });

  it('says "unclear" when the interval contains 0 but reaches beyond the band', () => {
    // Δ = −1 ± √32 = [−6.66, 4.66]: beyond ±3°
    const c = compareSessions('kneeFlexionAtStrikeDeg', deg(12, 10, -2, 6), deg(11, 10, -3, 5));
    expect(c?.verdict).toBe('unclear');
    expect(c?.sentence).toMatch(/could hide in it/);
  });

  it('has no margin for a metric without a band, so a change inside its interval is unclear', () => {
    const c = compareSessions('stepLengthCm', { unit: 'cm', left: 100, right: 100, differenceCi95: [-0.1, 0.1] }, { unit: 'cm', left: 100, right: 100, differenceCi95: [-0.1, 0.1] });
    expect(c?.marginHalfWidth).toBeNull();
    expect(c?.verdict).toBe('unclear');
  });

  it('keeps each side of an interval that is not symmetric about the difference', () => {
    // before d = 0 in [−1, 3]; after d = 0 in [−2, 1]: lower = 0 − √(2² + 3²), upper = 0 + √(1² + 1²)
    const c = compareSessions('overstrideDeg', deg(5, 5, -1, 3), deg(5, 5, -2, 1));
    expect(c?.changeCi95[0]).toBeCloseTo(-Math.hypot(2, 3), 9);
    expect(c?.changeCi95[1]).toBeCloseTo(Math.hypot(1, 1), 9);
  });

  it('compares nothing when a side or an interval is missing', () => {
    expect(compareSessions('contactTimeMs', { unit: 'ms', left: 250, right: null, differenceCi95: null }, ms(250, 250, -1, 1))).toBeNull();
    expect(differenceOf(undefined)).toBeNull();
  });

  it('turns a symmetry-index band into the metric unit at the runner\'s own level', () => {
    // 5% of a 250 ms mean contact = 12.5 ms either side of zero
    expect(normalHalfWidth('contactTimeMs', 250)).toBeCloseTo(12.5, 9);
    expect(normalHalfWidth('hipDropDeg', null)).toBe(2.8);
    expect(normalHalfWidth('contactTimeMs', null)).toBeNull();
  });
});

describe('buildProgress', () => {
  it('orders sessions by date, gives each metric its difference and band, and compares first with last', () => {
    const p = buildProgress([
      { sessionId: 'b', date: '2026-11-20', name: 'after', metrics: { contactTimeMs: ms(251, 249, -4, 8) } },
      { sessionId: 'a', date: '2026-10-01', name: 'before', metrics: { contactTimeMs: ms(260, 240, 10, 30), kneeFlexionAtStrikeDeg: deg(10, 9, -1, 3) } },
    ]);
    expect(p.sessions.map((s) => s.sessionId)).toEqual(['a', 'b']);
    expect(p.sessions[0]?.metrics.contactTimeMs?.difference).toBe(20);
    expect(p.metrics.map((m) => m.metricId)).toEqual(['contactTimeMs', 'kneeFlexionAtStrikeDeg']);
    // band at the mean of both sessions' levels: (250 + 250) / 2 × 5%
    expect(p.metrics[0]?.normalHalfWidth).toBeCloseTo(12.5, 9);
    // knee flexion is in one session only: nothing to compare
    expect(p.firstToLast.map((c) => [c.metricId, c.verdict])).toEqual([['contactTimeMs', 'changed']]);
  });
});
