// The rear-view cases of issue 11 part 5 ("every step from behind"): the five RBDS rear keypoint CSVs at 30/60/120
// fps, clean and made harder (pose-like noise, label swaps, dropouts, lower foot scores), and the rendered RBDS008
// rear clip (exact joints, BlazePose full/heavy, and the real pipeline's saved track with pelvis marks).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeypointSeries, PoseTrack, Side } from '../../src/analysis/types';
import { gaussian, mulberry32 } from '../../tests/helpers/seededRandom';
import { perturbTrack } from '../../tests/analysis/synthetic/perturbTrack';
import { FIXTURES, loadCsvTrack, loadRbdsTrack, loadSyntheticJointTruth, posetrackPath, rbdsRates, rbdsTrials, renderedClips, storedPoseTrack } from './truthLoaders';

export interface TruthContact { side: Side; strikeSec: number; toeOffSec: number; hipDropDeg: number | null }

export interface RearCase {
  source: string; variant: string; trial: string; fps: number;
  track: () => PoseTrack;
  contacts: () => TruthContact[];
}

interface RbdsEventJson { side: Side; foot_strike_s: number; toe_off_s: number; hip_line_drop_midstance_rear2d_deg: number | null }

export function rbdsContacts(trial: string, shiftSec = 0): TruthContact[] {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { events: RbdsEventJson[] };
  return json.events.map((e) => ({ side: e.side, strikeSec: e.foot_strike_s - shiftSec, toeOffSec: e.toe_off_s - shiftSec, hipDropDeg: e.hip_line_drop_midstance_rear2d_deg }));
}

const FOOT = /_(ankle|heel|foot_index)$/;

/**
 * Pose-model-like foot error: a slowly wandering offset per foot point (white noise low-passed by a one-pole filter
 * of time constant tauSec, scaled to sdPx) plus white jitter. BlazePose's rear-view feet err 11–19 px median on the
 * rendered clip (fixtures/posetracks/README.md, 1 px ≈ 3 mm: 3–6 cm) and the error persists over several frames.
 */
export function poseLikeFeet(track: PoseTrack, o: { seed: number; sdM: number; jitterM: number; tauSec: number; pxPerM: number }): PoseTrack {
  const rand = mulberry32(o.seed);
  const n = track.timesSec.length;
  const dt = n > 1 ? ((track.timesSec[n - 1] as number) - (track.timesSec[0] as number)) / (n - 1) : 1 / 60;
  const a = Math.exp(-dt / o.tauSec);
  const wander = (): number[] => {
    const out: number[] = [];
    let v = 0;
    for (let i = 0; i < n; i++) { v = a * v + Math.sqrt(1 - a * a) * gaussian(rand); out.push(v); }
    return out;
  };
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, kp] of Object.entries(track.keypoints)) {
    if (!FOOT.test(name)) { keypoints[name] = kp; continue; }
    const wx = wander(); const wy = wander();
    const s = o.sdM * o.pxPerM; const j = o.jitterM * o.pxPerM;
    keypoints[name] = {
      x: kp.x.map((v, i) => v + s * (wx[i] as number) + j * gaussian(rand)),
      y: kp.y.map((v, i) => v + s * (wy[i] as number) + j * gaussian(rand)),
      score: [...kp.score],
    };
  }
  return { ...track, keypoints };
}

/** Foot points reported with low confidence (0.2–0.5, as BlazePose's occluded feet from behind). */
export function lowFootScores(track: PoseTrack, seed: number): PoseTrack {
  const rand = mulberry32(seed);
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) =>
    [name, FOOT.test(name) ? { ...kp, score: kp.score.map(() => 0.2 + 0.3 * rand()) } : kp]));
  return { ...track, keypoints };
}

/**
 * Feet that move less (slower running, a farther camera): each foot point's image height pulled towards its
 * on-belt level (its 90th percentile, y down) by `gain`, so swing lift and belt carry shrink alike.
 */
