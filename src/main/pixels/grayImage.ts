// Small image kernels of the pixel worker (the pelvis tracker, issue 6; the foot motion, issue 11): grey conversion of
// a region, blur, gradients and bilinear sampling on Float32 planes.
//
// Why hand-written rather than OpenCV's WASM build (@techstark/opencv-js, which the issue prefers): the tracker
// needs exactly four kernels (grey, 3-tap blur, central-difference gradient, bilinear sample) run on a
// ~120×60 px pelvis region, plus one Gauss–Newton solve of three unknowns per frame. opencv.js is a ~10 MB
// single-file WASM bundle that must be instantiated inside every worker_thread (seconds of start-up, tens of MB
// of heap) and its Mats must be freed by hand; it would not make these few loops faster at this size (the whole
// tracker costs ~1–3 ms per frame here, see scripts/validate-pelvis.ts). The kernels are tested on
// analytic images in tests/main/pixels/grayImage.test.ts.
import type { RgbFrame } from '../../shared/contract';

/** A grey image plane (0..255 floats) that may be a crop of a larger frame: pixel (x, y) of the plane is
 *  (x + originX, y + originY) of the frame it came from. */
export interface GrayImage {
  width: number;
  height: number;
  originX: number;
  originY: number;
  data: Float32Array;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Clamps a rectangle (frame pixels) to a frame of the given size; integer bounds. */
export function clampRect(r: Rect, width: number, height: number): Rect {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(width, Math.ceil(r.x + r.width));
  const y1 = Math.min(height, Math.ceil(r.y + r.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** Grey (Rec. 601 luma) of a region of a packed RGB24 frame; the whole frame when no region is given. */
export function rgbToGray(frame: Pick<RgbFrame, 'width' | 'height' | 'data'>, region?: Rect): GrayImage {
  const r = clampRect(region ?? { x: 0, y: 0, width: frame.width, height: frame.height }, frame.width, frame.height);
  const out = new Float32Array(r.width * r.height);
  const src = frame.data;
  for (let y = 0; y < r.height; y++) {
    let s = ((y + r.y) * frame.width + r.x) * 3;
    let d = y * r.width;
    for (let x = 0; x < r.width; x++, s += 3, d++) {
      out[d] = 0.299 * (src[s] as number) + 0.587 * (src[s + 1] as number) + 0.114 * (src[s + 2] as number);
    }
  }
  return { width: r.width, height: r.height, originX: r.x, originY: r.y, data: out };
}

/** Separable [1 2 1]/4 blur, edges replicated: takes the sensor noise and the codec's blocking off the
 *  gradients without moving edges. */
export function blur121(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const l = data[row + Math.max(0, x - 1)] as number;
      const r = data[row + Math.min(w - 1, x + 1)] as number;
      tmp[row + x] = 0.25 * l + 0.5 * (data[row + x] as number) + 0.25 * r;
    }
  }
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const dn = Math.min(h - 1, y + 1) * w;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      out[row + x] = 0.25 * (tmp[up + x] as number) + 0.5 * (tmp[row + x] as number) + 0.25 * (tmp[dn + x] as number);
    }
  }
  return { ...img, data: out };
}

/** Central-difference gradients (one-sided at the border). */
export function gradients(img: GrayImage): { gx: Float32Array; gy: Float32Array } {
  const { width: w, height: h, data } = img;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1);
    const dn = Math.min(h - 1, y + 1);
    const dy = dn - up || 1;
    for (let x = 0; x < w; x++) {
      const l = Math.max(0, x - 1);
      const r = Math.min(w - 1, x + 1);
      gx[y * w + x] = ((data[y * w + r] as number) - (data[y * w + l] as number)) / (r - l || 1);
      gy[y * w + x] = ((data[dn * w + x] as number) - (data[up * w + x] as number)) / dy;
    }
  }
  return { gx, gy };
}

/** Bilinear sample of a plane at plane coordinates; NaN outside it. */
export function sampleBilinear(data: Float32Array, width: number, height: number, x: number, y: number): number {
  if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) return Number.NaN;
  const x0 = Math.min(Math.floor(x), width - 2 < 0 ? 0 : width - 2);
  const y0 = Math.min(Math.floor(y), height - 2 < 0 ? 0 : height - 2);
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * width + x0;
  const a = data[i] as number;
  const b = (width > 1 ? data[i + 1] : a) as number;
  const c = (height > 1 ? data[i + width] : a) as number;
  const d = (width > 1 && height > 1 ? data[i + width + 1] : c) as number;
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}
