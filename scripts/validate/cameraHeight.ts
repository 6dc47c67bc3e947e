// Why the near and far foot's toe-offs differ on the RBDS side view (issue 11 part 4): the side camera stands 0.9 m
// high and looks down on the feet (~12°), so a foot moving sideways changes its image height: image y ∝
// (camera height − point height) / depth. At push-off the RBDS001/RBDS002 feet move outwards at 0.16–0.29 m/s
// (rear view), the far foot away from the camera (it seems to rise sooner) and the near foot towards it (it seems to
// rise later): the toe-rise rule then times the far foot early and the near foot late, whatever its threshold.
// This script rebuilds every joint in 3D from the side and rear keypoints (both pinhole cameras are in truth.json),
// films it again from side cameras at other heights, and runs the unchanged event pipeline on each.
// Run: `npx tsx scripts/validate/cameraHeight.ts` (about 20 s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kneeFlexionDeg } from '../../src/analysis/jointAngles';
import { shankInclinationDeg } from '../../src/analysis/segmentAngles';
import { thighInclinationDeg } from '../../src/analysis/segmentAngles';
import type { KeypointSeries, PoseTrack } from '../../src/analysis/types';
import { runCase } from './events';
import { footBiasMisses } from './footBias';
import { FIXTURES, loadRbdsTrack, loadRbdsTruth, rbdsRates, rbdsTrials } from './truthLoaders';

interface Camera { centre_mm: [number, number, number]; f_px: number; cx: number; cy: number }

function cameras(trial: string): { side: Camera; rear: Camera } {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as { keypoints: { cameras: { side: Camera; rear: Camera } } };
  return json.keypoints.cameras;
}

/** Each joint in the lab frame (mm), frame by frame, rebuilt from the side and rear keypoints. */
interface Joints3d { side: PoseTrack; cam: { side: Camera; rear: Camera }; points: Record<string, { X: number[]; Y: number[]; Z: number[] }> }

function joints3d(trial: string, fps: number): Joints3d {
  const side = loadRbdsTrack(trial, 'side', fps);
  const rear = loadRbdsTrack(trial, 'rear', fps);
  const cam = cameras(trial);
  const [sx, sy, sz] = cam.side.centre_mm;
  const [rx, , rz] = cam.rear.centre_mm;
  const points: Joints3d['points'] = {};
  for (const [name, s] of Object.entries(side.keypoints)) {
    const r = rear.keypoints[name];
    if (!r) continue;
    const p = { X: [] as number[], Y: [] as number[], Z: [] as number[] };
    s.x.forEach((us, i) => {
      const a = (us - cam.side.cx) / cam.side.f_px;
      const b = ((r.x[i] as number) - cam.rear.cx) / cam.rear.f_px;
      // X = sx + a (sz − Z) and Z = rz + b (X − rx), solved together.
      const r1 = sx + a * sz;
      const r2 = rz - b * rx;
      const X = (r1 - a * r2) / (1 + a * b);
      const Z = (r2 + b * r1) / (1 + a * b);
      p.X.push(X);
      p.Z.push(Z);
      p.Y.push(sy - (((s.y[i] as number) - cam.side.cy) * (sz - Z)) / cam.side.f_px);
    });
    points[name] = p;
  }
  return { side, cam, points };
}

/**
 * The side track as a side camera `heightMm` above the ground would film it. Lab frame (truth.json `lab_frame`):
 * X forward, Y up, Z to the runner's right. The side camera looks along −Z with image right = +X, the rear camera
 * along +X with image right = +Z, both level; their two image x give X and Z, the side image y gives Y.
 */
export function refilmSide(trial: string, fps: number, heightMm: number): PoseTrack {
  const { side, cam, points } = joints3d(trial, fps);
  const [sx, , sz] = cam.side.centre_mm;
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, p] of Object.entries(points)) {
    const depth = p.Z.map((z) => sz - z);
    keypoints[name] = {
      x: p.X.map((X, i) => cam.side.cx + (cam.side.f_px * (X - sx)) / (depth[i] as number)),
      y: p.Y.map((Y, i) => cam.side.cy - (cam.side.f_px * (Y - heightMm)) / (depth[i] as number)),
      score: side.keypoints[name]?.score ?? [],
    };
  }
  return { ...side, keypoints, source: { kind: 'csv', name: `${trial} side refilmed at ${heightMm} mm` } };
}

