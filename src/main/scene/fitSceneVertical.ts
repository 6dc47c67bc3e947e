// One tilt for the world's vertical at the runner, from the scene's vertical lines (findSceneVerticals.ts) pooled
// over a few frames. A camera pitched up or down makes verticals converge: their tilt grows with their distance from
// the image column below the vanishing point, about linearly across a phone's field of view. On the demo clip the
// cupboard and wall edges run from +1.5° at the image's left to −5.6° at its right (a portrait phone tipped back),
// so one line far from the runner says little about the vertical at the runner; a line through them does. With lines
// on one side of the runner only, that slope cannot be told from a roll, and the lines must agree among themselves.
// A robust fit (Tukey's biweight) lets a leaning board or an open door count for nothing.

export interface VerticalLine {
  tiltDeg: number;
  /** Column of the line at the runner's hip row minus the hips' column, as a fraction of the frame width. */
  offsetFrac: number;
  /** Rows it covers (its weight). */
  rows: number;
}

export interface SceneVerticalFit {
  /** Tilt of the world's vertical at the runner's hips, degrees, positive when its top leans to image-right. */
  tiltDeg: number;
  /** Distinct lines that carry the fit (inliers). */
  lines: number;
  /** Weighted RMS of the inliers' residuals, degrees. */
  scatterDeg: number;
  /** Whether the convergence of a pitched camera was fitted (lines on both sides of the runner). */
  converging: boolean;
}

/** The same structure seen in several frames counts once: within this share of the width and this tilt. */
const SAME_OFFSET_FRAC = 0.01;
const SAME_TILT_DEG = 0.5;
/** Fewest distinct inlier lines for a vertical; the largest inlier scatter accepted. */
const MIN_LINES = 2;
export const MAX_SCATTER_DEG = 1.5;
/** A line this far (share of the width) to either side of the runner counts as being on that side. */
const SIDE_OFFSET_FRAC = 0.05;
/** Residual scale floor (°): edges of one real structure differ by a few tenths of a degree. */
const MIN_SCALE_DEG = 0.5;

function distinct(lines: readonly VerticalLine[]): VerticalLine[] {
  const out: VerticalLine[] = [];
  for (const l of [...lines].sort((a, b) => b.rows - a.rows)) {
    if (!out.some((o) => Math.abs(o.offsetFrac - l.offsetFrac) <= SAME_OFFSET_FRAC && Math.abs(o.tiltDeg - l.tiltDeg) <= SAME_TILT_DEG)) out.push(l);
  }
  return out;
}

function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const order = values.map((v, i) => [v, weights[i] as number] as const).sort((a, b) => a[0] - b[0]);
  const total = order.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  for (const [v, w] of order) {
    acc += w;
    if (acc >= total / 2) return v;
  }
  return Number.NaN;
}

/** Weighted least squares of tilt = a + k·offset (k = 0 when `converging` is false). */
function weightedFit(lines: readonly VerticalLine[], w: readonly number[], converging: boolean): { a: number; k: number } {
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  lines.forEach((l, i) => {
    const wi = w[i] as number;
    sw += wi; sx += wi * l.offsetFrac; sy += wi * l.tiltDeg; sxx += wi * l.offsetFrac ** 2; sxy += wi * l.offsetFrac * l.tiltDeg;
  });
  const den = sw * sxx - sx * sx;
  if (!converging || !(den > 1e-12 * sw * sw)) return { a: sy / sw, k: 0 };
  const k = (sw * sxy - sx * sy) / den;
  return { a: (sy - k * sx) / sw, k };
}

/** The vertical at the runner, or null when the scene's lines do not agree on one. */
export function fitSceneVertical(pooled: readonly VerticalLine[]): SceneVerticalFit | null {
  const lines = distinct(pooled);
  if (lines.length < MIN_LINES) return null;
  const converging = lines.length >= 4 && lines.some((l) => l.offsetFrac < -SIDE_OFFSET_FRAC) && lines.some((l) => l.offsetFrac > SIDE_OFFSET_FRAC);
  const base = lines.map((l) => l.rows);
  let fit = { a: weightedMedian(lines.map((l) => l.tiltDeg), base), k: 0 };
  let w = [...base];
  for (let iter = 0; iter < 20; iter++) {
    const res = lines.map((l) => l.tiltDeg - fit.a - fit.k * l.offsetFrac);
    const scale = Math.max(MIN_SCALE_DEG, 1.4826 * weightedMedian(res.map(Math.abs), base));
    w = res.map((r, i) => {
      const u = r / (4.685 * scale);
      return Math.abs(u) < 1 ? (base[i] as number) * (1 - u * u) ** 2 : 0;
    });
    if (w.filter((x) => x > 0).length < MIN_LINES) return null;
    fit = weightedFit(lines, w, converging);
  }
  const inliers = lines.map((l, i) => ({ l, w: w[i] as number })).filter((x) => x.w > 0);
  const sw = inliers.reduce((s, x) => s + x.l.rows, 0);
  const scatterDeg = Math.sqrt(inliers.reduce((s, x) => s + x.l.rows * (x.l.tiltDeg - fit.a - fit.k * x.l.offsetFrac) ** 2, 0) / sw);
  if (inliers.length < MIN_LINES || !(scatterDeg <= MAX_SCATTER_DEG)) return null;
  return { tiltDeg: fit.a, lines: inliers.length, scatterDeg, converging };
}
