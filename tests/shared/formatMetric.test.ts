// The shared number formatter (issue 5): one rounding for the PDF, the UI and the text test.
import { describe, expect, it } from 'vitest';
import {
  MISSING,
  formatCadence,
  formatMetricDifference,
  formatMetricInterval,
  formatMetricValue,
  formatSymmetryIndex,
  metricUnitLabel,
} from '../../src/shared/formatMetric';

describe('formatMetricValue', () => {
  it('rounds milliseconds to whole numbers and angles/percent to one decimal', () => {
    expect(formatMetricValue('contactTimeMs', 247.5)).toBe('248');
    expect(formatMetricValue('contactTimeMs', 247.49)).toBe('247');
    expect(formatMetricValue('kneeFlexionAtStrikeDeg', 17.84)).toBe('17.8');
    expect(formatMetricValue('dutyFactorPct', 33.35)).toBe('33.4');
    expect(formatMetricValue('hipDropDeg', -2.04)).toBe('-2.0');
  });

  it('shows a dash for values the view cannot measure', () => {
    expect(formatMetricValue('hipDropDeg', null)).toBe(MISSING);
    expect(formatMetricValue('hipDropDeg', Number.NaN)).toBe(MISSING);
    expect(formatMetricValue('hipDropDeg', undefined)).toBe(MISSING);
  });

  it('never prints a negative zero', () => {
    expect(formatMetricValue('overstrideDeg', -0.04)).toBe('0.0');
    expect(formatMetricDifference('contactTimeMs', -0.4)).toBe('0');
  });
});

describe('differences, intervals and indices', () => {
  it('signs differences so the reader sees which side is larger', () => {
    expect(formatMetricDifference('contactTimeMs', 12.6)).toBe('+13');
    expect(formatMetricDifference('contactTimeMs', -12.6)).toBe('-13');
    expect(formatMetricDifference('kneeFlexionAtStrikeDeg', 0)).toBe('0.0');
  });

  it('writes a 95% interval as "low to high"', () => {
    expect(formatMetricInterval('contactTimeMs', [-4.2, 18.7])).toBe('-4 to +19');
    expect(formatMetricInterval('hipDropDeg', [-4.21, -3.06])).toBe('-4.2 to -3.1');
    expect(formatMetricInterval('hipDropDeg', null)).toBe(MISSING);
  });

  it('formats symmetry index and cadence', () => {
    expect(formatSymmetryIndex(7.84)).toBe('+7.8%');
    expect(formatSymmetryIndex(-61.94)).toBe('-61.9%');
    expect(formatSymmetryIndex(null)).toBe(MISSING);
    expect(formatCadence(168.6)).toBe('169');
  });

  it('derives the unit from the metric id', () => {
    expect(metricUnitLabel('flightTimeMs')).toBe('ms');
    expect(metricUnitLabel('overstrideDeg')).toBe('°');
    expect(metricUnitLabel('dutyFactorPct')).toBe('%');
    expect(metricUnitLabel('verticalOscillationPx')).toBe('px');
    expect(metricUnitLabel('strideLengthCm')).toBe('cm');
  });
});
