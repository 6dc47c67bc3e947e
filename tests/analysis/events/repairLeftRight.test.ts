import { describe, expect, it } from 'vitest';
import { repairLeftRight } from '../../../src/analysis/repairLeftRight';
import { legLengthPx } from '../../../src/analysis/gait/bodyGeometry';
import { generateRun } from '../synthetic/generateRun';

describe('repairLeftRight', () => {
  for (const fps of [30, 60, 120]) {
    it(`undoes injected runs of swapped leg labels at ${fps} fps`, () => {
      const run = generateRun({ fps, durationSec: 6, view: 'side', damage: { seed: 11, noisePx: 3, swapFraction: 0.1, swapRunMax: 6 } });
      const injected = run.swapped.filter(Boolean).length;
      expect(injected).toBeGreaterThan(0.08 * run.track.timesSec.length);
      const r = repairLeftRight(run.track, { scalePx: legLengthPx(run.track) });
      const disagreements = r.swapped.filter((s, i) => s !== run.swapped[i]).length;
      expect(disagreements).toBe(0);
      expect(r.swappedFrames).toBe(injected);
    });
  }

  it('leaves a clean track alone', () => {
    const run = generateRun({ fps: 60, durationSec: 4, view: 'side' });
    const r = repairLeftRight(run.track, { scalePx: legLengthPx(run.track) });
    expect(r.swappedFrames).toBe(0);
    expect(r.track.keypoints.left_ankle?.x).toEqual(run.track.keypoints.left_ankle?.x);
  });

  it('swaps every leg point with its pair, hips included, and keeps the input unchanged', () => {
    const run = generateRun({ fps: 60, durationSec: 3, view: 'side', damage: { seed: 2, swapFraction: 0.1, swapRunMax: 3 } });
    const before = [...(run.track.keypoints.left_heel?.x ?? [])];
    const r = repairLeftRight(run.track, { scalePx: legLengthPx(run.track) });
    const clean = generateRun({ fps: 60, durationSec: 3, view: 'side' });
    for (const p of ['knee', 'ankle', 'heel', 'foot_index']) {
      expect(r.track.keypoints[`left_${p}`]?.x).toEqual(clean.track.keypoints[`left_${p}`]?.x);
      expect(r.track.keypoints[`right_${p}`]?.y).toEqual(clean.track.keypoints[`right_${p}`]?.y);
    }
    expect(run.track.keypoints.left_heel?.x).toEqual(before);
  });
});
