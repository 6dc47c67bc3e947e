// The camera's own motion from the still background (src/main/footMotion/backgroundPatches.ts): painted frames whose
// whole scene moves by a known sub-pixel amount each frame, as a hand-held phone moves it, around a runner who stays
// put, decoded at half the displayed size. Each pair's motion must come back in displayed pixels; a scene with no
// texture, or only straight edges, must give none rather than a wrong one.
import { describe, expect, it } from 'vitest';
import { motionStrength } from '../../../src/main/footMotion/backgroundPatches';
import { runFootMotion } from '../../../src/main/footMotion/runFootMotion';
import { rgbToGray } from '../../../src/main/pixels/grayImage';
import type { PoseTrack, RgbFrame } from '../../../src/shared/contract';

const W = 320, H = 180, N = 8, SCALE = 2; // decoded size; display = 2 ×
/** Where the hand has moved the scene by frame i, decoded px. */
const moved = (i: number): { x: number; y: number } => ({ x: 1.3 * i + 0.5 * Math.sin(i), y: -0.8 * i + 0.3 * Math.cos(2 * i) });

type Scene = (x: number, y: number) => number;
// below a third of the sampling rate everywhere: a real shift of it is a sub-pixel shift of the pixels
const textured: Scene = (x, y) => 120 + 45 * Math.sin(0.8 * x) * Math.cos(0.6 * y) + 35 * Math.sin(0.31 * x + 0.47 * y);
const stripes: Scene = (_x, y) => 120 + 60 * Math.sin(0.5 * y); // one direction only: along it nothing pins a motion
const plain: Scene = () => 120;

function frame(i: number, scene: Scene): RgbFrame {
  const data = new Uint8Array(W * H * 3);
  const m = moved(i);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // the runner (a plain block, x 140–180) stays where he is; everything else moved with the camera
      const g = x >= 140 && x <= 180 && y >= 20 ? 60 : Math.max(0, Math.min(255, scene(x - m.x, y - m.y)));
      const o = (y * W + x) * 3;
      data[o] = data[o + 1] = data[o + 2] = g;
    }
  }
  return { index: i, timeSec: i / 30, width: W, height: H, data, scaleToDisplay: SCALE };
}

/** A runner standing in the middle: hips 100 decoded px above the ankles, knees halfway. */
function track(): PoseTrack {
  const at = (x: number, y: number) => ({ x: Array.from({ length: N }, () => SCALE * x), y: Array.from({ length: N }, () => SCALE * y), score: Array.from({ length: N }, () => 0.9) });
  const keypoints: PoseTrack['keypoints'] = {};
  for (const [side, dx] of [['left', -8], ['right', 8]] as const) {
    keypoints[`${side}_hip`] = at(160 + dx, 60);
    keypoints[`${side}_knee`] = at(160 + dx, 110);
    keypoints[`${side}_ankle`] = at(160 + dx, 160);
    keypoints[`${side}_heel`] = at(155 + dx, 165);
    keypoints[`${side}_foot_index`] = at(172 + dx, 168);
  }
  keypoints.nose = at(162, 25);
  return { timesSec: Array.from({ length: N }, (_v, i) => i / 30), width: W * SCALE, height: H * SCALE, keypoints, source: { kind: 'csv', name: 'painted' } };
}

async function* frames(scene: Scene): AsyncGenerator<RgbFrame> {
  for (let i = 0; i < N; i++) yield frame(i, scene);
}

describe('the camera\'s motion from the background', () => {
  it('reads each frame pair\'s motion of the scene in displayed pixels', async () => {
    const m = await runFootMotion({ frames: frames(textured), track: track() });
    const cam = m.camera!;
    for (let i = 0; i < N - 1; i++) {
      expect(Math.abs((cam.dxPx[i] as number) - SCALE * (moved(i + 1).x - moved(i).x))).toBeLessThan(0.3);
      expect(Math.abs((cam.dyPx[i] as number) - SCALE * (moved(i + 1).y - moved(i).y))).toBeLessThan(0.3);
      expect(cam.ncc[i]).toBeGreaterThan(0.9);
    }
    expect(cam.dxPx[N - 1]).toBeNaN(); // the last frame has no next one
  });

  it('gives no motion where the scene has no texture or only straight edges (it would be a guess)', async () => {
    for (const scene of [plain, stripes]) {
      const cam = (await runFootMotion({ frames: frames(scene), track: track() })).camera!;
      expect(cam.dxPx.every((v) => Number.isNaN(v))).toBe(true);
    }
  });

  it('rates a corner or a texture as pinning a motion, one straight edge not', () => {
    const gray = (scene: Scene) => rgbToGray(frame(0, scene));
    const patch = { x: 20, y: 20, width: 15, height: 15 };
    expect(motionStrength(gray(textured), patch)).toBeGreaterThan(0);
    expect(motionStrength(gray(stripes), patch)).toBe(0);
    expect(motionStrength(gray(plain), patch)).toBe(0);
  });
});
