// Synthetic treadmill runs with KNOWN events (issue 3, "Synthetic: a generator in the tests"). Keypoints of a
// runner seen from the side or from behind, at any frame rate, with chosen contact times per side (asymmetry),
// hip drop per stance side, and — through perturbTrack — noise, dropouts and leg-label swaps.
//
// The foot kinematics near the events follow what the RBDS force-plate trials show for 2D keypoints (and what the
// detectors were calibrated on there, see scripts/validate/events.ts): the heel comes to rest in the image just
// before it touches down and is then snatched to belt speed (so at the strike its smoothed velocity is half the
// belt speed); the toe keypoint rises by about 1% of the leg length before toe-off as the foot rolls over the toe tip,
// then lifts fast. The generator therefore checks the machinery (sub-frame timing,
// filtering, frame rates, repair, cleaning, asymmetry), while the physics are checked against force plates.
import type { GaitEventType, KeypointSeries, PoseTrack, Side } from '../../../src/analysis/types';
import { perturbTrack, type Perturbation } from './perturbTrack';

export interface RunSpec {
  fps: number;
  durationSec: number;
  view: 'side' | 'rear';
  /** Side view only: which way the runner faces in the image (default imageRight: the camera sees the right side). */
  facing?: 'imageLeft' | 'imageRight';
  /** Strike to strike of the other foot (default 0.36 s ≈ 167 steps/min). */
  stepTimeSec?: number;
  contactSec?: { left: number; right: number };
  beltSpeedMps?: number;
  pxPerM?: number;
  /** Rear view: drop of the swing-side hip at mid-stance of each stance side, degrees (positive = swing side lower). */
  hipDropDeg?: { left: number; right: number };
  /** Time of a left foot strike (the pattern repeats from it both ways). */
  firstLeftStrikeSec?: number;
  /** Pose-model-like damage, applied after the clean series is made. */
  damage?: Perturbation;
}

export interface TrueEvent { side: Side; type: GaitEventType; timeSec: number }

export interface SyntheticRun {
  track: PoseTrack;
  /** Every event inside the clip, sorted by time. */
  events: TrueEvent[];
  stepTimeSec: number;
  contactSec: { left: number; right: number };
  swapped: boolean[];
}

const LEG_M = 0.9;

interface FootState { heelU: number; heelH: number; toeH: number }

/** Forward position (relative to the hip, px) and heights (px) of one foot at time t. */
function footAt(t: number, firstStrike: number, strideSec: number, contactSec: number, beltPx: number, legPx: number): FootState {
  const k = Math.floor((t - firstStrike) / strideSec);
  const ts = firstStrike + k * strideSec;
  const C = contactSec;
  const uStrike = 0.4 * beltPx * C;
  const footFlatSec = 0.05;
  const landToeH = 0.05 * legPx;
  const heelOffH = 0.06 * legPx;
  const toeRollH = 0.012 * legPx;
  const tau = t - ts;
  if (tau <= C) {
    const heelOff = 0.6 * C;
    const heelH = tau <= heelOff ? 0 : (heelOffH * (tau - heelOff)) / (C - heelOff);
    const toeH = tau < footFlatSec ? landToeH * (1 - tau / footFlatSec) : tau <= heelOff ? 0 : (toeRollH * (tau - heelOff)) / (C - heelOff);
    return { heelU: uStrike - beltPx * tau, heelH, toeH };
  }
  // Swing: velocity −belt at toe-off, 0 at the next strike, covering the stance travel back.
  const T = strideSec - C;
  const s = tau - C;
  const B = (Math.PI * beltPx * (C + 0.5 * T)) / (2 * T);
  const uOff = uStrike - beltPx * C;
  const heelU = uOff - beltPx * s + (0.5 * beltPx * s * s) / T + ((B * T) / Math.PI) * (1 - Math.cos((Math.PI * s) / T));
  const heelH = heelOffH * (1 - s / T) + 0.25 * legPx * Math.sin((Math.PI * s) / T);
  const toeH = toeRollH * (1 - s / T) + 0.2 * legPx * Math.sin((Math.PI * s) / T) + landToeH * (s / T);
  return { heelU, heelH, toeH };
}

function emptySeries(): KeypointSeries {
  return { x: [], y: [], score: [] };
}

