import { describe, expect, it } from 'vitest';
import { parseBeltSpeed } from '../../src/analysis/parseBeltSpeed';

function errorOf(text: string): { code?: string; message: string } {
  try {
    parseBeltSpeed(text);
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return { message: 'no error' };
}

describe('parseBeltSpeed', () => {
  it('km/h, mph and m/s in their usual spellings', () => {
    expect(parseBeltSpeed('12km/h')).toBeCloseTo(3.3333, 4);
    expect(parseBeltSpeed('12 km/h')).toBeCloseTo(3.3333, 4);
    expect(parseBeltSpeed('12 KPH')).toBeCloseTo(3.3333, 4);
    expect(parseBeltSpeed('12,5 km/h')).toBeCloseTo(3.4722, 4);
    expect(parseBeltSpeed('7.5mph')).toBeCloseTo(3.35280, 5); // 7.5 × 1609.344 / 3600
    expect(parseBeltSpeed('3.3m/s')).toBe(3.3);
    expect(parseBeltSpeed(' 3.3 mps ')).toBe(3.3);
  });

  it('a pace per km or mile', () => {
    expect(parseBeltSpeed('5:00/km')).toBeCloseTo(1000 / 300, 6);
    expect(parseBeltSpeed('8:03 min/mi')).toBeCloseTo(1609.344 / 483, 6);
  });

  it('refuses a bare number, an unknown unit, garbage and implausible speeds', () => {
    expect(errorOf('12')).toMatchObject({ code: 'BAD_BELT_SPEED', message: expect.stringMatching(/no unit/) });
    expect(errorOf('12 knots').message).toMatch(/Unknown belt speed unit "knots"/);
    expect(errorOf('fast').code).toBe('BAD_BELT_SPEED');
    expect(errorOf('').message).toMatch(/empty/);
    expect(errorOf('120km/h').message).toMatch(/outside/);
    expect(errorOf('0km/h').message).toMatch(/outside/);
    expect(errorOf('12m/s').message).toBe('no error');
    expect(errorOf('13m/s').code).toBe('BAD_BELT_SPEED');
  });
});
