// The world's vertical at the runner of a side clip, from a few frames of the video (findSceneVerticals.ts,
// fitSceneVertical.ts). Only lines that reach above the runner's shoulders count: a treadmill's uprights and console
// stop at hip or chest height and are often raked (the rendered clips' uprights lean 3.6°), while door frames,
// cupboards and wall corners rise higher.
import { legLengthPx } from '../../analysis/gait/bodyGeometry';
import type { PoseTrack, SceneVertical, VideoInfo } from '../../shared/contract';
import { runnerBox } from '../pelvis/hipSeries';
import { rgbToGray, type GrayImage } from '../pixels/grayImage';
import { trackFrameOf } from '../pixels/trackFrameOf';
import { decodeFrames } from '../video/decodeFrames';
import { findSceneVerticals } from './findSceneVerticals';
import { fitSceneVertical, type VerticalLine } from './fitSceneVertical';

/** Frames looked at, spread over the clip (a hand-held phone's roll changes; a tripod's lines repeat). */
const FRAMES = 6;
/** Decoded long side: a door frame 15% of the height is then ~100 rows. */
const LONG_SIDE = 960;
/** Lines shorter than this share of the frame height are not taken. */
const MIN_ROWS_FRACTION = 0.1;

function pointOf(track: PoseTrack, name: string, i: number): { x: number; y: number } | null {
  const kp = track.keypoints[name];
  const x = kp?.x[i] ?? Number.NaN, y = kp?.y[i] ?? Number.NaN;
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

/** Hips' centre and the shoulders' row of frame i (display pixels); the shoulders estimated from the leg when unseen. */
function bodyAt(track: PoseTrack, i: number, legPx: number): { hipX: number; hipY: number; shoulderY: number } | null {
  const hips = ['left_hip', 'right_hip'].map((n) => pointOf(track, n, i)).filter((p) => p !== null);
  if (hips.length === 0) return null;
  const hipX = hips.reduce((s, p) => s + p.x, 0) / hips.length;
  const hipY = hips.reduce((s, p) => s + p.y, 0) / hips.length;
  const shoulders = ['left_shoulder', 'right_shoulder'].map((n) => pointOf(track, n, i)).filter((p) => p !== null);
  // trunk (hip to shoulder) ≈ 0.6 leg lengths (Winter's segment proportions: 0.288 vs 0.53 of stature)
  const shoulderY = shoulders.length ? Math.min(...shoulders.map((p) => p.y)) : hipY - 0.6 * legPx;
  return { hipX, hipY, shoulderY };
}

/**
 * The vertical lines of one decoded grey frame that reach above the runner's shoulders, placed relative to the hips
 * of track frame i; `k` turns display pixels into the frame's (1 / scaleToDisplay).
 */
export function sceneLinesOfFrame(gray: GrayImage, track: PoseTrack, i: number, k: number, legPx: number): VerticalLine[] {
  const body = bodyAt(track, i, legPx);
  const box = runnerBox(track, i, 0.15);
  if (!body || !box) return [];
  const lines = findSceneVerticals(gray, { x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k }, body.hipY * k, MIN_ROWS_FRACTION);
  return lines
    .filter((l) => l.topY < body.shoulderY * k)
    .map((l) => ({ tiltDeg: l.tiltDeg, offsetFrac: (l.xAtRow - body.hipX * k) / gray.width, rows: l.rows }));
}

/** The scene's vertical at the runner, or null when the frames show no set of lines that agree. */
export async function measureSceneVertical(info: VideoInfo, track: PoseTrack, signal?: AbortSignal): Promise<SceneVertical | null> {
  const times = track.timesSec;
  if (times.length < 2) return null;
  const dt = ((times[times.length - 1] as number) - (times[0] as number)) / (times.length - 1);
  const legPx = legLengthPx(track);
  const pooled: VerticalLine[] = [];
  for (let f = 0; f < FRAMES; f++) {
    const t = times[Math.round(((f + 0.5) / FRAMES) * (times.length - 1))] as number;
    for await (const frame of decodeFrames(info, { longSide: LONG_SIDE, startSec: Math.max(0, t - dt / 2), endSec: t + dt / 2, ...(signal ? { signal } : {}) })) {
      const j = trackFrameOf(times, frame.timeSec, dt / 2 + 1e-6);
      if (j >= 0) pooled.push(...sceneLinesOfFrame(rgbToGray(frame), track, j, 1 / frame.scaleToDisplay, legPx));
      break;
    }
  }
  const fit = fitSceneVertical(pooled);
  return fit ? { tiltDeg: fit.tiltDeg, lines: fit.lines, scatterDeg: fit.scatterDeg } : null;
}
