// Each foot region's image motion over a stream of decoded frames (issue 11): used by the pixel worker and by
// scripts/validate/footMotion.ts. A foot on a treadmill belt moves backwards with the belt; the pose model's far-foot
// points wander where the near leg hides them, but the pixels around them still move with the foot. For every pair
// of consecutive frames, the patch around each foot's points (labelled as the pose model labelled them: the analysis
// repairs leg labels and swaps this with them) is matched in the next frame. Frames are matched to the pose track by
// presentation time; coordinates go in and out in displayed-video pixels (the matching works in decoded pixels).
// The still background beside and above the runner is matched too: its motion is the camera's (a hand-held phone),
// which the analysis takes out of the track (src/analysis/steadyCamera.ts).
import { performance } from 'node:perf_hooks';
import { legLengthPx } from '../../analysis/gait/bodyGeometry';
import { frameRateOf, median } from '../../analysis/signal/subFrame';
import type { FootMotion, FootMotionSeries, PoseTrack, RgbFrame, Side } from '../../shared/contract';
import { blur121, rgbToGray, type GrayImage, type Rect } from '../pixels/grayImage';
import { PixelWorkerError } from '../pixels/runPixelWorker';
import { trackFrameOf } from '../pixels/trackFrameOf';
import { backgroundRects, bestBackground, MAX_CAMERA_LEG_PER_SEC } from './backgroundPatches';
import { matchPatch, type PatchMatch } from './blockMatch';
import { FOOT_PARTS, footPartRect, MAX_DX_LEG_PER_SEC, MAX_DY_LEG_PER_SEC, type FootPart } from './footPatch';

export interface FootMotionInput {
  frames: AsyncIterable<RgbFrame>;
  track: PoseTrack;
  signal?: AbortSignal;
  onFrame?: (framesDone: number) => void;
}

type PatchKey = `${Side}.${FootPart}`;
interface Held { index: number; gray: GrayImage; patches: Partial<Record<PatchKey, Rect>>; background: Rect[] }

/**
 * Background matches this alike count (ZNCC): a still wall or door matches its next frame at 0.95 and more; a patch
 * with no texture but the sensor's noise, or with something moving in it, matches far worse.
 */
const MIN_BACKGROUND_NCC = 0.9;
/** Background patches that must agree for a camera motion to be read between two frames (their median). */
const MIN_BACKGROUND_PATCHES = 3;

/** The camera's motion between two frames: the median of the background patches that matched well, or null. */
function cameraMotionOf(matches: readonly (PatchMatch | null)[]): PatchMatch | null {
  const good = matches.filter((m): m is PatchMatch => m !== null && m.ncc >= MIN_BACKGROUND_NCC);
  if (good.length < MIN_BACKGROUND_PATCHES) return null;
  return { dxPx: median(good.map((m) => m.dxPx)), dyPx: median(good.map((m) => m.dyPx)), ncc: median(good.map((m) => m.ncc)) };
}

const SIDES: readonly Side[] = ['left', 'right'];

function emptySeries(n: number): FootMotionSeries {
  return { dxPx: new Array<number>(n).fill(Number.NaN), dyPx: new Array<number>(n).fill(Number.NaN), ncc: new Array<number>(n).fill(Number.NaN) };
}

function scaleRect(r: Rect, k: number): Rect {
  return { x: r.x * k, y: r.y * k, width: r.width * k, height: r.height * k };
}

