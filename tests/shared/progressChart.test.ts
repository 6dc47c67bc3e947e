// What both progress charts (app and PDF) draw: one point per session that has the measure, at that session's place,
// and a y range holding every interval bar, zero and the normal band.
import { describe, expect, it } from 'vitest';
import { buildProgress } from '../../src/analysis/progress/buildProgress';
import { progressChartData } from '../../src/shared/progressChart';
import { progressRows } from '../../src/shared/formatProgress';

const ms = (left: number, right: number, lo: number, hi: number) => ({ unit: 'ms', left, right, differenceCi95: [lo, hi] as [number, number] });
const progress = buildProgress([
  { sessionId: 'a', date: '2026-10-01', name: 'before', metrics: { contactTimeMs: ms(270, 230, 10, 70) } },
  { sessionId: 'b', date: '2026-10-20', name: 'rear only', metrics: {} },
  { sessionId: 'c', date: '2026-11-12', name: 'after', metrics: { contactTimeMs: ms(250, 252, -30, 26) } },
]);

describe('progressChartData', () => {
  it('places each session with the measure at its own number and keeps every bar and the band in range', () => {
    const d = progressChartData(progress, 'contactTimeMs');
    expect(d.points.map((p) => [p.x, p.date, p.difference])).toEqual([[1, '2026-10-01', 40], [3, '2026-11-12', -2]]);
    expect(d.xDomain).toEqual([0.5, 3.5]);
    // band: 5% of the mean level (250.5 ms) = 12.5 ms
    expect(d.band).toBeCloseTo(12.525, 9);
    expect(d.yDomain[0]).toBeLessThan(-30);
    expect(d.yDomain[1]).toBeGreaterThan(70);
  });

  it('gives the table one row per session that has the measure, rounded as everywhere else', () => {
    expect(progressRows(progress, 'contactTimeMs')).toEqual([
      ['2026-10-01', 'before', '270', '230', '+40', '+10 to +70'],
      ['2026-11-12', 'after', '250', '252', '-2', '-30 to +26'],
    ]);
  });
});
