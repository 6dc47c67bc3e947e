// Reading the pose model's hips out of a PoseTrack for the pelvis tracker (issue 6): per-frame lookup by time,
// the region of the frame the pelvis moves in, and the runner's box (to keep the horizon search off the runner).
import type { PoseTrack } from '../../shared/contract';
import type { Rect } from '../pixels/grayImage';
import type { PelvisSeeds } from './pelvisSeeds';
import { seriesExtent } from '../../shared/seriesExtent';

export interface HipFrame {
  timeSec: number;
  /** Display pixels; null when either hip is missing. */
  hips: PelvisSeeds | null;
}

export function hipFrames(track: PoseTrack): HipFrame[] {
  const l = track.keypoints['left_hip'];
  const r = track.keypoints['right_hip'];
  return track.timesSec.map((timeSec, i) => {
    const p = [l?.x[i], l?.y[i], r?.x[i], r?.y[i]].map((v) => v ?? Number.NaN) as [number, number, number, number];
    const ok = p.every(Number.isFinite) && !((l?.score[i] ?? 1) <= 0) && !((r?.score[i] ?? 1) <= 0);
    return { timeSec, hips: ok ? { left: { x: p[0], y: p[1] }, right: { x: p[2], y: p[3] } } : null };
  });
}

/** Median hip separation in display pixels (NaN without hips). */
export function medianHipWidth(frames: HipFrame[]): number {
  const w = frames.flatMap((f) => (f.hips ? [Math.hypot(f.hips.right.x - f.hips.left.x, f.hips.right.y - f.hips.left.y)] : []));
  if (w.length === 0) return Number.NaN;
  w.sort((a, b) => a - b);
  return w[w.length >> 1] as number;
}

/** Display-pixel box that holds every hip (and the seeds) with `marginPx` around it: where the pelvis can be. */
export function pelvisArea(frames: HipFrame[], seeds: PelvisSeeds | null, marginPx: number): Rect | null {
  const xs: number[] = [], ys: number[] = [];
  for (const f of frames) {
    if (!f.hips) continue;
    xs.push(f.hips.left.x, f.hips.right.x);
    ys.push(f.hips.left.y, f.hips.right.y);
  }
  if (seeds) {
    xs.push(seeds.left.x, seeds.right.x);
    ys.push(seeds.left.y, seeds.right.y);
  }
  if (xs.length === 0) return null;
  // one hip pair per frame: no spread (a long clip overflows the call stack)
  const [minX, maxX] = seriesExtent(xs);
  const [minY, maxY] = seriesExtent(ys);
  const x0 = minX - marginPx, y0 = minY - marginPx;
  return { x: x0, y: y0, width: maxX + marginPx - x0, height: maxY + marginPx - y0 };
}

/** Box around every keypoint of frame i (display pixels), widened by `margin` of its size. */
export function runnerBox(track: PoseTrack, i: number, margin = 0.1): Rect | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const kp of Object.values(track.keypoints)) {
    const x = kp.x[i] ?? Number.NaN, y = kp.y[i] ?? Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  if (!Number.isFinite(x0)) return null;
  const mx = (x1 - x0) * margin, my = (y1 - y0) * margin;
  return { x: x0 - mx, y: y0 - my, width: x1 - x0 + 2 * mx, height: y1 - y0 + 2 * my };
}
