// Test helper: a side-view treadmill runner drawn from known events (runner faces image-right, y down, ~500 px/m).
// In stance the ankle moves backwards at belt speed (the treadmill belt rule of references.md), in swing it swings
// forward and lifts; knees by two-link inverse kinematics. Lets the whole pipeline be run on a known asymmetry.
import type { GaitEvent, KeypointSeries, PoseTrack, Side } from '../../../src/analysis/types';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';

export interface RunnerOptions {
  fps: number;
  durationSec: number;
  stepSec: number;
  contactSec: { left: number; right: number };
  beltPxPerSec?: number;
  noisePx?: number;
  seed?: number;
}

const THIGH = 230; const SHANK = 230; const HIP_TO_ANKLE_Y = 400; const LIFT = 110;

function kneeOf(hx: number, hy: number, ax: number, ay: number): [number, number] {
  const dx = ax - hx; const dy = ay - hy;
  const d = Math.min(Math.hypot(dx, dy), THIGH + SHANK - 1e-6);
  const ux = dx / Math.hypot(dx, dy); const uy = dy / Math.hypot(dx, dy);
  const p = (THIGH * THIGH - SHANK * SHANK + d * d) / (2 * d);
  const h = Math.sqrt(Math.max(0, THIGH * THIGH - p * p));
  return [hx + p * ux + h * uy, hy + p * uy - h * ux]; // knee bends forward (+x)
}

export function syntheticRunner(o: RunnerOptions): { track: PoseTrack; events: GaitEvent[] } {
  const v = o.beltPxPerSec ?? 1500;
  const stride = 2 * o.stepSec;
  const n = Math.round(o.durationSec * o.fps);
  const timesSec = Array.from({ length: n }, (_, i) => i / o.fps);
  const firstStrike: Record<Side, number> = { right: 0.1, left: 0.1 + o.stepSec };
  const events: GaitEvent[] = [];
  for (const side of ['left', 'right'] as const) {
    for (let ts = firstStrike[side]; ts + o.contactSec[side] < o.durationSec; ts += stride) {
      events.push({ side, type: 'footStrike', timeSec: ts, frame: Math.round(ts * o.fps) });
      events.push({ side, type: 'toeOff', timeSec: ts + o.contactSec[side], frame: Math.round((ts + o.contactSec[side]) * o.fps) });
    }
  }
  const rand = mulberry32(o.seed ?? 1);
  const noise = (): number => (o.noisePx ?? 0) * gaussian(rand);
  const series = (): KeypointSeries => ({ x: [], y: [], score: [] });
  const kp: Record<string, KeypointSeries> = {};
  for (const s of ['left', 'right']) for (const part of ['hip', 'knee', 'ankle', 'heel', 'foot_index']) kp[`${s}_${part}`] = series();
  const add = (name: string, x: number, y: number): void => {
    const k = kp[name] as KeypointSeries;
    k.x.push(x + noise()); k.y.push(y + noise()); k.score.push(0.9);
  };
  for (const t of timesSec) {
    // pelvis lowest at each mid-stance (twice per stride)
    const hipY = 300 + 15 * Math.cos((2 * Math.PI * (t - 0.1 - o.contactSec.right / 2)) / o.stepSec + Math.PI);
    const hipX = 900;
    for (const side of ['left', 'right'] as const) {
      const c = o.contactSec[side];
      const travel = v * c; const ahead = 0.4 * travel; const behind = travel - ahead;
      const phase = (((t - firstStrike[side]) % stride) + stride) % stride;
      let dx: number; let lift: number;
      if (phase < c) { dx = ahead - v * phase; lift = 0; } else {
        const w = (phase - c) / (stride - c);
        dx = -behind + travel * (1 - Math.cos(Math.PI * w)) / 2; lift = LIFT * Math.sin(Math.PI * w);
      }
      const ax = hipX + dx; const ay = hipY + HIP_TO_ANKLE_Y - lift - (hipY - 300); // ankle height set by the ground, not the hip
      const [kx, ky] = kneeOf(hipX, hipY, ax, ay);
      add(`${side}_hip`, hipX + (side === 'left' ? -4 : 4), hipY);
      add(`${side}_knee`, kx, ky);
      add(`${side}_ankle`, ax, ay);
      add(`${side}_heel`, ax - 30, ay + 25);
      add(`${side}_foot_index`, ax + 75, ay + 35 - (phase >= c ? 0 : 0));
    }
  }
  return {
    track: { timesSec, width: 1920, height: 1080, keypoints: kp, source: { kind: 'csv', name: 'synthetic-runner' } },
    events: events.sort((a, b) => a.timeSec - b.timeSec),
  };
}
