// The picture region around the runner over a time window, so side-by-side views show the runner large.
import type { PoseTrack } from '../../shared/contract';
import type { ToCanvas } from './drawSkeleton';

export interface Box { x: number; y: number; width: number; height: number }

/** The keypoints of both feet: what the player's "feet" zoom frames. */
export const FEET_KEYPOINTS: readonly string[] = ['left', 'right'].flatMap((side) => ['ankle', 'heel', 'foot_index'].map((j) => `${side}_${j}`));

/**
 * Bounding box of every confident keypoint in [startSec, endSec] (only the named ones when names is given),
 * padded, widened to the given aspect (w/h).
 */
export function runnerBox(track: PoseTrack, startSec: number, endSec: number, aspect: number, pad = 0.15, names?: readonly string[]): Box {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  const series = names ? names.map((n) => track.keypoints[n]).filter((s) => s !== undefined) : Object.values(track.keypoints);
  track.timesSec.forEach((t, i) => {
    if (t < startSec || t > endSec) return;
    for (const s of series) {
      const x = s.x[i]; const y = s.y[i]; const score = s.score[i];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (score !== undefined && Number.isFinite(score) && score < 0.3) continue;
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
  });
  if (!Number.isFinite(minX)) return { x: 0, y: 0, width: track.width, height: track.height };
  let w = (maxX - minX) * (1 + 2 * pad);
  let h = (maxY - minY) * (1 + 2 * pad);
  if (w / h < aspect) w = h * aspect; else h = w / aspect;
  // Never larger than the picture itself.
  if (w > track.width) { w = track.width; h = w / aspect; }
  if (h > track.height) { h = track.height; w = h * aspect; }
  const cx = (minX + maxX) / 2; const cy = (minY + maxY) / 2;
  const x = Math.max(0, Math.min(track.width - w, cx - w / 2));
  const y = Math.max(0, Math.min(track.height - h, cy - h / 2));
  return { x, y, width: w, height: h };
}

/** Maps video pixels inside box to a canvas of the given size, mirrored left-right on request. */
export function boxToCanvas(box: Box, canvasWidth: number, canvasHeight: number, mirror: boolean): ToCanvas {
  const sx = canvasWidth / box.width;
  const sy = canvasHeight / box.height;
  return (x, y) => {
    const cx = (x - box.x) * sx;
    return [mirror ? canvasWidth - cx : cx, (y - box.y) * sy];
  };
}
