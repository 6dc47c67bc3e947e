import { describe, expect, it } from 'vitest';
import { formatClock, formatInterval, formatSigned, formatValue, unitText } from '../../../src/renderer/format/formatValue';

describe('formatValue', () => {
  it('rounds to the resolution of the unit and joins the unit', () => {
    expect(formatValue(247.84, 'ms')).toBe('248 ms');
    expect(formatValue(7.681, 'deg')).toBe('7.7°');
    expect(formatValue(2.2213, '%')).toBe('2.2%');
    expect(formatValue(162.2, 'spm')).toBe('162 spm');
    expect(formatValue(31.25, 'cm')).toBe('31.3 cm');
  });
  it('shows a dash for missing values, never NaN', () => {
    expect(formatValue(null, 'ms')).toBe('—');
    expect(formatValue(Number.NaN, 'ms')).toBe('—');
    expect(formatSigned(undefined, 'deg')).toBe('—');
  });
  it('signs differences with a true minus and no "−0"', () => {
    expect(formatSigned(5.5, 'ms')).toBe('+6 ms');
    expect(formatSigned(-1.24, 'deg')).toBe('\u22121.2°');
    expect(formatSigned(-0.2, 'ms')).toBe('0 ms');
  });
  it('writes intervals with both ends signed and the unit once', () => {
    expect(formatInterval([2.1, 8.9], 'ms')).toBe('95% CI +2 to +9 ms');
    expect(formatInterval([-0.84, 1.26], 'deg')).toBe('95% CI \u22120.8 to +1.3°');
    expect(formatInterval(null, 'ms')).toBe('');
  });
  it('formats clock times and units', () => {
    expect(formatClock(7.34)).toBe('0:07.340');
    expect(formatClock(75.0604)).toBe('1:15.060');
    expect(formatClock(59.9997)).toBe('1:00.000');
    expect(unitText('deg')).toBe('°');
  });
});
