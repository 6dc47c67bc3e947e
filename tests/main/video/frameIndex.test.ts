import { describe, expect, it } from 'vitest';
import { countTimesInRange, medianInterval, nearestTimeIndex } from '../../../src/main/video/frameIndex';

describe('frameIndex', () => {
  const times = [0, 0.043, 0.067, 0.11, 0.133];
  it('finds the nearest time within tolerance', () => {
    expect(nearestTimeIndex(times, 0.0671, 0.005)).toBe(2);
    expect(nearestTimeIndex(times, 0, 0.005)).toBe(0);
    expect(nearestTimeIndex(times, 0.133, 0.005)).toBe(4);
    expect(nearestTimeIndex(times, 0.09, 0.005)).toBe(-1);
    expect(nearestTimeIndex([], 0.1, 1)).toBe(-1);
  });
  it('counts a half-open range', () => {
    expect(countTimesInRange(times, 0.043, 0.11)).toBe(2);
    expect(countTimesInRange(times, 0, Infinity)).toBe(5);
  });
  it('median interval', () => {
    expect(medianInterval(times)).toBeCloseTo(0.043, 6); // upper median of 43,24,43,23 ms
    expect(medianInterval([1])).toBe(0);
  });
});