export function generateRun(spec: RunSpec): SyntheticRun {
  const fps = spec.fps;
  const step = spec.stepTimeSec ?? 0.36;
  const stride = 2 * step;
  const contact = spec.contactSec ?? { left: 0.25, right: 0.25 };
  const pxPerM = spec.pxPerM ?? 500;
  const legPx = LEG_M * pxPerM;
  const beltPx = (spec.beltSpeedMps ?? 3) * pxPerM;
  const t0 = spec.firstLeftStrikeSec ?? 0.1;
  const strikeOf: Record<Side, number> = { left: t0, right: t0 + step };
  const n = Math.round(spec.durationSec * fps);
  const timesSec = Array.from({ length: n }, (_v, i) => i / fps);
  const names = ['hip', 'knee', 'ankle', 'heel', 'foot_index'];
  const keypoints: Record<string, KeypointSeries> = {};
  for (const side of ['left', 'right'] as Side[]) for (const p of names) keypoints[`${side}_${p}`] = emptySeries();
  const dir = spec.facing === 'imageLeft' ? -1 : 1;
  const nearSide: Side = spec.facing === 'imageLeft' ? 'left' : 'right';
  const cx = 960;
  const groundY = 900;
  const footLenPx = 0.2 * pxPerM;
  const hipHalfWidthPx = 0.09 * pxPerM;
  const drop = spec.hipDropDeg ?? { left: 0, right: 0 };

  for (let i = 0; i < n; i++) {
    const t = timesSec[i] as number;
    // Pelvis: lowest at mid-stance of either foot (two bounces per stride), 4 cm peak to peak.
    const hipH = 0.95 * legPx + 0.02 * pxPerM * Math.cos((2 * Math.PI * (t - t0 - 0.125)) / step);
    // Pelvic obliquity (rear view): during each stance the swing side drops, peaking at mid-stance.
    let obliquityDeg = 0;
    for (const side of ['left', 'right'] as Side[]) {
      const c = contact[side];
      const tau = (((t - strikeOf[side]) % stride) + stride) % stride;
      if (tau <= c) obliquityDeg += (side === 'left' ? 1 : -1) * drop[side] * Math.sin((Math.PI * tau) / c);
    }
    for (const side of ['left', 'right'] as Side[]) {
      const f = footAt(t, strikeOf[side], stride, contact[side], beltPx, legPx);
      const ankleU = f.heelU + 0.05 * legPx;
      const ankleH = f.heelH + 0.09 * legPx;
      const kneeU = 0.5 * ankleU + 0.1 * legPx;
      const kneeH = 0.5 * (hipH + ankleH);
      const put = (p: string, x: number, y: number, score: number): void => {
        const kp = keypoints[`${side}_${p}`] as KeypointSeries;
        kp.x.push(x);
        kp.y.push(y);
        kp.score.push(score);
      };
      if (spec.view === 'side') {
        // The far foot stands a little higher in the image (further away, camera above the belt).
        const g = groundY - (side === nearSide ? 0 : 12);
        const score = side === nearSide ? 0.95 : 0.8;
        put('hip', cx, g - hipH, score);
        put('knee', cx + dir * kneeU, g - kneeH, score);
        put('ankle', cx + dir * ankleU, g - ankleH, score);
        put('heel', cx + dir * f.heelU, g - f.heelH, score);
        put('foot_index', cx + dir * (f.heelU + footLenPx), g - f.toeH, score);
      } else {
        // From behind: the runner's right on the image right; forward (away from the camera) shows as higher.
        const lateral = (side === 'right' ? 1 : -1) * hipHalfWidthPx;
        const depthY = (u: number): number => groundY - 0.15 * u;
        const tilt = Math.tan((obliquityDeg * Math.PI) / 180) * hipHalfWidthPx;
        // Positive obliquity: left stance, right (swing) hip lower (larger y).
        const hipY = groundY - hipH + (side === 'right' ? tilt : -tilt);
        put('hip', cx + lateral, hipY, 0.95);
        put('knee', cx + lateral, depthY(kneeU) - kneeH, 0.95);
        put('ankle', cx + lateral * 0.9, depthY(ankleU) - ankleH, 0.95);
        put('heel', cx + lateral * 0.9, depthY(f.heelU) - f.heelH, 0.9);
        put('foot_index', cx + lateral * 0.9, depthY(f.heelU + footLenPx) - f.toeH, 0.9);
      }
    }
  }
  const events: TrueEvent[] = [];
  for (const side of ['left', 'right'] as Side[]) {
    for (let ts = strikeOf[side] - 4 * stride; ts < spec.durationSec; ts += stride) {
      const to = ts + contact[side];
      const last = timesSec[n - 1] as number;
      if (ts >= 0 && ts <= last) events.push({ side, type: 'footStrike', timeSec: ts });
      if (to >= 0 && to <= last) events.push({ side, type: 'toeOff', timeSec: to });
    }
  }
  events.sort((a, b) => a.timeSec - b.timeSec);
  let track: PoseTrack = {
    timesSec, width: 1920, height: 1080, keypoints, source: { kind: 'csv', name: `synthetic-${spec.view}-${fps}fps` },
  };
  let swapped = new Array<boolean>(n).fill(false);
  if (spec.damage) ({ track, swapped } = perturbTrack(track, spec.damage));
  return { track, events, stepTimeSec: step, contactSec: contact, swapped };
}