/** Smallest rectangle holding all of `rects`, grown by (mx, my). */
function cover(rects: Rect[], mx: number, my: number): Rect {
  const x0 = Math.min(...rects.map((r) => r.x)) - mx;
  const y0 = Math.min(...rects.map((r) => r.y)) - my;
  const x1 = Math.max(...rects.map((r) => r.x + r.width)) + mx;
  const y1 = Math.max(...rects.map((r) => r.y + r.height)) + my;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export async function runFootMotion(input: FootMotionInput): Promise<FootMotion> {
  const { track } = input;
  const n = track.timesSec.length;
  const parts = () => ({ heel: emptySeries(n), toe: emptySeries(n) });
  const out: FootMotion = { left: parts(), right: parts(), camera: emptySeries(n), patchWidthPx: Number.NaN, msPerFrame: 0 };
  const legPx = legLengthPx(track);
  const fps = frameRateOf(track.timesSec);
  if (!(legPx > 0) || !(fps > 0)) return out;
  const dt = 1 / fps;
  const widths: number[] = [];
  let held: Held | null = null;
  let framesSeen = 0, matchMs = 0, measured = 0;
  for await (const frame of input.frames) {
    if (input.signal?.aborted) throw new PixelWorkerError('ABORTED', 'Cancelled.');
    framesSeen++;
    input.onFrame?.(framesSeen);
    const i = trackFrameOf(track.timesSec, frame.timeSec, 0.5 * dt + 1e-6);
    if (i < 0) { held = null; continue; }
    const t0 = performance.now();
    const k = 1 / frame.scaleToDisplay; // display → decoded pixels
    const maxDx = (MAX_DX_LEG_PER_SEC * legPx * k) / fps;
    const maxDy = (MAX_DY_LEG_PER_SEC * legPx * k) / fps;
    const maxCamera = (MAX_CAMERA_LEG_PER_SEC * legPx * k) / fps;
    const background = backgroundRects(track, i, legPx).map((r) => scaleRect(r, k));
    const patches: Partial<Record<PatchKey, Rect>> = {};
    for (const side of SIDES) {
      for (const part of FOOT_PARTS) {
        const r = footPartRect(track, side, part, i, legPx);
        if (r) { patches[`${side}.${part}`] = scaleRect(r, k); widths.push(r.width); }
      }
    }
    // Grey only where it is read: this frame's foot and background patches (matched in the next frame), and where the
    // previous frame's can have moved to (searched here). One pixel more for the blur's edge.
    const mine = [...Object.values(patches), ...background];
    const follows = held !== null && held.index === i - 1;
    const theirs = follows ? Object.values(held!.patches) : [];
    const theirBackground = follows ? held!.background : [];
    const need = [...mine.map((r) => cover([r], 1, 1)), ...theirs.map((r) => cover([r], maxDx + 3, maxDy + 3)),
      ...theirBackground.map((r) => cover([r], maxCamera + 3, maxCamera + 3))];
    if (need.length === 0) { held = null; continue; }
    const gray = blur121(rgbToGray(frame, cover(need, 0, 0)));
    if (held && held.index === i - 1) {
      for (const side of SIDES) for (const part of FOOT_PARTS) {
        const r = held.patches[`${side}.${part}`];
        if (!r) continue;
        const m = matchPatch(held.gray, gray, r, maxDx, maxDy);
        if (!m) continue;
        const s = out[side][part];
        s.dxPx[i - 1] = m.dxPx * frame.scaleToDisplay;
        s.dyPx[i - 1] = m.dyPx * frame.scaleToDisplay;
        s.ncc[i - 1] = m.ncc;
      }
      const pinned = bestBackground(held.gray, held.background);
      const camera = cameraMotionOf(pinned.map((r) => matchPatch(held!.gray, gray, r, maxCamera, maxCamera)));
      if (camera && out.camera) {
        out.camera.dxPx[i - 1] = camera.dxPx * frame.scaleToDisplay;
        out.camera.dyPx[i - 1] = camera.dyPx * frame.scaleToDisplay;
        out.camera.ncc[i - 1] = camera.ncc;
      }
      measured++;
    }
    held = { index: i, gray, patches, background };
    matchMs += performance.now() - t0;
  }
  out.patchWidthPx = widths.length ? median(widths) : Number.NaN;
  out.msPerFrame = measured ? matchMs / measured : 0;
  return out;
}
