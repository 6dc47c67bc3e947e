// The foot-motion measurement over a stream of painted frames (issue 11): a textured "shoe" slides back at a known
// speed under the pose track's heel and toe, decoded at half the displayed size. Each pair's displacement must come
// back in displayed pixels at the pair's first frame, per leg label, and frames without foot points give nothing.
import { describe, expect, it } from 'vitest';
import { runFootMotion } from '../../../src/main/footMotion/runFootMotion';
import type { PoseTrack, RgbFrame } from '../../../src/shared/contract';

const W = 320, H = 180, N = 8, SCALE = 2; // decoded size; display = 2 ×
const SPEED = [-6.4, 3.1]; // decoded px per frame of the left and the right shoe at the start, growing 20% a frame
/** Decoded x offset of shoe `leg` at frame i: accelerating, so a pair's displacement tells which pair it is. */
const travel = (leg: number, i: number): number => SPEED[leg]! * (i + 0.1 * i * i);

function shoeTexture(x: number, y: number, seed: number): number {
  // below a third of the sampling rate everywhere (≤ 0.9 rad/px): a real shift of it is a sub-pixel shift of the pixels
  return 110 + 50 * Math.sin(0.9 * x + seed) * Math.cos(0.7 * y - seed) + 30 * Math.sin(0.37 * x + 0.53 * y + 2 * seed);
}

function frame(i: number): RgbFrame {
  const data = new Uint8Array(W * H * 3).fill(40);
  SPEED.forEach((_v, leg) => {
    const x0 = 100 + 60 * leg + travel(leg, i), y0 = 110 - 40 * leg;
    for (let y = Math.floor(y0); y < y0 + 24; y++) {
      for (let x = Math.floor(x0) - 2; x < x0 + 42; x++) {
        if (x < 0 || x >= W) continue;
        // sampled at the shoe's own coordinates: a rigid texture moved by v·i (bilinear-smooth, so sub-pixel shifts are real)
        const g = Math.max(0, Math.min(255, shoeTexture(x - x0, y - y0, leg + 1)));
        const inside = x >= x0 && x <= x0 + 40 ? 1 : 0;
        const o = (y * W + x) * 3;
        data[o] = data[o + 1] = data[o + 2] = inside ? g : 40;
      }
    }
  });
  return { index: i, timeSec: i / 30, width: W, height: H, data, scaleToDisplay: SCALE };
}

function track(): PoseTrack {
  const kp = (xs: number[], ys: number[]) => ({ x: xs, y: ys, score: xs.map(() => 0.9) });
  const series = (leg: number, dxDecoded: number, dyDecoded: number) => {
    const x = Array.from({ length: N }, (_v, i) => SCALE * (100 + 60 * leg + travel(leg, i) + dxDecoded));
    return kp(x, x.map(() => SCALE * (110 - 40 * leg + dyDecoded)));
  };
  const keypoints: PoseTrack['keypoints'] = {};
  (['left', 'right'] as const).forEach((side, leg) => {
    keypoints[`${side}_heel`] = series(leg, 8, 12);
    keypoints[`${side}_foot_index`] = series(leg, 32, 12);
    keypoints[`${side}_ankle`] = series(leg, 10, 0);
    // a hip 140 decoded px above the ankle: leg length 140 → patches of ~25 × 20 decoded px
    keypoints[`${side}_hip`] = kp(keypoints[`${side}_ankle`]!.x, keypoints[`${side}_ankle`]!.y.map((y) => y - SCALE * 140));
  });
  keypoints.left_heel!.x[5] = NaN; // no heel at frame 5: its pair 5→6 is not measured
  return { timesSec: Array.from({ length: N }, (_v, i) => i / 30), width: W * SCALE, height: H * SCALE, keypoints, source: { kind: 'csv', name: 'painted' } };
}

async function* frames(): AsyncGenerator<RgbFrame> {
  for (let i = 0; i < N; i++) yield frame(i);
}

describe('runFootMotion', () => {
  it('measures each labelled foot part\'s displacement per frame pair in displayed pixels', async () => {
    const m = await runFootMotion({ frames: frames(), track: track() });
    for (const [leg, side] of (['left', 'right'] as const).entries()) {
      for (const part of ['heel', 'toe'] as const) {
        const s = m[side][part];
        for (let i = 0; i < N - 1; i++) {
          if (side === 'left' && part === 'heel' && i === 5) { expect(s.dxPx[i]).toBeNaN(); continue; }
          // a quarter of a decoded pixel: the painted shoe has hard, 8-bit edges
          expect(Math.abs((s.dxPx[i] as number) - SCALE * (travel(leg, i + 1) - travel(leg, i)))).toBeLessThan(0.5);
          expect(Math.abs(s.dyPx[i] as number)).toBeLessThan(0.5);
        }
        expect(s.dxPx[N - 1]).toBeNaN(); // the last frame has no next one
      }
    }
    expect(m.patchWidthPx).toBeGreaterThan(0);
  });
});
