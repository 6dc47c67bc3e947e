// Where a small image patch went between two frames (issue 11: the foot's own image motion, independent of the
// pose model's foot points). Zero-mean normalised cross-correlation (ZNCC: indifferent to the exposure and shading
// changes of a turning shoe) over integer shifts, first on every second pixel and every second shift (the range a
// running foot covers between frames is tens of pixels), then every shift around the best one, then placed between
// pixels by a parabola through the ZNCC peak and its two neighbours along each axis (the classic sub-pixel
// refinement of block matching; its error on a textured patch is ~0.1 px, tests/main/footMotion/blockMatch.test.ts).
import { parabolicOffset } from '../../analysis/signal/subFrame';
import { clampRect, type GrayImage, type Rect } from '../pixels/grayImage';

export interface PatchMatch {
  /** Displacement of the patch from `prev` to `next`, pixels of the planes' frame. */
  dxPx: number;
  dyPx: number;
  /** ZNCC at the best integer shift, −1..1: how alike the patch and its match look. */
  ncc: number;
}

/** Below this grey-level standard deviation (0..255) a patch has no texture to follow (a plain shoe on a dark belt). */
const MIN_PATCH_STD = 2;

interface PatchStats { xs: number[]; ys: number[]; values: Float32Array; mean: number; norm: number }

/** The patch's pixels sampled every `stride` pixels, zero-mean, with their norm. */
function patchStats(img: GrayImage, r: Rect, stride: number): PatchStats | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const v: number[] = [];
  for (let y = r.y; y < r.y + r.height; y += stride) {
    for (let x = r.x; x < r.x + r.width; x += stride) {
      xs.push(x); ys.push(y);
      v.push(img.data[(y - img.originY) * img.width + (x - img.originX)] as number);
    }
  }
  const n = v.length;
  if (n < 9) return null;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const values = Float32Array.from(v, (x) => x - mean);
  let ss = 0;
  for (const x of values) ss += x * x;
  if (Math.sqrt(ss / n) < MIN_PATCH_STD) return null;
  return { xs, ys, values, mean, norm: Math.sqrt(ss) };
}

/** ZNCC of the patch against `next` shifted by (sx, sy); NaN when any sample falls outside `next`. */
function znccAt(p: PatchStats, next: GrayImage, sx: number, sy: number): number {
  const n = p.values.length;
  let si = 0, sii = 0, sti = 0;
  for (let k = 0; k < n; k++) {
    const x = (p.xs[k] as number) + sx - next.originX;
    const y = (p.ys[k] as number) + sy - next.originY;
    if (x < 0 || y < 0 || x >= next.width || y >= next.height) return Number.NaN;
    const v = next.data[y * next.width + x] as number;
    si += v; sii += v * v; sti += (p.values[k] as number) * v;
  }
  const varI = sii - (si * si) / n;
  return varI > 1e-6 ? sti / (p.norm * Math.sqrt(varI)) : Number.NaN;
}

function bestShift(p: PatchStats, next: GrayImage, xs: number[], ys: number[]): { sx: number; sy: number; ncc: number } | null {
  let best: { sx: number; sy: number; ncc: number } | null = null;
  for (const sy of ys) {
    for (const sx of xs) {
      const c = znccAt(p, next, sx, sy);
      if (Number.isFinite(c) && (best === null || c > best.ncc)) best = { sx, sy, ncc: c };
    }
  }
  return best;
}

function range(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}

/**
 * Displacement of `rect` (a patch of `prev`, frame pixels) into `next`, searched within ±maxDxPx, ±maxDyPx.
 * Null when the patch has no texture, lies outside `prev`, or no shift keeps it inside `next`.
 */
export function matchPatch(prev: GrayImage, next: GrayImage, rect: Rect, maxDxPx: number, maxDyPx: number): PatchMatch | null {
  const inPrev = clampRect({ x: rect.x - prev.originX, y: rect.y - prev.originY, width: rect.width, height: rect.height }, prev.width, prev.height);
  const r: Rect = { x: inPrev.x + prev.originX, y: inPrev.y + prev.originY, width: inPrev.width, height: inPrev.height };
  const coarse = patchStats(prev, r, 2);
  const fine = patchStats(prev, r, 1);
  if (!coarse || !fine) return null;
  const mx = Math.max(1, Math.ceil(maxDxPx));
  const my = Math.max(1, Math.ceil(maxDyPx));
  const c = bestShift(coarse, next, range(-mx, mx, 2), range(-my, my, 2));
  if (!c) return null;
  const f = bestShift(fine, next, range(c.sx - 2, c.sx + 2, 1), range(c.sy - 2, c.sy + 2, 1));
  if (!f) return null;
  const at = (sx: number, sy: number): number => znccAt(fine, next, sx, sy);
  return {
    dxPx: f.sx + parabolicOffset(at(f.sx - 1, f.sy), f.ncc, at(f.sx + 1, f.sy)),
    dyPx: f.sy + parabolicOffset(at(f.sx, f.sy - 1), f.ncc, at(f.sx, f.sy + 1)),
    ncc: f.ncc,
  };
}
