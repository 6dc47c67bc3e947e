// Camera roll reference from the scene (issue 6; docs/references.md "Hip drop from the rear view": roll adds
// one-to-one bias). Behind a treadmill the long straight edges that are level in the world and face the camera
// are the deck's rear edge, the belt's end and the wall–floor line; seen from behind they are the longest
// near-horizontal lines below the runner's hips. Edges along the direction of travel (belt lines, rails)
// converge to the vanishing point and are far from horizontal, so a ±10° window leaves them out.
// A Hough vote over near-horizontal lines finds the longest one; a weighted least-squares fit refines its angle.
import { blur121, gradients, type GrayImage, type Rect } from '../pixels/grayImage';

export interface Horizon {
  /** Image angle of the line, degrees, positive when its image-right end is lower (y down). */
  angleDeg: number;
  /** Horizontal extent of the supporting edge pixels, frame pixels. */
  spanPx: number;
  /** Where it is: the fitted line's y at the image centre column. */
  yAtCentre: number;
}

const MAX_TILT_DEG = 10;
const STEP_DEG = 0.2;

/**
 * Finds the dominant near-horizontal straight edge of a whole grey frame, below `belowY` and outside the runner's
 * box. Null when no line spans at least `minSpanFraction` of the frame width.
 */
export function findHorizon(frame: GrayImage, belowY: number, runner: Rect | null, minSpanFraction = 0.3): Horizon | null {
  const img = blur121(frame);
  const { gx, gy } = gradients(img);
  const { width: w, height: h } = img;
  const nTheta = Math.round((2 * MAX_TILT_DEG) / STEP_DEG) + 1;
  const thetas = Array.from({ length: nTheta }, (_, i) => ((-MAX_TILT_DEG + i * STEP_DEG) * Math.PI) / 180);
  const rhoPad = Math.ceil(w * Math.sin((MAX_TILT_DEG * Math.PI) / 180)) + 2;
  const nRho = h + 2 * rhoPad;
  const acc = new Float32Array(nTheta * nRho);
  const xs: number[] = [], ys: number[] = [], ws: number[] = [];
  const y0 = Math.max(1, Math.floor(belowY));
  for (let y = y0; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      if (runner && x >= runner.x && x < runner.x + runner.width && y >= runner.y && y < runner.y + runner.height) continue;
      const i = y * w + x;
      const ay = Math.abs(gy[i] as number), ax = Math.abs(gx[i] as number);
      // A horizontal edge: strong vertical gradient, at most ~18° off vertical, and a local maximum across.
      if (ay < 6 || ay < 3 * ax) continue;
      if (ay < Math.abs(gy[i - w] as number) || ay < Math.abs(gy[i + w] as number)) continue;
      xs.push(x); ys.push(y); ws.push(ay);
    }
  }
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number, y = ys[k] as number, wt = ws[k] as number;
    for (let t = 0; t < nTheta; t++) {
      const th = thetas[t] as number;
      const rho = Math.round(y * Math.cos(th) - x * Math.sin(th)) + rhoPad;
      if (rho >= 0 && rho < nRho) acc[t * nRho + rho] = (acc[t * nRho + rho] as number) + wt;
    }
  }
  let bestIdx = -1, bestVal = 0;
  for (let i = 0; i < acc.length; i++) if ((acc[i] as number) > bestVal) { bestVal = acc[i] as number; bestIdx = i; }
  if (bestIdx < 0) return null;
  let th = thetas[Math.floor(bestIdx / nRho)] as number;
  let rho = (bestIdx % nRho) - rhoPad;
  // Refine: weighted least squares y = m·x + c on the edge pixels near the voted line, twice, tightening.
  let m = Math.tan(th), c = rho / Math.cos(th);
  let span = 0;
  for (const tol of [2, 1.2]) {
    let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, minX = Infinity, maxX = -Infinity;
    const cols = new Set<number>();
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k] as number, y = ys[k] as number;
      if (Math.abs(y - (m * x + c)) > tol) continue;
      const wt = ws[k] as number;
      sw += wt; sx += wt * x; sy += wt * y; sxx += wt * x * x; sxy += wt * x * y;
      cols.add(x); minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    }
    const den = sw * sxx - sx * sx;
    if (!(den > 0) || cols.size < minSpanFraction * w) return null;
    m = (sw * sxy - sx * sy) / den;
    c = (sy - m * sx) / sw;
    span = maxX - minX;
  }
  th = Math.atan(m);
  rho = c;
  const xc = w / 2;
  return { angleDeg: (th * 180) / Math.PI, spanPx: span, yAtCentre: m * xc + rho + img.originY };
}
