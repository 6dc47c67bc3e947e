import { describe, expect, it } from 'vitest';
import { compareSides } from '../../../src/analysis/compareSides';
import { raiseFlags } from '../../../src/analysis/raiseFlags';
import { writeVerdict } from '../../../src/analysis/writeVerdict';
import type { MetricSummary } from '../../../src/analysis/types';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';

function summary(meanL: number, meanR: number, sd: number, n: number, seed: number, unit = 'ms'): MetricSummary {
  const rand = mulberry32(seed);
  return compareSides({
    left: Array.from({ length: n }, () => meanL + sd * gaussian(rand)),
    right: Array.from({ length: n }, () => meanR + sd * gaussian(rand)),
  }, unit);
}

describe('raiseFlags', () => {
  it('marks a large contact-time difference whose interval clears the normal band, naming side, size and interval', () => {
    const flags = raiseFlags({ contactTimeMs: summary(240, 270, 3, 20, 1) }, { refuse: false });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.level).toBe('marked');
    expect(flags[0]?.message).toMatch(/^Right foot stays on the belt 1\d\.\d% longer than the left \(95% interval \d+\.\d–\d+\.\d%\): marked\.$/);
  });

  it('gives watch between 5 and 10% when the interval clears 5%', () => {
    const flags = raiseFlags({ stepTimeMs: summary(390, 360, 2, 30, 2) }, { refuse: false });
    expect(flags[0]?.level).toBe('watch');
    expect(flags[0]?.message).toMatch(/Steps onto the left foot take 8\.\d% longer/);
  });

  it('calls a difference beyond 5% whose interval still reaches into the normal band unclear, naming the side and what settles it', () => {
    const m = summary(257, 243, 25, 8, 3);
    expect(m.symmetryIndexPct!).toBeGreaterThan(5);
    const flags = raiseFlags({ contactTimeMs: m }, { refuse: false });
    expect(flags[0]?.level).toBe('unclear'); // the clip cannot tell, which is not the same as "alike"
    expect(flags[0]?.message).toMatch(/^Unclear: left foot stays on the belt \d+\.\d% longer than the right on average \(95% interval −?\d+\.\d–\d+\.\d%\), but this clip cannot tell/);
    expect(flags[0]?.message).toMatch(/more steps, a higher frame rate or a clip filmed from the other side would settle it/);
  });

  it('says normal only when the whole interval lies inside the band: a small point difference with a wide interval is unclear', () => {
    // point SI ≈ 0.8%, but 8 steps with 25 ms scatter give an interval far wider than ±5%
    const wide = raiseFlags({ contactTimeMs: summary(251, 249, 25, 8, 3) }, { refuse: false });
    expect(Math.abs(summary(251, 249, 25, 8, 3).symmetryIndexPct!)).toBeLessThan(5);
    expect(wide[0]?.level).toBe('unclear');
    const narrow = raiseFlags({ contactTimeMs: summary(251, 249, 3, 20, 3) }, { refuse: false });
    expect(narrow[0]?.level).toBe('normal');
    expect(narrow[0]?.message).toMatch(/the whole interval within the normal band \(±5\.0%\)/);
  });

  it('the verdict says the clip cannot tell when a difference beyond the band is unclear, and "alike" only when all are inside', () => {
    const base = { view: 'side' as const, refused: false, stepsPerSide: { left: 20, right: 20 }, minStepsPerSide: 8, cadenceSpm: 170, suppressed: {} };
    const metricsUnclear = { contactTimeMs: summary(257, 243, 25, 8, 3), stepTimeMs: summary(370, 369, 3, 20, 5) };
    const unclear = writeVerdict({ ...base, metrics: metricsUnclear, flags: raiseFlags(metricsUnclear, { refuse: false }) }).join(' ');
    expect(unclear).toMatch(/No left\/right difference is clear enough to flag\. 1 of the 2 measures compared is within the normal band; for ground contact time this clip cannot tell/);
    expect(unclear).not.toMatch(/alike/);
    const metricsAlike = { contactTimeMs: summary(251, 249, 3, 20, 3), stepTimeMs: summary(370, 369, 3, 20, 5) };
    const alike = writeVerdict({ ...base, metrics: metricsAlike, flags: raiseFlags(metricsAlike, { refuse: false }) }).join(' ');
    expect(alike).toMatch(/look alike: for each of the 2 measures compared, the whole 95% interval/);
  });

  it('from behind, an unclear hip drop is said to be unclear (not "nothing differs"), with a longer run as the remedy (not the frame rate)', () => {
    const hipDropDeg = summary(6.7, 3.7, 3, 12, 6, 'deg');
    const metrics = { hipDropDeg };
    const flags = raiseFlags(metrics, { refuse: false });
    expect(flags[0]?.level).toBe('unclear');
    const verdict = writeVerdict({
      view: 'rear', refused: false, stepsPerSide: { left: 12, right: 12 }, minStepsPerSide: 8, cadenceSpm: 150,
      suppressed: { contactTimeMs: 'rear view' }, metrics, flags,
    }).join(' ');
    expect(verdict).toMatch(/flag\. For hip drop at mid-stance this clip cannot tell/);
    expect(verdict).toMatch(/\(more steps would settle it\)/);
    expect(verdict).not.toMatch(/nothing that could be compared differs/);
  });

  it('says a swing side that rises as rising, never a negative drop', () => {
    const hipDropDeg = summary(-1.5, 1.0, 0.3, 12, 8, 'deg');
    const verdict = writeVerdict({
      view: 'rear', refused: false, stepsPerSide: { left: 12, right: 12 }, minStepsPerSide: 8, cadenceSpm: 150,
      suppressed: { contactTimeMs: 'rear view' }, metrics: { hipDropDeg }, flags: raiseFlags({ hipDropDeg }, { refuse: false }),
    }).join(' ');
    expect(verdict).toMatch(/On the swing side your pelvis rises about 1\.\d° while you stand on the left leg and drops about [01]\.\d° while you stand on the right\./);
    expect(verdict).not.toMatch(/-\d/);
  });

  it('uses degree bands for angles (hip drop: 2.8° smallest detectable difference, Dingenen 2018)', () => {
    const small = raiseFlags({ hipDropDeg: summary(8, 6, 0.5, 20, 4, 'deg') }, { refuse: false });
    expect(small[0]?.level).toBe('normal');
    const big = raiseFlags({ hipDropDeg: summary(10, 6, 0.5, 20, 5, 'deg') }, { refuse: false });
    expect(big[0]?.level).toBe('watch');
    expect(big[0]?.message).toMatch(/The pelvis drops 4\.\d° more when standing on the left leg than on the right/);
    const knee = raiseFlags({ kneeFlexionAtStrikeDeg: summary(10, 18, 1, 20, 6, 'deg') }, { refuse: false });
    expect(knee[0]?.level).toBe('marked');
  });

  it('raises nothing when quality refuses, and skips suppressed metrics', () => {
    const metrics = { contactTimeMs: summary(240, 270, 3, 20, 1), hipDropDeg: summary(10, 5, 0.5, 20, 5, 'deg') };
    expect(raiseFlags(metrics, { refuse: true })).toEqual([]);
    const flags = raiseFlags(metrics, { refuse: false, suppressed: { hipDropDeg: 'no level reference' } });
    expect(flags.map((f) => f.metricId)).toEqual(['contactTimeMs']);
  });

  it('leaves out a metric with too few per-step values on a side', () => {
    const metrics = { contactTimeMs: summary(240, 270, 3, 5, 1), stepTimeMs: summary(390, 360, 2, 30, 2) };
    expect(raiseFlags(metrics, { refuse: false, minStepsPerSide: 8 }).map((f) => f.metricId)).toEqual(['stepTimeMs']);
  });

  it('orders marked before watch before normal and never speaks of injury', () => {
    const flags = raiseFlags({
      flightTimeMs: summary(125, 125, 4, 20, 7),
      stepTimeMs: summary(390, 360, 2, 30, 2),
      contactTimeMs: summary(240, 270, 3, 20, 1),
    }, { refuse: false });
    expect(flags.map((f) => f.level)).toEqual(['marked', 'watch', 'normal']);
    for (const f of flags) expect(f.message).not.toMatch(/injur|risk/i);
  });

  it('never flags a symmetric series (seeded, many runs), and calls 16 steps of 6 ms scatter normal in most runs', () => {
    for (let seed = 10; seed < 60; seed++) {
      const flags = raiseFlags({
        contactTimeMs: summary(245, 245, 6, 16, seed),
        kneeFlexionAtStrikeDeg: summary(15, 15, 2, 16, seed + 1000, 'deg'),
      }, { refuse: false });
      expect(flags.every((f) => f.level === 'normal' || f.level === 'unclear')).toBe(true);
    }
  });
});
