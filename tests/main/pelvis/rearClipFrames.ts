// Shared by the pelvis tests: the first frames of the rendered rear clip as grey planes (decoded once per file),
// with the exact 2D hip truth of those frames (fixtures/synthetic/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RgbFrame } from '../../../src/shared/contract';
import { rgbToGray, type GrayImage } from '../../../src/main/pixels/grayImage';
import { decodeFrames } from '../../../src/main/video/decodeFrames';
import { probeVideo } from '../../../src/main/video/probeVideo';

export const REAR_CLIP = join(process.cwd(), 'fixtures/synthetic/RBDS008_T35_rear.mp4');

export interface TruthHips {
  left: { x: number; y: number };
  right: { x: number; y: number };
}

export function readTruthHips(): TruthHips[] {
  const lines = readFileSync(join(process.cwd(), 'fixtures/synthetic/RBDS008_T35_rear_truth.csv'), 'utf8').trim().split('\n');
  const head = (lines[0] as string).split(',');
  const c = (n: string) => head.indexOf(n);
  return lines.slice(1).map((l) => {
    const v = l.split(',').map(Number);
    return { left: { x: v[c('left_hip_x')] as number, y: v[c('left_hip_y')] as number }, right: { x: v[c('right_hip_x')] as number, y: v[c('right_hip_y')] as number } };
  });
}

export async function decodeRearFrames(count: number): Promise<{ rgb: RgbFrame[]; gray: GrayImage[] }> {
  const info = await probeVideo(REAR_CLIP);
  const rgb: RgbFrame[] = [];
  for await (const f of decodeFrames(info, { longSide: 1280, endSec: count / 60 - 1e-3 })) rgb.push(f);
  return { rgb, gray: rgb.map((f) => rgbToGray(f)) };
}

export const truthAngleDeg = (h: TruthHips) => (Math.atan2(h.right.y - h.left.y, h.right.x - h.left.x) * 180) / Math.PI;

/** The whole grey frame rotated by `deg` about (cx, cy) (bilinear; edge pixels replicated). */
export function rotateGray(img: GrayImage, deg: number, cx: number, cy: number): GrayImage {
  const t = (deg * Math.PI) / 180, c = Math.cos(t), s = Math.sin(t);
  const { width: w, height: h, data } = img;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Inverse map: the output pixel comes from the input rotated by −deg.
      const dx = x - cx, dy = y - cy;
      const sx = Math.min(w - 1.001, Math.max(0, cx + c * dx + s * dy));
      const sy = Math.min(h - 1.001, Math.max(0, cy - s * dx + c * dy));
      const x0 = Math.floor(sx), y0 = Math.floor(sy), fx = sx - x0, fy = sy - y0, i = y0 * w + x0;
      const a = data[i] as number, b = data[i + 1] as number, cc = data[i + w] as number, d = data[i + w + 1] as number;
      out[y * w + x] = a + (b - a) * fx + (cc - a) * fy + (a - b - cc + d) * fx * fy;
    }
  }
  return { ...img, data: out };
}

/** Rotates a point like rotateGray rotates the image. */
export function rotatePoint(p: { x: number; y: number }, deg: number, cx: number, cy: number): { x: number; y: number } {
  const t = (deg * Math.PI) / 180, c = Math.cos(t), s = Math.sin(t);
  return { x: cx + c * (p.x - cx) - s * (p.y - cy), y: cy + s * (p.x - cx) + c * (p.y - cy) };
}
