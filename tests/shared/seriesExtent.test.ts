import { describe, expect, it } from 'vitest';
import { parsePacketTimes } from '../../src/main/video/parseProbeJson';
import { paddedDomain } from '../../src/main/report/chartFrame';
import { seriesExtent } from '../../src/shared/seriesExtent';

describe('seriesExtent', () => {
  it('is Math.min/Math.max without spreading', () => {
    expect(seriesExtent([3, -1, 7])).toEqual([-1, 7]);
    expect(seriesExtent([])).toEqual([Infinity, -Infinity]);
    expect(seriesExtent([1, NaN])).toEqual([NaN, NaN]);
  });

  it('takes 500,000 values (a 2-hour 60 fps clip has 432,000 frames)', () => {
    const v = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(seriesExtent(v)).toEqual([0, 999]);
  });
});

describe('per-frame series in src/main stay off the call stack', () => {
  it('parsePacketTimes reads a 2-hour 60 fps packet list', () => {
    const csv = Array.from({ length: 432_000 }, (_, i) => `${(i / 60).toFixed(6)},___`).join('\n');
    const times = parsePacketTimes(csv);
    expect(times.length).toBe(432_000);
    expect(times.at(-1)).toBeCloseTo(431_999 / 60, 5);
  });

  it('paddedDomain of 432,000 values', () => {
    const v = Array.from({ length: 432_000 }, (_, i) => Math.sin(i));
    const [lo, hi] = paddedDomain(v, [0, 1]);
    expect(lo).toBeLessThanOrEqual(-1);
    expect(hi).toBeGreaterThanOrEqual(1);
  });
});
