// The hand-written kernels of the pelvis tracker on analytic images, where the right answer is known exactly.
import { describe, expect, it } from 'vitest';
import { blur121, clampRect, gradients, rgbToGray, sampleBilinear, type GrayImage } from '../../../src/main/pixels/grayImage';
import { findHorizon } from '../../../src/main/pelvis/findHorizon';
import { symmetryAngle } from '../../../src/main/pelvis/symmetryAngle';

function plane(w: number, h: number, f: (x: number, y: number) => number): GrayImage {
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = f(x, y);
  return { width: w, height: h, originX: 0, originY: 0, data };
}

describe('grey kernels', () => {
  it('rgbToGray takes Rec.601 luma of a clamped crop and keeps its origin', () => {
    const w = 4, h = 3, data = new Uint8Array(w * h * 3);
    data.set([255, 0, 0], (1 * w + 2) * 3);
    const g = rgbToGray({ width: w, height: h, data }, { x: 2, y: 1, width: 10, height: 10 });
    expect([g.width, g.height, g.originX, g.originY]).toEqual([2, 2, 2, 1]);
    expect(g.data[0]).toBeCloseTo(0.299 * 255, 3);
    expect(clampRect({ x: -3, y: -1, width: 5, height: 2 }, 4, 3)).toEqual({ x: 0, y: 0, width: 2, height: 1 });
  });

  it('bilinear sampling is exact on a linear ramp and NaN outside', () => {
    const img = plane(10, 8, (x, y) => 3 * x - 2 * y + 7);
    expect(sampleBilinear(img.data, 10, 8, 4.25, 3.5)).toBeCloseTo(3 * 4.25 - 2 * 3.5 + 7, 4);
    expect(sampleBilinear(img.data, 10, 8, 9, 7)).toBeCloseTo(3 * 9 - 14 + 7, 4);
    expect(sampleBilinear(img.data, 10, 8, -0.1, 2)).toBeNaN();
  });

  it('blur keeps a ramp and gradients give its slope', () => {
    const img = blur121(plane(12, 12, (x, y) => 2 * x + 5 * y));
    const { gx, gy } = gradients(img);
    expect(gx[6 * 12 + 6]).toBeCloseTo(2, 5);
    expect(gy[6 * 12 + 6]).toBeCloseTo(5, 5);
  });
});

describe('findHorizon', () => {
  it('finds a 3° edge to within 0.1° and returns null on texture without lines', () => {
    const t = Math.tan((3 * Math.PI) / 180);
    const edge = plane(640, 360, (x, y) => (y > 250 + t * (x - 320) ? 60 : 200));
    expect(findHorizon(edge, 150, null)?.angleDeg).toBeCloseTo(3, 1);
    let s = 7;
    const noise = plane(640, 360, () => ((s = (s * 16807) % 2147483647) / 2147483647) * 40 + 100);
    expect(findHorizon(noise, 150, null)).toBeNull();
  });
});

describe('symmetryAngle', () => {
  it('finds the mirror axis of a symmetric pattern tilted by 4°', () => {
    const tilt = (4 * Math.PI) / 180, c = Math.cos(tilt), s = Math.sin(tilt);
    // Two blobs either side of the axis, symmetric in the tilted frame (a along the line, b across it).
    const img = plane(200, 200, (x, y) => {
      const a = c * (x - 100) + s * (y - 100), b = -s * (x - 100) + c * (y - 100);
      return 50 + 150 * Math.exp(-((Math.abs(a) - 25) ** 2 + (b - 10) ** 2) / 60) + 60 * Math.exp(-(a * a + (b - 25) ** 2) / 30);
    });
    const r = symmetryAngle(img, { centreX: 100, centreY: 100, guessDeg: 0, halfWidthPx: 45, aboveLinePx: 10, belowLinePx: 40 });
    expect(r?.angleDeg).toBeCloseTo(4, 0);
    expect(Math.abs((r?.angleDeg ?? NaN) - 4)).toBeLessThan(0.3);
  });
});
