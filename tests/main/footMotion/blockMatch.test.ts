// Block matching of a foot patch on synthetic images moved by a known sub-pixel shift (issue 11): the displacement
// must come back to a tenth of a pixel, and a patch with no texture must give nothing rather than a guess.
import { describe, expect, it } from 'vitest';
import { matchPatch } from '../../../src/main/footMotion/blockMatch';
import type { GrayImage } from '../../../src/main/pixels/grayImage';
import { blur121 } from '../../../src/main/pixels/grayImage';

/** A smooth random texture (sum of blobs) sampled at (x − sx, y − sy): the same scene moved by (sx, sy). */
function scene(w: number, h: number, sx: number, sy: number, seed = 3): GrayImage {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const blobs = Array.from({ length: 120 }, () => ({ x: rnd() * w, y: rnd() * h, r: 2 + 5 * rnd(), a: 60 * (rnd() - 0.5) }));
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 120;
      for (const b of blobs) v += b.a * Math.exp(-((x - sx - b.x) ** 2 + (y - sy - b.y) ** 2) / (2 * b.r * b.r));
      data[y * w + x] = v;
    }
  }
  return { width: w, height: h, originX: 0, originY: 0, data };
}

describe('matchPatch', () => {
  const rect = { x: 70, y: 40, width: 26, height: 20 };
  for (const [sx, sy] of [[-14.3, 2.6], [9.7, -4.2], [0.4, 0], [-21, 7.5]] as const) {
    it(`finds a shift of (${sx}, ${sy}) px to 0.15 px`, () => {
      const prev = blur121(scene(180, 110, 0, 0));
      const next = blur121(scene(180, 110, sx, sy));
      const m = matchPatch(prev, next, rect, 25, 10);
      expect(m).not.toBeNull();
      expect(Math.abs((m?.dxPx ?? NaN) - sx)).toBeLessThan(0.15);
      expect(Math.abs((m?.dyPx ?? NaN) - sy)).toBeLessThan(0.15);
      expect(m?.ncc ?? 0).toBeGreaterThan(0.95);
    });
  }

  it('works on crops: the planes keep their frame origin', () => {
    const full = blur121(scene(180, 110, 0, 0));
    const moved = blur121(scene(180, 110, 6.5, -1.5));
    const crop = (img: GrayImage, x0: number, y0: number, w: number, h: number): GrayImage => {
      const data = new Float32Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = img.data[(y + y0) * img.width + x + x0] as number;
      return { width: w, height: h, originX: x0, originY: y0, data };
    };
    const m = matchPatch(crop(full, 60, 30, 50, 40), crop(moved, 40, 20, 90, 60), rect, 15, 8);
    expect(Math.abs((m?.dxPx ?? NaN) - 6.5)).toBeLessThan(0.15);
    expect(Math.abs((m?.dyPx ?? NaN) + 1.5)).toBeLessThan(0.15);
  });

  it('returns null on a patch without texture, and a shift beyond the search range is not found', () => {
    const flat: GrayImage = { width: 100, height: 60, originX: 0, originY: 0, data: new Float32Array(6000).fill(80) };
    expect(matchPatch(flat, flat, { x: 30, y: 20, width: 20, height: 15 }, 10, 5)).toBeNull();
    const m = matchPatch(blur121(scene(180, 110, 0, 0)), blur121(scene(180, 110, 18, 0)), rect, 8, 4);
    expect(Math.abs((m?.dxPx ?? 0) - 18)).toBeGreaterThan(5);
  });
});
