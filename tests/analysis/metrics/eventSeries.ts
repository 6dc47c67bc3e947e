// Test helper: alternating running events with known per-step timing, seeded noise and optional asymmetry.
import type { GaitEvent, PoseTrack, Side } from '../../../src/analysis/types';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';

export interface EventSeriesOptions {
  steps: number;
  contactMs: { left: number; right: number };
  stepMs: number;
  /** Per-event timing noise (sd, ms). */
  noiseMs?: number;
  seed?: number;
  fps?: number;
  startSec?: number;
}

export function eventSeries(o: EventSeriesOptions): GaitEvent[] {
  const rand = mulberry32(o.seed ?? 1);
  const fps = o.fps ?? 60;
  const out: GaitEvent[] = [];
  let t = o.startSec ?? 0.2;
  for (let k = 0; k < o.steps; k++) {
    const side: Side = k % 2 === 0 ? 'right' : 'left';
    const noise = (): number => ((o.noiseMs ?? 0) * gaussian(rand)) / 1000;
    const strike = t + noise();
    const toe = t + o.contactMs[side] / 1000 + noise();
    out.push({ side, type: 'footStrike', timeSec: strike, frame: Math.round(strike * fps) });
    out.push({ side, type: 'toeOff', timeSec: toe, frame: Math.round(toe * fps) });
    t += o.stepMs / 1000;
  }
  return out.sort((a, b) => a.timeSec - b.timeSec);
}

/** A still, level "runner" (hips, knees, ankles) so metric code that reads keypoints has something to read. */
export function stillTrack(durationSec: number, fps: number): PoseTrack {
  const n = Math.round(durationSec * fps);
  const timesSec = Array.from({ length: n }, (_, i) => i / fps);
  const constant = (x: number, y: number) => ({ x: timesSec.map(() => x), y: timesSec.map(() => y), score: timesSec.map(() => 1) });
  return {
    timesSec, width: 1280, height: 720,
    keypoints: {
      left_hip: constant(600, 300), right_hip: constant(640, 300), left_knee: constant(600, 450), right_knee: constant(640, 450),
      left_ankle: constant(600, 600), right_ankle: constant(640, 600),
    },
    source: { kind: 'csv', name: 'still' },
  };
}
