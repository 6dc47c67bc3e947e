// The belt as a ruler (src/analysis/beltScale.ts): the image scale the belt speed gives, checked against the known
// camera of the RBDS projection and a synthetic runner, and refused where the footage cannot support it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleResult } from '../../src/analysis/assembleResult';
import { beltScale } from '../../src/analysis/beltScale';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { parseKeypointCsv } from '../../src/analysis/keypointCsv';
import type { PoseTrack } from '../../src/analysis/types';
import { generateRun } from './synthetic/generateRun';

const rbds = (trial: string, view: 'side' | 'rear', fps: number): PoseTrack =>
  parseKeypointCsv(readFileSync(`fixtures/rbds/${trial}/keypoints_${view}_${fps}fps.csv`, 'utf8'), { name: trial, width: 1920, height: 1080 });
const meta = (t: PoseTrack, fps: number) => ({ path: 'clip', fps, durationSec: (t.timesSec.at(-1) as number) - (t.timesSec[0] as number), width: t.width, height: t.height });

/** Every image x moved by `pxPerSec` × t: a camera panning across the scene. */
function panned(track: PoseTrack, pxPerSec: number): PoseTrack {
  const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) =>
    [name, { ...kp, x: kp.x.map((x, i) => x + pxPerSec * (track.timesSec[i] as number)) }]));
  return { ...track, keypoints };
}

