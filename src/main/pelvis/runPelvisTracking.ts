// The pelvis tracker over a stream of decoded frames (issue 6): used by the worker and by
// scripts/validate-pelvis.ts. Frames are matched to the pose track by presentation time; coordinates go in and
// out in displayed-video pixels (the tracker itself works in decoded pixels).
import { performance } from 'node:perf_hooks';
import type { PelvisTrackingInfo, PoseTrack, RgbFrame } from '../../shared/contract';
import { blur121, gradients, rgbToGray, type Rect } from '../pixels/grayImage';
import { findHorizon } from './findHorizon';
import { findTapeMarks } from './findTapeMarks';
import { trackFrameOf } from '../pixels/trackFrameOf';
import { hipFrames, medianHipWidth, pelvisArea, runnerBox } from './hipSeries';
import { PelvisError } from './pelvisErrors';
import type { PelvisSeeds } from './pelvisSeeds';
import { PelvisTracker } from './pelvisTracker';

export interface MarkSeries {
  x: number[];
  y: number[];
  score: number[];
}

export interface PelvisRunResult {
  left: MarkSeries;
  right: MarkSeries;
  info: PelvisTrackingInfo;
  /** Diagnostics for the validate script and the report's method note. */
  zeroOffsetDeg: number;
  symmetrySamples: number;
  reacquired: number;
}

export interface PelvisRunInput {
  frames: AsyncIterable<RgbFrame>;
  track: PoseTrack;
  /** Explicit seeds in display pixels on the first tracked frame; 'auto' finds tape marks or uses the hips. */
  marks: 'auto' | PelvisSeeds;
  signal?: AbortSignal;
  onFrame?: (framesDone: number) => void;
}

const HORIZON_SAMPLES = 5;

function scaleSeeds(s: PelvisSeeds, k: number): PelvisSeeds {
  return { left: { x: s.left.x * k, y: s.left.y * k }, right: { x: s.right.x * k, y: s.right.y * k } };
}
function scaleRect(r: Rect, k: number): Rect {
  return { x: r.x * k, y: r.y * k, width: r.width * k, height: r.height * k };
}
function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

export async function runPelvisTracking(input: PelvisRunInput): Promise<PelvisRunResult> {
  const { track } = input;
  const hips = hipFrames(track);
  const n = track.timesSec.length;
  const explicit = input.marks === 'auto' ? null : input.marks;
  const hipW = explicit ? Math.hypot(explicit.right.x - explicit.left.x, explicit.right.y - explicit.left.y) : medianHipWidth(hips);
  if (!(hipW > 4)) {
    throw explicit
      ? new PelvisError('PELVIS_BAD_SEEDS', 'The two pelvis marks are too close together to track a line between them.')
      : new PelvisError('PELVIS_NO_HIPS', 'The pose track has no frame with both hips, so there is nothing to seed the pelvis tracker.');
  }
  const area = pelvisArea(hips, explicit, 1.5 * hipW); // where tape marks are looked for
  const dt = n > 1 ? ((track.timesSec[n - 1] as number) - (track.timesSec[0] as number)) / (n - 1) : 1;
  const out = {
    left: { x: new Array<number>(n).fill(NaN), y: new Array<number>(n).fill(NaN), score: new Array<number>(n).fill(0) },
    right: { x: new Array<number>(n).fill(NaN), y: new Array<number>(n).fill(NaN), score: new Array<number>(n).fill(0) },
  };
  let tracker: PelvisTracker | null = null;
  let method: PelvisTrackingInfo['method'] = explicit ? 'explicit-seeds' : 'pelvis-region';
  const horizons: number[] = [];
  const trackIndexOfFrame: number[] = [];
  let trackMs = 0, framesSeen = 0, frameNumber = 0, displayScale = 1;
  for await (const frame of input.frames) {
    if (input.signal?.aborted) throw new PelvisError('ABORTED', 'Cancelled.');
    const i = trackFrameOf(track.timesSec, frame.timeSec, 0.5 * dt + 1e-6);
    framesSeen++;
    input.onFrame?.(framesSeen);
    if (i < 0 || !area) continue;
    displayScale = frame.scaleToDisplay;
    const k = 1 / displayScale; // display → decoded pixels
    const t0 = performance.now();
    const h = hips[i]?.hips ?? null;
    const hipsDecoded = h ? scaleSeeds(h, k) : null;
    if (horizons.length < HORIZON_SAMPLES && h && frameNumber % 30 === 0) {
      const runner = runnerBox(track, i);
      const hz = findHorizon(rgbToGray(frame), Math.max(h.left.y, h.right.y) * k, runner ? scaleRect(runner, k) : null);
      if (hz) horizons.push(hz.angleDeg);
    }
    if (!tracker) {
      if (!explicit && !hipsDecoded) continue;
      let seeds: PelvisSeeds | undefined = explicit ? scaleSeeds(explicit, k) : undefined;
      if (!seeds && hipsDecoded) {
        const tape = findTapeMarks(rgbToGray(frame, scaleRect(area, k)), hipsDecoded);
        if (tape) { seeds = tape; method = 'tape-marks'; }
      }
      tracker = new PelvisTracker(seeds ? { seeds, refineTape: method === 'tape-marks' } : {});
    }
    const roi = tracker.regionOfInterest(hipsDecoded);
    if (!roi) { trackIndexOfFrame.push(i); tracker.skip(); frameNumber++; continue; }
    const img = blur121(rgbToGray(frame, roi));
    tracker.push({ ...img, ...gradients(img) }, hipsDecoded, frameNumber++);
    trackIndexOfFrame.push(i);
    trackMs += performance.now() - t0;
  }
  if (!tracker) throw new PelvisError('PELVIS_NO_HIPS', 'No decoded frame had both hips to seed the pelvis tracker.');
  const res = tracker.finish();
  let tracked = 0;
  res.marks.forEach((m, j) => {
    const i = trackIndexOfFrame[j] as number;
    if (!(m.score > 0)) return;
    tracked++;
    // Back to display pixels: the decoded scale is the same for every frame of one decode.
    out.left.x[i] = m.left.x * displayScale; out.left.y[i] = m.left.y * displayScale; out.left.score[i] = m.score;
    out.right.x[i] = m.right.x * displayScale; out.right.y[i] = m.right.y * displayScale; out.right.score[i] = m.score;
  });
  if (tracked === 0) throw new PelvisError('PELVIS_NOT_TRACKED', 'The pelvis region could not be followed in any frame.');
  const horizonDeg = horizons.length ? median(horizons) : null;
  return {
    ...out,
    info: {
      method,
      zeroReference: res.zeroReference,
      horizonDeg,
      horizonReference: horizonDeg === null ? 'none' : 'scene-edge',
      framesTracked: tracked,
      framesTotal: n,
      msPerFrame: frameNumber ? trackMs / frameNumber : 0,
    },
    zeroOffsetDeg: res.zeroOffsetDeg,
    symmetrySamples: res.symmetrySamples,
    reacquired: res.reacquired,
  };
}