/** The sagittal plane itself (orthographic X–Y, Z dropped): the angles a clinician means, for the angle table. */
function sagittalTrack(trial: string, fps: number): PoseTrack {
  const { side, points } = joints3d(trial, fps);
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, p] of Object.entries(points)) keypoints[name] = { x: p.X.map((X) => X / 2), y: p.Y.map((Y) => -Y / 2), score: side.keypoints[name]?.score ?? [] };
  return { ...side, keypoints, source: { kind: 'csv', name: `${trial} sagittal plane` } };
}

/**
 * Near-leg (right) angles read at the force-plate events, in a refilmed side view and in the sagittal plane: how much
 * the camera's height alone moves them (perspective), apart from any event timing.
 */
export function angleErrorsDeg(trial: string, heightMm: number): { knee: number; shank: number; thigh: number } {
  const fps = Math.max(...bothViewRates(trial)); // the finest the 3D joints can be rebuilt at (120 fps here)
  const filmed = refilmSide(trial, fps, heightMm);
  const plane = sagittalTrack(trial, fps);
  const events = loadRbdsTruth(trial).filter((e) => e.side === 'right');
  const strikes = events.filter((e) => e.type === 'footStrike').map((e) => e.timeSec);
  const toeOffs = events.filter((e) => e.type === 'toeOff').map((e) => e.timeSec);
  const meanDiff = (times: number[], read: (t: PoseTrack, at: number) => number): number => {
    const d = times.map((at) => read(filmed, at) - read(plane, at)).filter(Number.isFinite);
    return d.reduce((a, b) => a + b, 0) / d.length;
  };
  return {
    knee: meanDiff(strikes, (t, at) => kneeFlexionDeg(t, 'right', at)),
    shank: meanDiff(strikes, (t, at) => shankInclinationDeg(t, 'right', at, 1)),
    thigh: meanDiff(toeOffs, (t, at) => thighInclinationDeg(t, 'right', at, 1)),
  };
}

const HEIGHTS_MM = [900, 500, 100];

/** Frame rates of which a trial has both the side and the rear keypoints (the 3D joints are rebuilt from both). */
function bothViewRates(trial: string): number[] {
  const rear = rbdsRates(trial, 'rear');
  return rbdsRates(trial, 'side').filter((r) => rear.includes(r));
}

export function cameraHeightReport(log: (line: string) => void): void {
  log('RBDS side view refilmed from other camera heights (3D from side + rear keypoints), per-foot bias in ms (mean detected − truth):');
  log('trial        fps camera   FS L   FS R   TO L   TO R  TO L−R  C L−R  misses');
  const f = (v: number): string => v.toFixed(1).padStart(6);
  for (const trial of rbdsTrials()) {
    for (const fps of bothViewRates(trial).filter((r) => r >= 60)) { // the rates with a target
      for (const h of HEIGHTS_MM) {
        const r = runCase({ source: 'rbds', trial, fps, view: 'side', track: () => refilmSide(trial, fps, h), truth: () => loadRbdsTruth(trial) });
        const misses = footBiasMisses(r);
        log([trial.padEnd(12), String(fps).padStart(3), `${(h / 1000).toFixed(1)} m `, f(r.strikeBiasMs.left), f(r.strikeBiasMs.right), f(r.toeOffBiasMs.left), f(r.toeOffBiasMs.right),
          f(r.toeOffBiasMs.left - r.toeOffBiasMs.right), f(r.contactBiasMs.left - r.contactBiasMs.right), ` ${misses.length ? misses.join(', ') : 'met'}`].join(' '));
      }
    }
  }
  log('');
  log('The same refilms, near (right) leg angles at the force-plate events minus the sagittal-plane angle (perspective alone, °, 120 fps):');
  log('trial        camera  knee@strike  shank@strike  thigh@toe-off');
  for (const trial of rbdsTrials().filter((t) => bothViewRates(t).length > 0)) {
    for (const h of HEIGHTS_MM) {
      const e = angleErrorsDeg(trial, h);
      log([trial.padEnd(12), `${(h / 1000).toFixed(1)} m `, f(e.knee).padStart(11), f(e.shank).padStart(13), f(e.thigh).padStart(14)].join(' '));
    }
  }
}

if (process.argv[1]?.endsWith('cameraHeight.ts')) cameraHeightReport((line) => console.log(line));
