// What the tracker does when something covers part of the pelvis (issue 6): a hand-sized skin-coloured blob
// sweeping across the left buttock, and a shirt hanging down over the waistband, painted on real rendered rear
// frames. Measured (2026-11-25): hand sweep worst 1.7°, shirt over the waistband worst 1.7°, back within 0.3°
// once the hand has gone; the confidence drops from ~1.0 to ~0.88 while the hand is there. Bounds: 2°.
import { beforeAll, describe, expect, it } from 'vitest';
import { blur121, gradients, rgbToGray, type GrayImage } from '../../../src/main/pixels/grayImage';
import { PelvisTracker } from '../../../src/main/pelvis/pelvisTracker';
import { decodeRearFrames, readTruthHips, truthAngleDeg, type TruthHips } from './rearClipFrames';

const N = 72;
let frames: GrayImage[] = [];
let hips: TruthHips[] = [];

beforeAll(async () => {
  const { rgb } = await decodeRearFrames(N);
  hips = readTruthHips().slice(0, rgb.length);
  frames = rgb.map((f, i) => {
    const h = hips[i] as TruthHips;
    const cx = 0.5 * (h.left.x + h.right.x), cy = 0.5 * (h.left.y + h.right.y);
    return rgbToGray(f, { x: cx - 200, y: cy - 180, width: 400, height: 360 });
  });
});

type Painter = (img: GrayImage, i: number, h: TruthHips) => void;

function run(paint: Painter | null): { deg: number[]; score: number[] } {
  const tracker = new PelvisTracker({ symmetryEvery: 1_000_000 });
  const deg: number[] = [], score: number[] = [];
  frames.forEach((f, i) => {
    const img = { ...f, data: Float32Array.from(f.data) };
    const h = hips[i] as TruthHips;
    paint?.(img, i, h);
    const b = blur121(img);
    const m = tracker.push({ ...b, ...gradients(b) }, h, i);
    deg.push(truthAngleDeg(m));
    score.push(m.score);
  });
  return { deg, score };
}

function disc(img: GrayImage, x: number, y: number, r: number, grey: number): void {
  for (let py = Math.floor(y - r); py <= y + r; py++) for (let px = Math.floor(x - r); px <= x + r; px++) {
    const ix = px - img.originX, iy = py - img.originY;
    if (ix < 0 || iy < 0 || ix >= img.width || iy >= img.height || Math.hypot(px - x, py - y) > r) continue;
    img.data[iy * img.width + ix] = grey;
  }
}

const width = (h: TruthHips) => Math.hypot(h.right.x - h.left.x, h.right.y - h.left.y);

describe('pelvis tracker under occlusion', () => {
  let clean: { deg: number[]; score: number[] };
  beforeAll(() => { clean = run(null); });

  it('tracks the unoccluded frames like the truth (the reference for the occlusion runs)', () => {
    const err = clean.deg.map((d, i) => d - clean.deg[0]! - (truthAngleDeg(hips[i]!) - truthAngleDeg(hips[0]!)));
    expect(Math.max(...err.map(Math.abs))).toBeLessThan(1);
  });

  it('a hand sweeping across the left buttock for 24 frames moves the line < 2°, lowers the confidence, and leaves no trace', () => {
    const from = 24, to = 48;
    const r = run((img, i, h) => {
      if (i < from || i >= to) return;
      const W = width(h), u = (i - from) / (to - from);
      // From outside the left hip, across the left buttock towards the midline, a little below the hip line.
      disc(img, h.left.x - 0.4 * W + u * 0.8 * W, h.left.y + 0.05 * W, 0.22 * W, 185);
    });
    const dev = r.deg.map((d, i) => Math.abs(d - clean.deg[i]!));
    expect(Math.max(...dev)).toBeLessThan(2);
    expect(Math.max(...dev.slice(to + 3))).toBeLessThan(0.3);
    const meanScore = (s: number[]) => s.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    expect(meanScore(r.score)).toBeLessThan(meanScore(clean.score));
  });

  it('a shirt hanging over the waistband (level hem, 0.25 hip widths above the hips) moves the line < 2°', () => {
    const r = run((img, i, h) => {
      if (i < 12) return;
      const W = width(h), cy = 0.5 * (h.left.y + h.right.y) - 0.25 * W, cx = 0.5 * (h.left.x + h.right.x);
      for (let y = Math.floor(cy - 0.6 * W); y <= cy; y++) for (let x = Math.floor(cx - 0.8 * W); x <= cx + 0.8 * W; x++) {
        const ix = x - img.originX, iy = y - img.originY;
        if (ix >= 0 && iy >= 0 && ix < img.width && iy < img.height) img.data[iy * img.width + ix] = 120;
      }
    });
    const dev = r.deg.map((d, i) => Math.abs(d - clean.deg[i]!));
    expect(Math.max(...dev)).toBeLessThan(2);
  });
});
