// Where to read the camera's own motion (a phone held by hand): patches of the still scene beside and above the
// runner. A hand shakes a phone mostly by turning it, which moves the whole picture alike, near and far; the feet's
// belt rule reads their speed in the picture, so that motion goes into every strike and toe-off (measured on the
// rendered side clip shaken as a hand holds it: the left foot's strikes 12 ms later on average, README "Accuracy").
// The belt and the treadmill's moving parts lie below the runner's knees, the runner and the swinging arms inside the
// keypoints' box: both are left out.
import type { PoseTrack } from '../../shared/contract';
import { clampRect, gradients, type GrayImage, type Rect } from '../pixels/grayImage';

/** Patch side, leg lengths (~13 cm at the runner): texture enough on a wall or a door, small enough beside a runner. */
const SIDE_LEG = 0.15;
/** Kept clear of the keypoints' box, leg lengths: hands and elbows swing out of it, and hair and clothes move. */
const RUNNER_MARGIN_LEG = 0.25;
/** At most this many patches a frame, those that pin a motion best (motionStrength): the median of a dozen outvotes a few that move. */
export const MAX_BACKGROUND_PATCHES = 12;

/**
 * The largest camera motion searched between frames, leg lengths per second. A hand-held phone's shake is slow and
 * small at the runner: the shaken test clip peaks at 0.5 leg/s. A deliberate pan is faster and not followed.
 */
export const MAX_CAMERA_LEG_PER_SEC = 1.5;

/** The box of every placed keypoint of frame i (displayed-video pixels), or null when none is placed. */
function runnerBox(track: PoseTrack, i: number): Rect | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const kp of Object.values(track.keypoints)) {
    const x = kp.x[i] ?? Number.NaN;
    const y = kp.y[i] ?? Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Candidate background patches of frame i in displayed-video pixels: a grid above the knees, clear of the runner. */
export function backgroundRects(track: PoseTrack, i: number, legPx: number): Rect[] {
  const box = runnerBox(track, i);
  if (!box || !(legPx > 0)) return [];
  const side = SIDE_LEG * legPx;
  const margin = RUNNER_MARGIN_LEG * legPx;
  const keep: Rect = { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
  const knees = ['left_knee', 'right_knee'].map((n) => track.keypoints[n]?.y[i] ?? Number.NaN).filter(Number.isFinite);
  const hips = ['left_hip', 'right_hip'].map((n) => track.keypoints[n]?.y[i] ?? Number.NaN).filter(Number.isFinite);
  const kneeY = knees.length ? Math.min(...knees) : hips.length ? Math.min(...hips) + 0.5 * legPx : Number.NaN;
  if (!Number.isFinite(kneeY)) return [];
  const fits: Rect[] = [];
  for (let y = 0; y + side <= kneeY; y += side) {
    for (let x = 0; x + side <= track.width; x += side) {
      const r = { x, y, width: side, height: side };
      if (!overlaps(r, keep)) fits.push(r);
    }
  }
  return fits;
}

/**
 * How well a patch pins down a motion in both directions (Shi & Tomasi 1994, "Good features to track"): the smaller
 * eigenvalue of its gradient structure tensor per pixel, or 0 when that is not a fair share of the larger or is
 * within the sensor's noise. A patch on one straight edge (a door's side, a shelf, the top of a poster) matches
 * itself anywhere along that edge with a ZNCC of 1: on the rendered clip such patches read 1–3 px of motion between
 * frames of a still camera.
 */
export function motionStrength(img: GrayImage, rect: Rect, grad: { gx: Float32Array; gy: Float32Array } = gradients(img)): number {
  const r = clampRect({ x: rect.x - img.originX, y: rect.y - img.originY, width: rect.width, height: rect.height }, img.width, img.height);
  let a = 0, b = 0, c = 0, n = 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const gx = grad.gx[y * img.width + x] as number;
      const gy = grad.gy[y * img.width + x] as number;
      a += gx * gx; b += gy * gy; c += gx * gy; n++;
    }
  }
  if (n === 0) return 0;
  const half = (a + b) / 2;
  const root = Math.hypot((a - b) / 2, c);
  const small = (half - root) / n;
  const large = (half + root) / n;
  return small >= MIN_GRADIENT_POWER && small >= MIN_EIGEN_RATIO * large ? small : 0;
}

/** Per-pixel gradient power (grey levels² per pixel²) the weaker direction needs: ~2 levels a pixel, over the noise of a blurred frame. */
const MIN_GRADIENT_POWER = 4;
/** The weaker direction's share of the stronger: a corner or a texture, not one edge. */
const MIN_EIGEN_RATIO = 0.1;

/** The patches of `rects` that pin a motion best, at most MAX_BACKGROUND_PATCHES. */
export function bestBackground(img: GrayImage, rects: readonly Rect[]): Rect[] {
  const grad = gradients(img); // once a frame, read by every patch
  return rects
    .map((r) => ({ r, strength: motionStrength(img, r, grad) }))
    .filter((p) => p.strength > 0)
    .sort((p, q) => q.strength - p.strength)
    .slice(0, MAX_BACKGROUND_PATCHES)
    .map((p) => p.r);
}