export function smallerFootMotion(track: PoseTrack, gain: number): PoseTrack {
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) => {
    if (!FOOT.test(name)) return [name, kp];
    const sorted = kp.y.filter(Number.isFinite).sort((a, b) => a - b);
    const level = sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 0;
    return [name, { ...kp, y: kp.y.map((v) => level + gain * (v - level)) }];
  }));
  return { ...track, keypoints };
}

/** Every `step`-th frame (a lower frame rate from the same run). */
export function decimate(track: PoseTrack, step: number): PoseTrack {
  const keep = (v: readonly number[]): number[] => v.filter((_, i) => i % step === 0);
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) => [name, { x: keep(kp.x), y: keep(kp.y), score: keep(kp.score) }]));
  return { ...track, timesSec: keep(track.timesSec), keypoints };
}

/** RBDS rear camera: ~500 px per metre at the runner (fixtures/rbds/README.md). */
const RBDS_PX_PER_M = 500;

export function rearCases(): RearCase[] {
  const cases: RearCase[] = [];
  for (const trial of rbdsTrials()) {
    for (const fps of rbdsRates(trial, 'rear')) {
      const base = { source: 'rbds', trial, fps, contacts: () => rbdsContacts(trial) };
      const clean = (): PoseTrack => loadRbdsTrack(trial, 'rear', fps);
      cases.push({ ...base, variant: 'clean', track: clean });
      // The damage of scripts/validate/events.ts (white noise, dropouts, swapped labels).
      cases.push({ ...base, variant: 'damage', track: () => perturbTrack(clean(), { seed: 7, noisePx: 3, dropoutFraction: 0.03, swapFraction: 0.09, swapRunMax: 4 }).track });
      // Pose-like: wandering foot offsets of 2 cm (τ 50 ms) and 0.5 cm jitter, low foot scores.
      const poseLike = (t: PoseTrack): PoseTrack => lowFootScores(poseLikeFeet(t, { seed: 11, sdM: 0.02, jitterM: 0.005, tauSec: 0.05, pxPerM: RBDS_PX_PER_M }), 3);
      cases.push({ ...base, variant: 'poselike', track: () => poseLike(clean()) });
      // The same noise on feet whose image motion is 60% of the real one (the feet "move less").
      cases.push({ ...base, variant: 'poselike+small', track: () => poseLike(smallerFootMotion(clean(), 0.6)) });
    }
  }
  for (const clip of renderedClips().filter((c) => c.view === 'rear')) {
    const base = { source: 'rendered', trial: clip.run, fps: clip.fps, contacts: (): TruthContact[] => rbdsContacts(clip.run, clip.t0Sec) };
    cases.push({ ...base, variant: 'joints', track: () => loadSyntheticJointTruth(clip) });
    for (const model of ['full', 'heavy'] as const) {
      const p = storedPoseTrack(clip.name, model);
      if (p) cases.push({ ...base, variant: `bp-${model}`, track: () => loadCsvTrack(p) });
    }
    const pt = posetrackPath(`${clip.name}.pelvis-track.json`);
    if (existsSync(pt)) {
      const saved = (): PoseTrack => JSON.parse(readFileSync(pt, 'utf8')) as PoseTrack;
      cases.push({ ...base, variant: 'bp-full+marks', track: saved });
      // Harder: the same at half the frame rate, and with 2 cm pose-like foot error on top of BlazePose's own (the
      // rendered camera's scale at the runner: focal length over its 4 m).
      cases.push({ ...base, variant: `bp+marks@${clip.fps / 2}`, fps: clip.fps / 2, track: () => decimate(saved(), 2) });
      cases.push({
        ...base, variant: 'bp+marks+noise',
        track: () => poseLikeFeet(saved(), { seed: 11, sdM: 0.02, jitterM: 0.005, tauSec: 0.05, pxPerM: 100 * clip.pxPerCm }),
      });
    }
  }
  return cases;
}
