import { describe, expect, it } from 'vitest';
import { formatEta, formatProgressLine, formatProgressPlain } from '../../../src/main/cli/progressLine';

describe('formatProgressLine', () => {
  const p = { stage: 'pose' as const, done: 90, total: 360, framesPerSec: 31.25, etaSec: 8.6 };

  it('stage, bar, counts, rate and ETA within the width', () => {
    const line = formatProgressLine(p, 60);
    expect(line.length).toBeLessThanOrEqual(60);
    expect(line).toMatch(/^pose\s+\[█+░+\] {2}90\/360 {2}31\.3 fps {2}ETA 0:09$/);
    const bar = /\[(█*)(░*)\]/.exec(line)!;
    const filled = bar[1]!.length / (bar[1]!.length + bar[2]!.length);
    expect(filled).toBeCloseTo(0.25, 1);
  });

  it('drops the bar when the terminal is narrow, never exceeds the width', () => {
    const line = formatProgressLine(p, 30);
    expect(line).not.toContain('[');
    expect(line.length).toBeLessThanOrEqual(30);
    expect(formatProgressLine(p, 10).length).toBeLessThanOrEqual(10);
  });

  it('unknown totals and rates', () => {
    expect(formatProgressLine({ stage: 'probe', done: 0, total: null }, 80)).toBe('probe    0');
    expect(formatProgressLine({ stage: 'decode', done: 360, total: 360 }, 40)).toMatch(/\[█+\] {2}360\/360 {2}ETA --:--$/);
  });
});

describe('formatProgressPlain', () => {
  it('one readable line for logs', () => {
    expect(formatProgressPlain({ stage: 'pose', done: 90, total: 360, framesPerSec: 31.25, etaSec: 8.6 })).toBe('pose 90/360 (25%) 31.3 fps ETA 0:09');
    expect(formatProgressPlain({ stage: 'analysis', done: 0, total: 1 })).toBe('analysis 0/1 (0%)');
  });
});

describe('formatEta', () => {
  it('minutes, hours, unknown', () => {
    expect(formatEta(0)).toBe('0:00');
    expect(formatEta(75)).toBe('1:15');
    expect(formatEta(3723)).toBe('1:02:03');
    expect(formatEta(undefined)).toBe('--:--');
    expect(formatEta(Infinity)).toBe('--:--');
  });
});
