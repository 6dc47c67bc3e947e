import { describe, expect, it } from 'vitest';
import { fillGaps, fillSeriesGaps } from '../../../src/analysis/fillGaps';
import { hampel, rejectOutliers } from '../../../src/analysis/rejectOutliers';
import { cutoffFor, lowPass } from '../../../src/analysis/lowPass';
import type { PoseTrack } from '../../../src/analysis/types';

const NaN_ = Number.NaN;
const times = (n: number, fps: number): number[] => Array.from({ length: n }, (_v, i) => i / fps);

function trackOf(x: number[], score?: number[]): PoseTrack {
  return {
    timesSec: times(x.length, 30), width: 100, height: 100,
    keypoints: { left_ankle: { x, y: x.map(() => 5), score: score ?? x.map(() => 1) } },
    source: { kind: 'csv', name: 't' },
  };
}

describe('fillGaps', () => {
  it('bridges a short gap linearly in time', () => {
    const out = fillSeriesGaps([0, 1, NaN_, NaN_, 4, 5], times(6, 30), 0.1);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('leaves a long gap and the ends missing', () => {
    const x = [NaN_, 1, NaN_, NaN_, NaN_, NaN_, NaN_, 7, NaN_];
    const out = fillSeriesGaps(x, times(9, 30), 0.1);
    expect(out.map(Number.isNaN)).toEqual([true, false, true, true, true, true, true, false, true]);
  });

  it('treats points below minScore as gaps and does not touch the input', () => {
    const x = [0, 10, 99, 30];
    const t = trackOf(x, [1, 1, 0.05, 1]);
    const out = fillGaps(t, { minScore: 0.2 });
    expect(out.keypoints.left_ankle?.x).toEqual([0, 10, 20, 30]);
    expect(x[2]).toBe(99);
  });
});

describe('rejectOutliers (Hampel)', () => {
  it('replaces a one-frame spike by the window median and leaves a smooth ramp alone', () => {
    const ramp = Array.from({ length: 30 }, (_v, i) => 3 * i);
    expect(hampel(ramp, 3, 3, 2).replaced).toBe(0);
    const spiky = [...ramp];
    spiky[15] = 400;
    const r = hampel(spiky, 3, 3, 2);
    expect(r.replaced).toBe(1);
    expect(r.values[15]).toBe(45);
  });

  it('works on a whole track and counts replacements', () => {
    const x = Array.from({ length: 30 }, (_v, i) => i);
    x[10] = 200;
    const { track, replaced } = rejectOutliers(trackOf(x), 30);
    expect(replaced).toBe(1);
    expect(track.keypoints.left_ankle?.x[10]).toBe(10);
  });
});

describe('lowPass', () => {
  it('keeps the cutoff inside Nyquist at low frame rates', () => {
    expect(cutoffFor(30)).toBeLessThan(15);
    expect(cutoffFor(240)).toBe(12);
  });

  it('smooths jitter of every keypoint', () => {
    const x = Array.from({ length: 60 }, (_v, i) => 100 + (i % 2 === 0 ? 3 : -3));
    const out = lowPass(trackOf(x), 30).keypoints.left_ankle?.x ?? [];
    for (let i = 10; i < 50; i++) expect(Math.abs((out[i] as number) - 100)).toBeLessThan(0.5);
  });
});
