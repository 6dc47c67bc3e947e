import { describe, expect, it } from 'vitest';
import type { GaitEvent } from '../../../src/shared/contract';
import {
  frameAtTime, framePeriodSec, middleWindow, nextStrike, prevStrike, seekTimeForFrame, stanceWindows, strideWindows,
} from '../../../src/renderer/format/eventNav';

// Variable frame rate: gaps of 16 and 17 ms, as phones record.
const times = [0, 0.016, 0.033, 0.049, 0.066, 0.082, 0.099];
const events: GaitEvent[] = [
  { side: 'right', type: 'footStrike', timeSec: 0.1, frame: 6 },
  { side: 'right', type: 'toeOff', timeSec: 0.34, frame: 20 },
  { side: 'left', type: 'footStrike', timeSec: 0.47, frame: 28 },
  { side: 'left', type: 'toeOff', timeSec: 0.72, frame: 43 },
  { side: 'right', type: 'footStrike', timeSec: 0.84, frame: 50 },
  { side: 'right', type: 'toeOff', timeSec: 1.08, frame: 65 },
  { side: 'left', type: 'footStrike', timeSec: 1.21, frame: 73 },
];

describe('frameAtTime', () => {
  it('finds the nearest frame by presentation time, not index × fps', () => {
    expect(frameAtTime(times, 0)).toBe(0);
    expect(frameAtTime(times, 0.04)).toBe(2);
    expect(frameAtTime(times, 0.042)).toBe(3);
    expect(frameAtTime(times, 5)).toBe(6);
    expect(frameAtTime(times, -1)).toBe(0);
    expect(frameAtTime([], 1)).toBe(0);
  });
  it('round-trips with seekTimeForFrame for every frame', () => {
    times.forEach((_, i) => expect(frameAtTime(times, seekTimeForFrame(times, i))).toBe(i));
    const t3 = seekTimeForFrame(times, 3);
    expect(t3).toBeGreaterThan(times[3]!);
    expect(t3).toBeLessThan(times[4]!);
  });
  it('measures the typical frame period', () => {
    expect(framePeriodSec(times)).toBeGreaterThanOrEqual(0.016);
    expect(framePeriodSec(times)).toBeLessThanOrEqual(0.017);
  });
});

describe('strike navigation', () => {
  it('jumps to the next and previous strike of either foot', () => {
    expect(nextStrike(events, 0)?.timeSec).toBe(0.1);
    expect(nextStrike(events, 0.1)?.timeSec).toBe(0.47);
    expect(prevStrike(events, 0.84)?.timeSec).toBe(0.47);
    expect(prevStrike(events, 0.85)?.timeSec).toBe(0.84);
    expect(prevStrike(events, 0.05)).toBeNull();
    expect(nextStrike(events, 1.21)).toBeNull();
  });
  it('does not stay on the strike it is already on (tolerance of half a frame)', () => {
    expect(nextStrike(events, 0.09, 0.008)?.timeSec).toBe(0.1);
    expect(nextStrike(events, 0.095, 0.008)?.timeSec).toBe(0.47);
    expect(nextStrike(events, 0.1005, 0.008)?.timeSec).toBe(0.47);
    expect(prevStrike(events, 0.4705, 0.008)?.timeSec).toBe(0.1);
  });
  it('can follow one foot only', () => {
    expect(nextStrike(events, 0, 0.001, 'left')?.timeSec).toBe(0.47);
  });
});

describe('windows', () => {
  it('pairs each strike with its own toe-off', () => {
    expect(stanceWindows(events, 'right')).toEqual([{ startSec: 0.1, endSec: 0.34 }, { startSec: 0.84, endSec: 1.08 }]);
    // The last left strike has no toe-off: no stance.
    expect(stanceWindows(events, 'left')).toEqual([{ startSec: 0.47, endSec: 0.72 }]);
  });
  it('builds strides strike to strike and picks the middle one', () => {
    expect(strideWindows(events, 'left')).toEqual([{ startSec: 0.47, endSec: 1.21 }]);
    expect(middleWindow(strideWindows(events, 'right'))).toEqual({ startSec: 0.1, endSec: 0.84 });
    expect(middleWindow([])).toBeNull();
  });
});