describe('beltScale', () => {
  for (const [trial, speedMps] of [['RBDS001_T25', 2.5], ['RBDS008_T35', 3.5]] as const) {
    it(`${trial} side view: the belt gives the camera's 5 px/cm at the runner within 2%`, () => {
      const track = rbds(trial, 'side', 60);
      const g = findGaitEvents(track, { view: 'auto' });
      const r = beltScale(g.track, g.events, g.facing, speedMps);
      if (!r.ok) throw new Error(r.reason);
      expect(Math.abs(r.scale.pxPerCm / 5 - 1)).toBeLessThan(0.02);
      expect(r.scale.stances.left).toBeGreaterThan(20);
    });
  }

  it('rendered clip through BlazePose heavy: the badly tracked near foot is left out, scale within 3% of the camera\'s', () => {
    const track = parseKeypointCsv(readFileSync('fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv', 'utf8'), { name: 'rendered' });
    const g = findGaitEvents(track, { view: 'auto' });
    const r = beltScale(g.track, g.events, g.facing, 3.5);
    if (!r.ok) throw new Error(r.reason);
    // Camera: focal length 1333.3 px at 4 m from the runner's mid-plane (fixtures/synthetic/README.md) = 3.33 px/cm.
    expect(Math.abs(r.scale.pxPerCm / (1333.333 / 400) - 1)).toBeLessThan(0.03);
    expect(r.scale.from).toBe('left');
  });

  for (const facing of ['imageLeft', 'imageRight'] as const) {
    it(`synthetic runner facing ${facing}: scale within 1% and the pelvis's 4 cm bounce read in cm`, () => {
      const run = generateRun({ fps: 60, durationSec: 8, view: 'side', facing, beltSpeedMps: 3, pxPerM: 400 });
      const g = findGaitEvents(run.track, { view: 'auto' });
      const r = beltScale(g.track, g.events, g.facing, 3);
      if (!r.ok) throw new Error(r.reason);
      expect(Math.abs(r.scale.pxPerCm / 4 - 1)).toBeLessThan(0.01);
      const result = assembleResult(run.track, g, { view: 'auto', beltSpeedMps: 3 }, meta(run.track, 60));
      expect(result.metrics.verticalOscillationPx).toBeUndefined();
      for (const side of ['left', 'right'] as const) expect(result.metrics.verticalOscillationCm?.[side]).toBeCloseTo(4, 0);
      expect(result.metrics.verticalOscillationCm?.unit).toBe('cm');
      expect(result.method?.verticalOscillation).toMatch(/px\/cm from the belt/);
    });
  }

  it('a foot tracked badly (its belt speed wanders from stance to stance) is left out; the steady one gives the scale', () => {
    const run = generateRun({ fps: 60, durationSec: 8, view: 'side', beltSpeedMps: 3, pxPerM: 400 });
    const keypoints = { ...run.track.keypoints };
    for (const p of ['right_heel', 'right_foot_index']) {
      const kp = keypoints[p] as (typeof keypoints)[string];
      keypoints[p] = { ...kp, x: kp.x.map((x, i) => x + 40 * Math.sin(2 * Math.PI * 1.3 * (run.track.timesSec[i] as number))) };
    }
    const track = { ...run.track, keypoints };
    const g = findGaitEvents(track, { view: 'auto' });
    const r = beltScale(g.track, g.events, g.facing, 3);
    if (!r.ok) throw new Error(r.reason);
    expect(r.scale.spread.right).toBeGreaterThan(0.15);
    expect(r.scale.from).toBe('left');
    expect(Math.abs(r.scale.pxPerCm / 4 - 1)).toBeLessThan(0.01);
    const result = assembleResult(track, g, { view: 'auto', beltSpeedMps: 3 }, meta(track, 60));
    expect(result.method?.verticalOscillation).toMatch(/left foot alone: the other's stances disagree \(spread \d+%\)/);
  });

  it('refuses a panning camera (the hips travel) and keeps the bounce in px, saying why', () => {
    const run = generateRun({ fps: 60, durationSec: 8, view: 'side', beltSpeedMps: 3, pxPerM: 400 });
    const track = panned(run.track, 300);
    const g = findGaitEvents(track, { view: 'side' });
    expect(beltScale(g.track, g.events, g.facing, 3)).toEqual({ ok: false, reason: expect.stringMatching(/hips travel/) });
    const result = assembleResult(track, g, { view: 'side', beltSpeedMps: 3 }, meta(track, 60));
    expect(result.metrics.verticalOscillationCm).toBeUndefined();
    expect(result.metrics.verticalOscillationPx).toBeDefined();
    expect(result.method?.verticalOscillation).toMatch(/gave no scale because/);
  });

  it('gives no scale from behind, or from too few stances', () => {
    const rear = rbds('RBDS008_T35', 'rear', 60);
    const gr = findGaitEvents(rear, { view: 'auto' });
    expect(beltScale(gr.track, gr.events, gr.facing, 3.5)).toEqual({ ok: false, reason: expect.stringMatching(/side view/) });
    const run = generateRun({ fps: 60, durationSec: 8, view: 'side', beltSpeedMps: 3, pxPerM: 400 });
    const g = findGaitEvents(run.track, { view: 'auto' });
    const firstTwo = g.events.filter((e) => e.timeSec < (g.events.find((x) => x.side === 'right' && x.type === 'toeOff')?.timeSec ?? 0) + 0.5);
    const r = beltScale(g.track, firstTwo, g.facing, 3);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/stances could be read/) });
  });

  it('a belt speed in the wrong unit is caught: the runner\'s leg would come out too long or too short', () => {
    const track = rbds('RBDS008_T35', 'side', 60);
    const g = findGaitEvents(track, { view: 'auto' });
    const warn = (beltSpeedMps: number): string[] => assembleResult(track, g, { view: 'auto', beltSpeedMps }, meta(track, 60))
      .quality.warnings.filter((w) => /belt speed given/.test(w));
    expect(warn(3.5)).toEqual([]); // the real 12.6 km/h: hip to ankle ~80 cm
    expect(warn((12.6 * 1.609) / 3.6)).toEqual([expect.stringMatching(/hip-to-ankle length 12\d cm.*check the speed and its unit/)]); // 12.6 read as mph
    expect(warn(3.5 / 3.6)).toEqual([expect.stringMatching(/hip-to-ankle length 2\d cm/)]); // "3.5" meant m/s, entered as km/h
  });

  it('without a belt speed the bounce stays in px and the method says a belt speed would scale it', () => {
    const track = rbds('RBDS008_T35', 'side', 60);
    const g = findGaitEvents(track, { view: 'auto' });
    const result = assembleResult(track, g, { view: 'auto' }, meta(track, 60));
    expect(result.metrics.verticalOscillationCm).toBeUndefined();
    expect(result.metrics.verticalOscillationPx?.unit).toBe('px');
    expect(result.method?.verticalOscillation).toMatch(/give the belt speed/);
  });
});
