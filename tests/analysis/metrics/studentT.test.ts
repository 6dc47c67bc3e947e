import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../../src/analysis/studentT';

describe('Student t', () => {
  it('matches tabulated 97.5% quantiles', () => {
    const table: [number, number][] = [[1, 12.7062], [2, 4.3027], [3, 3.1824], [5, 2.5706], [10, 2.2281], [30, 2.0423], [1000, 1.9623]];
    for (const [df, q] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 3);
  });
  it('is symmetric and its CDF inverts the quantile for fractional df', () => {
    for (const df of [1.5, 4.7, 17.3]) {
      const q = studentTQuantile(0.9, df);
      expect(studentTCdf(q, df)).toBeCloseTo(0.9, 8);
      expect(studentTQuantile(0.1, df)).toBeCloseTo(-q, 8);
    }
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(1, 3)).toBeNaN();
  });
});
