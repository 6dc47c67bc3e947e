// Clinician's precise mode (issue 6): two small strips of tape on the PSIS dimples, the standard clinical pelvis
// landmarks. Looks on one frame for one compact high-contrast blob in a window around each pose hip (the PSIS lie
// a few cm above and medial to the hip joint centres) and returns them as seeds, or null when the pair is not
// convincing — then the tracker falls back to the pelvis region and the body's symmetry.
import type { GrayImage } from '../pixels/grayImage';
import type { PelvisSeeds, Point } from './pelvisSeeds';

interface Blob extends Point {
  contrast: number;
}

/** Box mean via an integral image. */
function integral(img: GrayImage): Float64Array {
  const { width: w, height: h, data } = img;
  const s = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x] as number;
      s[(y + 1) * (w + 1) + x + 1] = (s[y * (w + 1) + x + 1] as number) + row;
    }
  }
  return s;
}
function boxMean(s: Float64Array, w: number, x0: number, y0: number, x1: number, y1: number): number {
  const W = w + 1;
  const sum = (s[y1 * W + x1] as number) - (s[y0 * W + x1] as number) - (s[y1 * W + x0] as number) + (s[y0 * W + x0] as number);
  return sum / ((x1 - x0) * (y1 - y0));
}

/** The strongest compact blob (inner box differs from its surround by far more than the surround varies). */
function strongestBlob(img: GrayImage, s: Float64Array, cx: number, cy: number, halfWin: number, r: number): Blob | null {
  const { width: w, height: h } = img;
  let best: Blob | null = null;
  const R = 3 * r;
  for (let y = Math.max(R, Math.round(cy - halfWin)); y < Math.min(h - R, Math.round(cy + halfWin)); y++) {
    for (let x = Math.max(R, Math.round(cx - halfWin)); x < Math.min(w - R, Math.round(cx + halfWin)); x++) {
      const inner = boxMean(s, w, x - r, y - r, x + r + 1, y + r + 1);
      const outer = boxMean(s, w, x - R, y - R, x + R + 1, y + R + 1);
      // Surround = outer box minus inner box.
      const nIn = (2 * r + 1) ** 2, nOut = (2 * R + 1) ** 2;
      const ring = (outer * nOut - inner * nIn) / (nOut - nIn);
      const contrast = Math.abs(inner - ring);
      if (!best || contrast > best.contrast) best = { x, y, contrast };
    }
  }
  return best;
}

/** Sub-pixel centre: centroid of the pixels that differ from the surround by more than half the blob's contrast,
 *  weighted by how much more (the shorts' shading and a nearby hem then weigh nothing). */
function refine(img: GrayImage, b: Blob, r: number, ring: number): Point {
  let sw = 0, sx = 0, sy = 0;
  const cut = 0.5 * b.contrast;
  for (let y = Math.max(0, b.y - 2 * r); y <= Math.min(img.height - 1, b.y + 2 * r); y++) {
    for (let x = Math.max(0, b.x - 3 * r); x <= Math.min(img.width - 1, b.x + 3 * r); x++) {
      const v = Math.abs((img.data[y * img.width + x] as number) - ring) - cut;
      if (v <= 0) continue;
      sw += v; sx += v * x; sy += v * y;
    }
  }
  return sw > 0 ? { x: sx / sw, y: sy / sw } : b;
}

/**
 * Tape marks near the hips (decoded-frame pixels in and out). Accepts a pair only when each blob stands out by
 * `minContrast` grey levels, the two have the same polarity-free strength within a factor 2, and they lie
 * roughly as PSIS do: separated by 0.4–1.3 hip widths, at most 25° from level.
 */
export function findTapeMarks(img: GrayImage, hips: PelvisSeeds, minContrast = 60): PelvisSeeds | null {
  const W = Math.hypot(hips.right.x - hips.left.x, hips.right.y - hips.left.y);
  if (!(W > 8)) return null;
  const r = Math.max(1, Math.round(W / 30));
  const s = integral(img);
  const find = (p: Point): Blob | null =>
    strongestBlob(img, s, p.x - img.originX, p.y - img.originY - 0.2 * W, 0.4 * W, r);
  const L = find(hips.left), R = find(hips.right);
  if (!L || !R || L.contrast < minContrast || R.contrast < minContrast) return null;
  if (Math.max(L.contrast, R.contrast) > 2 * Math.min(L.contrast, R.contrast)) return null;
  const sep = Math.hypot(R.x - L.x, R.y - L.y);
  if (sep < 0.4 * W || sep > 1.3 * W || Math.abs(Math.atan2(R.y - L.y, R.x - L.x)) > (25 * Math.PI) / 180) return null;
  const ringOf = (b: Blob) => boxMean(s, img.width, b.x - 3 * r, b.y - 3 * r, b.x + 3 * r + 1, b.y + 3 * r + 1);
  const l = refine(img, L, r, ringOf(L)), rr = refine(img, R, r, ringOf(R));
  return { left: { x: l.x + img.originX, y: l.y + img.originY }, right: { x: rr.x + img.originX, y: rr.y + img.originY } };
}

/**
 * Re-centres one tracked tape mark on its blob (decoded pixels in and out): the rigid region motion carries the
 * mark to within a pixel or two, the tape's own contrast then places it to a fraction of a pixel. Null when the
 * blob is no longer there (covered, turned away): the caller keeps the carried position.
 */
export function refineTapeMark(img: GrayImage, p: Point, hipWidthPx: number, minContrast = 30): Point | null {
  const r = Math.max(1, Math.round(hipWidthPx / 30));
  const s = integral(img);
  const b = strongestBlob(img, s, p.x - img.originX, p.y - img.originY, Math.max(3, 0.15 * hipWidthPx), r);
  if (!b || b.contrast < minContrast) return null;
  const ring = boxMean(s, img.width, b.x - 3 * r, b.y - 3 * r, b.x + 3 * r + 1, b.y + 3 * r + 1);
  const c = refine(img, b, r, ring);
  const out = { x: c.x + img.originX, y: c.y + img.originY };
  // The carried mark is within a few pixels of the tape; a blob further off is something else (a hand).
  return Math.hypot(out.x - p.x, out.y - p.y) <= Math.max(3, 0.15 * hipWidthPx) ? out : null;
}
