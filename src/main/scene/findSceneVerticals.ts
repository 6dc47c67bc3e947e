// The world's vertical in a side clip, from the scene's vertical edges (issue 16: "verticals and horizontals are the
// belt's, where the belt is seen tilted"). A belt that slants in the picture can mean a rolled camera (the verticals
// turn with it) or a camera that looks down on a belt not square to it (perspective: the belt slants, the verticals do
// not). The keypoints cannot tell these apart; door frames, cupboards, wall corners and the treadmill's uprights can:
// they are vertical in the world, so their image tilt is the camera's roll (plus, away from the image centre, the
// convergence of a camera pitched down, which measureSceneVertical.ts models). On the demo clip the belt runs at 7.2°
// while the cupboard edges stand within 1° of the image vertical: a camera looking down and across, not a roll.
// Like findHorizon.ts (rear view): a Hough vote, here over near-vertical lines, refined by weighted least squares.
import { blur121, gradients, type GrayImage, type Rect } from '../pixels/grayImage';

export interface SceneLine {
  /** Tilt from the image vertical, degrees, positive when the top end leans to image-right (a clockwise roll: the
   *  sign the belt's slant has under the same roll, gait/beltLevel.ts). */
  tiltDeg: number;
  /** Column of the line at the row `atY` (frame pixels of the image given). */
  xAtRow: number;
  /** Rows its edge pixels cover. */
  rows: number;
  /** Its highest and lowest edge pixel's row (frame pixels). */
  topY: number;
  bottomY: number;
}

/** Lines tilted more than this are not taken for verticals (a treadmill's raked uprights, a leaning runner's leg). */
const MAX_TILT_DEG = 12;
const STEP_DEG = 0.25;
/** An edge pixel: horizontal gradient at least this strong (grey levels per pixel) and 3× the vertical one. */
const MIN_GRADIENT = 8;
/** Most lines taken from one frame. */
const MAX_LINES = 12;

interface EdgePixels { xs: number[]; ys: number[] }

function verticalEdgePixels(frame: GrayImage, exclude: Rect | null): EdgePixels {
  const img = blur121(frame);
  const { gx, gy } = gradients(img);
  const { width: w, height: h } = img;
  const xs: number[] = [], ys: number[] = [];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      if (exclude && x >= exclude.x && x < exclude.x + exclude.width && y >= exclude.y && y < exclude.y + exclude.height) continue;
      const i = y * w + x;
      const ax = Math.abs(gx[i] as number);
      if (ax < MIN_GRADIENT || ax < 3 * Math.abs(gy[i] as number)) continue;
      if (ax < Math.abs(gx[i - 1] as number) || ax < Math.abs(gx[i + 1] as number)) continue; // the edge's ridge only
      xs.push(x); ys.push(y);
    }
  }
  return { xs, ys };
}

/**
 * Straight near-vertical edges of a grey frame outside `exclude` (the runner), longest first; each covers at least
 * `minRowsFraction` of the frame height. `atY` is the row their `xAtRow` is given for (the runner's hips).
 */
export function findSceneVerticals(frame: GrayImage, exclude: Rect | null, atY: number, minRowsFraction = 0.15): SceneLine[] {
  const { xs, ys } = verticalEdgePixels(frame, exclude);
  const { width: w, height: h } = frame;
  const nTheta = Math.round((2 * MAX_TILT_DEG) / STEP_DEG) + 1;
  const slopes = Array.from({ length: nTheta }, (_, i) => Math.tan(((-MAX_TILT_DEG + i * STEP_DEG) * Math.PI) / 180));
  const pad = Math.ceil(h * Math.tan((MAX_TILT_DEG * Math.PI) / 180)) + 2;
  const nRho = w + 2 * pad;
  const acc = new Int32Array(nTheta * nRho);
  // x = c + m·y: a line's vote is its pixel count, so the longest edges win
  const vote = (k: number, sign: 1 | -1): void => {
    const x = xs[k] as number, y = ys[k] as number;
    for (let t = 0; t < nTheta; t++) {
      const c = Math.round(x - (slopes[t] as number) * y) + pad;
      if (c >= 0 && c < nRho) acc[t * nRho + c] = (acc[t * nRho + c] as number) + sign;
    }
  };
  for (let k = 0; k < xs.length; k++) vote(k, 1);
  const used = new Uint8Array(xs.length);
  const minRows = minRowsFraction * h;
  const lines: SceneLine[] = [];
  while (lines.length < MAX_LINES) {
    let best = -1, bestVal = 0;
    for (let i = 0; i < acc.length; i++) if ((acc[i] as number) > bestVal) { bestVal = acc[i] as number; best = i; }
    if (best < 0 || bestVal < minRows) break;
    let m = slopes[Math.floor(best / nRho)] as number;
    let c = (best % nRho) - pad;
    // Refine: weighted least squares x = c + m·y over the pixels near the voted line, twice, tightening.
    let support: number[] = [];
    for (const tol of [2, 1.2]) {
      let sw = 0, sy = 0, sx = 0, syy = 0, sxy = 0;
      support = [];
      for (let k = 0; k < xs.length; k++) {
        if (used[k]) continue;
        const x = xs[k] as number, y = ys[k] as number;
        if (Math.abs(x - (c + m * y)) > tol) continue;
        support.push(k);
        sw += 1; sy += y; sx += x; syy += y * y; sxy += x * y;
      }
      const den = sw * syy - sy * sy;
      if (!(den > 0)) break;
      m = (sw * sxy - sy * sx) / den;
      c = (sx - m * sy) / sw;
    }
    // Take the line's pixels out of the vote (within 3 px), whether or not it qualifies, so the next peak is another line.
    for (let k = 0; k < xs.length; k++) {
      if (used[k]) continue;
      if (Math.abs((xs[k] as number) - (c + m * (ys[k] as number))) <= 3) { used[k] = 1; vote(k, -1); }
    }
    const supportYs = support.map((k) => ys[k] as number);
    const rows = new Set(supportYs).size;
    // y grows downwards: a top end leaning right has x falling as y grows, m < 0.
    if (rows >= minRows && Number.isFinite(m)) lines.push({ tiltDeg: (-Math.atan(m) * 180) / Math.PI, xAtRow: c + m * atY, rows, topY: Math.min(...supportYs), bottomY: Math.max(...supportYs) });
  }
  return lines;
}
