// A hand-held camera's motion taken out before the feet are timed (src/analysis/steadyCamera.ts): a synthetic run
// with known events, filmed by a camera that sways as a hand holds it (the picture moves by tens of pixels at 0.7–6 Hz,
// as the shaken clips of README "Accuracy"), with that motion measured as the pixel stage measures it.
import { describe, expect, it } from 'vitest';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { cameraShake, SHAKE_MIN_LEG_PER_SEC, steadyCamera } from '../../src/analysis/steadyCamera';
import type { FootMotion, FootMotionSeries, GaitEvent, PoseTrack } from '../../src/analysis/types';
import { generateRun, type TrueEvent } from './synthetic/generateRun';

const FPS = 60;
/** Where the hand has moved the picture at time t, px (x right, y down). */
const sway = (t: number): { x: number; y: number } => ({
  x: 18 * Math.sin(2 * Math.PI * 0.7 * t) + 8 * Math.sin(2 * Math.PI * 2.3 * t + 1) + 3 * Math.sin(2 * Math.PI * 6.1 * t + 2),
  y: 14 * Math.sin(2 * Math.PI * 0.9 * t + 0.5) + 8 * Math.sin(2 * Math.PI * 1.9 * t + 2) + 3 * Math.sin(2 * Math.PI * 7.3 * t),
});

const series = (n: number, f: (i: number) => number): FootMotionSeries => ({
  dxPx: Array.from({ length: n }, (_, i) => f(i)), dyPx: Array.from({ length: n }, (_, i) => f(i)), ncc: Array.from({ length: n }, () => 0.97),
});

/** The track as a swaying camera films it, with the picture's motion per frame pair as the pixel stage reads it. */
function filmedByHand(track: PoseTrack, gain = 1, measured: (i: number) => boolean = () => true): PoseTrack {
  const n = track.timesSec.length;
  const at = (i: number): { x: number; y: number } => {
    const s = sway(track.timesSec[i] as number);
    return { x: gain * s.x, y: gain * s.y };
  };
  const keypoints: PoseTrack['keypoints'] = {};
  for (const [name, kp] of Object.entries(track.keypoints)) {
    keypoints[name] = { x: kp.x.map((v, i) => v + at(i).x), y: kp.y.map((v, i) => v + at(i).y), score: kp.score };
  }
  const move = (i: number, axis: 'x' | 'y'): number => (i < n - 1 && measured(i) ? at(i + 1)[axis] - at(i)[axis] : Number.NaN);
  const camera: FootMotionSeries = {
    dxPx: Array.from({ length: n }, (_, i) => move(i, 'x')),
    dyPx: Array.from({ length: n }, (_, i) => move(i, 'y')),
    ncc: Array.from({ length: n }, () => 0.97),
  };
  const still = series(n, () => Number.NaN);
  const footMotion: FootMotion = { left: { heel: still, toe: still }, right: { heel: still, toe: still }, camera, patchWidthPx: 20, msPerFrame: 1 };
  return { ...track, keypoints, footMotion };
}

/** Mean and largest |detected − true| (ms) over the events matched within 60 ms. */
function timingErrorMs(events: readonly GaitEvent[], truth: readonly TrueEvent[]): { mean: number; worst: number; matched: number } {
  const errs: number[] = [];
  for (const t of truth) {
    const d = events.filter((e) => e.side === t.side && e.type === t.type).map((e) => e.timeSec - t.timeSec);
    const best = d.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a), Number.POSITIVE_INFINITY);
    if (Math.abs(best) < 0.06) errs.push(Math.abs(best) * 1000);
  }
  return { mean: errs.reduce((a, b) => a + b, 0) / errs.length, worst: Math.max(...errs), matched: errs.length };
}

describe('steadyCamera', () => {
  const run = generateRun({ fps: FPS, durationSec: 12, view: 'side', beltSpeedMps: 3.3 });

  it('takes the camera\'s motion out of every point, to a constant', () => {
    const shaken = filmedByHand(run.track);
    const { track, steadied, shake } = steadyCamera(shaken);
    expect(steadied).toBe(true);
    expect(shake!.measuredShare).toBe(1);
    expect(shake!.speedLegPerSec).toBeGreaterThan(5 * SHAKE_MIN_LEG_PER_SEC);
    const diff = (name: string, i: number): number => (track.keypoints[name]!.x[i] as number) - (run.track.keypoints[name]!.x[i] as number);
    const offset = diff('left_hip', 0);
    for (const name of ['left_hip', 'right_foot_index']) {
      for (let i = 0; i < run.track.timesSec.length; i += 37) expect(diff(name, i)).toBeCloseTo(offset, 6);
    }
  });

  it('times the feet of a hand-held clip as a tripod would have, and says the camera moved', () => {
    const tripod = findGaitEvents(run.track, { view: 'auto' });
    const shaken = filmedByHand(run.track);
    const withCamera = findGaitEvents(shaken, { view: 'auto' });
    const { footMotion: _m, ...unmeasured } = shaken;
    const without = findGaitEvents(unmeasured, { view: 'auto' });
    const e0 = timingErrorMs(tripod.events, run.events);
    const e1 = timingErrorMs(withCamera.events, run.events);
    const e2 = timingErrorMs(without.events, run.events);
    expect(e1.matched).toBe(e0.matched);
    expect(e1.mean).toBeCloseTo(e0.mean, 1);
    // without the camera's motion the same clip is timed worse: the sway is in every foot's speed and height
    expect(e2.mean).toBeGreaterThan(e0.mean + 1);
    expect(withCamera.warnings.some((w) => w.startsWith('The camera moved during the clip'))).toBe(true);
    expect(without.warnings.some((w) => w.startsWith('The camera moved'))).toBe(false);
  });

  it('leaves a still camera\'s track as it is (its matching noise is no motion)', () => {
    const still = filmedByHand(run.track, 0.02); // well under a pixel: a tripod's matching noise
    const r = steadyCamera(still);
    expect(r.steadied).toBe(false);
    expect(r.track).toBe(still);
    expect(r.shake!.speedLegPerSec).toBeLessThan(SHAKE_MIN_LEG_PER_SEC);
  });

  it('does not steady a clip whose camera motion was read on under half of the frames (the clip cannot tell)', () => {
    const sparse = filmedByHand(run.track, 1, (i) => i % 3 === 0);
    expect(cameraShake(sparse)).toBeNull();
    expect(steadyCamera(sparse).steadied).toBe(false);
  });

  it('takes the camera\'s motion out of the feet\'s own pixel motion too', () => {
    const shaken = filmedByHand(run.track);
    const n = shaken.timesSec.length;
    const feet = series(n, () => -12); // a foot moving back at 12 px a frame in the picture
    const track: PoseTrack = { ...shaken, footMotion: { ...shaken.footMotion!, left: { heel: feet, toe: feet } } };
    const out = steadyCamera(track).track.footMotion!;
    const cam = shaken.footMotion!.camera!;
    expect(out.left.heel.dxPx[10]).toBeCloseTo(-12 - (cam.dxPx[10] as number), 9);
    expect(out.left.heel.ncc[10]).toBe(0.97);
  });
});
