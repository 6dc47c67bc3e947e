import { describe, expect, it } from 'vitest';
import { butterworthLowPass, filtfilt, lowPassSeries } from '../../../src/analysis/signal/butterworth';
import { derivative, frameRateOf, linearCrossing, median, parabolicOffset, quadraticCrossing, quantile, timeAtIndex } from '../../../src/analysis/signal/subFrame';

const sine = (n: number, fps: number, hz: number, phase = 0): number[] =>
  Array.from({ length: n }, (_v, i) => Math.sin(2 * Math.PI * hz * (i / fps) + phase));

describe('butterworthLowPass / filtfilt', () => {
  it('has unit gain at DC and keeps a constant series constant (no edge ringing)', () => {
    const f = butterworthLowPass(10, 60);
    expect((f.b[0] + f.b[1] + f.b[2]) / (f.a[0] + f.a[1] + f.a[2])).toBeCloseTo(1, 12);
    const out = filtfilt(new Array(50).fill(7), f);
    for (const v of out) expect(v).toBeCloseTo(7, 9);
  });

  it('passes a slow sine without phase lag and removes a fast one', () => {
    const fps = 120;
    const slow = sine(600, fps, 2);
    const out = filtfilt(slow, butterworthLowPass(12, fps));
    // zero phase: the peak stays on the same sample; amplitude nearly unchanged in the middle of the series
    for (let i = 100; i < 500; i++) expect(out[i] as number).toBeCloseTo(slow[i] as number, 2);
    const fast = filtfilt(sine(600, fps, 40), butterworthLowPass(12, fps));
    const rms = Math.sqrt(fast.slice(100, 500).reduce((s, v) => s + v * v, 0) / 400);
    expect(rms).toBeLessThan(0.05);
  });

  it('refuses a cutoff at or above Nyquist', () => {
    expect(() => butterworthLowPass(30, 60)).toThrow(RangeError);
  });

  it('filters each finite run of a series with holes on its own and keeps NaN', () => {
    const x = [...sine(40, 60, 1), Number.NaN, Number.NaN, ...sine(40, 60, 1, 1)];
    const out = lowPassSeries(x, 10, 60);
    expect(Number.isNaN(out[40] as number)).toBe(true);
    expect(Number.isNaN(out[41] as number)).toBe(true);
    expect(out.slice(0, 40).every(Number.isFinite)).toBe(true);
    expect(out.slice(42).every(Number.isFinite)).toBe(true);
  });
});

describe('sub-frame helpers', () => {
  it('parabolicOffset finds the exact vertex of a parabola', () => {
    const vertex = 10.3;
    const p = (i: number): number => -((i - vertex) ** 2);
    expect(10 + parabolicOffset(p(9), p(10), p(11))).toBeCloseTo(vertex, 12);
  });

  it('quadraticCrossing places a bending signal\'s crossing where the chord would come early, else falls back to it', () => {
    // y = t², level 2.25: the true crossing is t = 1.5; the chord from (1, 1) to (2, 4) crosses at 1.4167
    expect(linearCrossing(1, 1, 4, 2.25)).toBeCloseTo(1 + 1.25 / 3, 12);
    expect(quadraticCrossing(1, 1, 4, 9, 2.25)).toBeCloseTo(1.5, 12);
    // a straight line is its own parabola; a missing third sample or no crossing: the line's answer
    expect(quadraticCrossing(4, 0, 10, 20, 2.5)).toBeCloseTo(4.25, 12);
    expect(quadraticCrossing(1, 1, 4, Number.NaN, 2.25)).toBeCloseTo(1 + 1.25 / 3, 12);
    expect(Number.isNaN(quadraticCrossing(4, 0, 10, 20, 30))).toBe(true);
  });

  it('linearCrossing interpolates between samples and says NaN when the level is not crossed', () => {
    expect(linearCrossing(4, 0, 10, 2.5)).toBeCloseTo(4.25, 12);
    expect(Number.isNaN(linearCrossing(4, 0, 10, 20))).toBe(true);
  });

  it('timeAtIndex follows variable frame times', () => {
    const t = [0, 0.01, 0.03, 0.06];
    expect(timeAtIndex(t, 1.5)).toBeCloseTo(0.02, 12);
    expect(timeAtIndex(t, 2.5)).toBeCloseTo(0.045, 12);
  });

  it('frameRateOf is the median rate, derivative is per second, median/quantile skip NaN', () => {
    expect(frameRateOf([0, 1 / 60, 2 / 60, 3 / 60, 5 / 60])).toBeCloseTo(60, 6);
    const d = derivative([0, 2, 4, 6], [0, 0.5, 1, 1.5]);
    expect(d[1]).toBeCloseTo(4, 12);
    expect(median([3, Number.NaN, 1, 2])).toBe(2);
    expect(quantile([0, 10, Number.NaN], 0.5)).toBe(5);
  });
});
