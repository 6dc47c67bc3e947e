// decodeLandmarks against pose-detection's own tensorsToLandmarks + refineLandmarksFromHeatmap.
import * as tf from '@tensorflow/tfjs-core';
import { tensorsToLandmarks } from '@tensorflow-models/pose-detection/dist/shared/calculators/tensors_to_landmarks.js';
import { refineLandmarksFromHeatmap } from '@tensorflow-models/pose-detection/dist/shared/calculators/refine_landmarks_from_heatmap.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { blazePoseConstants as C } from '../../../src/main/pose/blazePoseCalculators';
import { decodeLandmarks, NUM_LANDMARKS } from '../../../src/main/pose/landmarkDecode';
import { initPoseBackend } from '../../../src/main/pose/tfBackend';

/** Deterministic pseudo-random numbers (no flaky test). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

beforeAll(async () => {
  await initPoseBackend('auto');
});

describe('decodeLandmarks', () => {
  it('gives the stock decoder\'s landmarks and visibility, heatmap refinement included (NCHW heatmap vs NHWC)', async () => {
    const rnd = lcg(12);
    const ld = new Float32Array(NUM_LANDMARKS * 5);
    for (let i = 0; i < NUM_LANDMARKS; i++) {
      ld[i * 5] = rnd() * 300 - 20; // some outside the 256² input
      ld[i * 5 + 1] = rnd() * 300 - 20;
      ld[i * 5 + 2] = rnd() * 100 - 50;
      ld[i * 5 + 3] = rnd() * 10 - 5;
      ld[i * 5 + 4] = rnd();
    }
    // Landmarks 1 and 2 sit 1–2 heatmap rows below the crop: the stock code still refines them (its row check tests the column).
    ld[5 + 1] = 257;
    ld[10 + 1] = 262;
    const nchw = new Float32Array(NUM_LANDMARKS * 64 * 64);
    const nhwc = new Float32Array(NUM_LANDMARKS * 64 * 64);
    for (let c = 0; c < NUM_LANDMARKS; c++)
      for (let p = 0; p < 4096; p++) {
        const v = rnd() ** 3;
        nchw[c * 4096 + p] = v;
        nhwc[p * NUM_LANDMARKS + c] = v;
      }
    // A strong peak near the stock-refined below-crop landmark so refinement applies.
    nchw[1 * 4096 + 63 * 64 + 20] = 0.9;
    nhwc[(63 * 64 + 20) * NUM_LANDMARKS + 1] = 0.9;
    ld[5] = 20 * 4;

    const raw = await tensorsToLandmarks(tf.tensor2d(ld, [1, NUM_LANDMARKS * 5]), C.BLAZEPOSE_TENSORS_TO_LANDMARKS_CONFIG);
    const stock = await refineLandmarksFromHeatmap(raw, tf.tensor4d(nhwc, [1, 64, 64, NUM_LANDMARKS]), C.BLAZEPOSE_REFINE_LANDMARKS_FROM_HEATMAP_CONFIG);
    const mine = decodeLandmarks(ld, nchw);
    expect(mine).toHaveLength(NUM_LANDMARKS);
    let refined = 0;
    mine.forEach((m, i) => {
      const s = stock[i]!;
      expect(m.x).toBeCloseTo(s.x, 6);
      expect(m.y).toBeCloseTo(s.y, 6);
      expect(m.z).toBeCloseTo(s.z!, 6);
      expect(m.score).toBeCloseTo(s.score!, 6);
      if (Math.abs(m.x - ld[i * 5]! / 256) > 1e-9) refined++;
    });
    expect(refined).toBeGreaterThan(0);
    expect(mine[1]!.y).not.toBeCloseTo(257 / 256, 3); // the below-crop landmark was refined, as the stock code does
  });
});
