// The toe-off rule's noise-aware stance level (gait/sideViewEvents.ts): the toe noise is measured on the clip
// (signal/filteredNoise.ts), and the lowest stance point is lifted by it, so pixel noise no longer makes toe-offs
// early while a noiseless track keeps its toe-offs.
import { describe, expect, it } from 'vitest';
import { findGaitEvents } from '../../../src/analysis/findGaitEvents';
import { lowPassSeries } from '../../../src/analysis/signal/butterworth';
import { filteredNoiseSigma } from '../../../src/analysis/signal/filteredNoise';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';
import { generateRun } from '../synthetic/generateRun';

describe('filteredNoiseSigma', () => {
  for (const fps of [60, 120]) {
    it(`gives the σ of white noise left after a 12 Hz low-pass at ${fps} fps, under a running toe's motion`, () => {
      const rand = mulberry32(5);
      const noise = Array.from({ length: 3000 }, () => 3 * gaussian(rand));
      const filteredNoise = lowPassSeries(noise, 12, fps);
      const trueSigma = Math.sqrt(filteredNoise.reduce((s, v) => s + v * v, 0) / filteredNoise.length);
      // a stride-like motion (1.4 Hz, 90 px) underneath must not count as noise
      const motion = noise.map((_v, i) => 90 * Math.sin((2 * Math.PI * 1.4 * i) / fps));
      const raw = motion.map((m, i) => m + (noise[i] as number));
      const est = filteredNoiseSigma(raw, lowPassSeries(raw, 12, fps), 12, fps);
      expect(est).toBeGreaterThan(0.9 * trueSigma);
      expect(est).toBeLessThan(1.1 * trueSigma);
      expect(filteredNoiseSigma(motion, lowPassSeries(motion, 12, fps), 12, fps)).toBeLessThan(0.05 * trueSigma);
    });
  }

  it('is NaN with too few frames to tell', () => {
    expect(filteredNoiseSigma([1, 2, 3], [1, 2, 3], 12, 60)).toBeNaN();
  });
});

/** Mean signed toe-off error (ms) of a synthetic run, each toe-off against the nearest true one of its foot. */
function toeOffBiasMs(seed: number | null, toeNoiseLevelFactor?: number): number {
  const run = generateRun({ fps: 60, durationSec: 12, view: 'side', damage: seed === null ? undefined : { seed, noisePx: 3 } });
  const side = toeNoiseLevelFactor === undefined ? undefined : { toeNoiseLevelFactor };
  const found = findGaitEvents(run.track, { view: 'auto', side }).events.filter((e) => e.type === 'toeOff');
  const errs = found.map((e) => {
    const truth = run.events.filter((t) => t.type === 'toeOff' && t.side === e.side).map((t) => t.timeSec);
    const nearest = truth.reduce((b, t) => (Math.abs(t - e.timeSec) < Math.abs(b - e.timeSec) ? t : b), Number.POSITIVE_INFINITY);
    return (e.timeSec - nearest) * 1000;
  });
  expect(errs.length).toBeGreaterThan(20);
  return errs.reduce((s, v) => s + v, 0) / errs.length;
}

describe('toe-off under pixel noise (synthetic run, 60 fps, 3 px noise)', () => {
  it('the lowest-point stance level alone makes toe-offs early; the noise-aware level removes most of that bias', () => {
    const seeds = [1, 2, 3];
    const plain = seeds.map((s) => toeOffBiasMs(s, 0));
    const aware = seeds.map((s) => toeOffBiasMs(s));
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(plain)).toBeLessThan(-2); // measured −4.5 ms: the noise extreme sets the level
    expect(Math.abs(mean(aware))).toBeLessThan(0.5 * Math.abs(mean(plain)));
  });

  it('leaves a noiseless track\'s toe-offs where they were (within 0.05 frame)', () => {
    expect(Math.abs(toeOffBiasMs(null) - toeOffBiasMs(null, 0))).toBeLessThan(0.05 * (1000 / 60));
  });
});
