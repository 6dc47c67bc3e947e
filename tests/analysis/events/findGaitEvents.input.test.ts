// Bad or thin input: a typed error or plain warnings, never a crash (common brief).
import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../../src/analysis/analysisError';
import { findGaitEvents } from '../../../src/analysis/findGaitEvents';
import type { PoseTrack } from '../../../src/analysis/types';
import { generateRun } from '../synthetic/generateRun';

const base = { width: 10, height: 10, source: { kind: 'csv' as const, name: 't' } };

describe('findGaitEvents input handling', () => {
  it('refuses a track without a frame rate with a typed error', () => {
    const one: PoseTrack = { ...base, timesSec: [0], keypoints: { left_ankle: { x: [1], y: [1], score: [1] } } };
    expect(() => findGaitEvents(one, { view: 'auto' })).toThrow(AnalysisError);
    try { findGaitEvents(one, { view: 'auto' }); } catch (e) { expect((e as AnalysisError).code).toBe('TRACK_INVALID'); }
  });

  it('survives tiny tracks and tracks with no points seen, and says why nothing was found', () => {
    const tiny: PoseTrack = { ...base, timesSec: [0, 0.033, 0.067], keypoints: { left_ankle: { x: [1, 2, 3], y: [1, 1, 1], score: [1, 1, 1] } } };
    expect(findGaitEvents(tiny, { view: 'auto' }).events).toEqual([]);
    const run = generateRun({ fps: 30, durationSec: 4, view: 'side' });
    const blind = { ...run.track, keypoints: Object.fromEntries(Object.entries(run.track.keypoints).map(([k, v]) => [k, { x: v.x.map(() => Number.NaN), y: v.y.map(() => Number.NaN), score: v.score.map(() => 0) }])) };
    const r = findGaitEvents(blind, { view: 'auto' });
    expect(r.events).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/left foot is not seen in 100%/);
  });

  it('works from ankles alone (a model without heel and toe points)', () => {
    const run = generateRun({ fps: 60, durationSec: 6, view: 'side' });
    const keypoints = Object.fromEntries(Object.entries(run.track.keypoints).filter(([k]) => !/heel|foot_index/.test(k)));
    const r = findGaitEvents({ ...run.track, keypoints }, { view: 'auto' });
    expect(r.events.length).toBeGreaterThan(20);
    for (const e of r.events) {
      const t = run.events.filter((x) => x.type === e.type).reduce((b, x) => (Math.abs(x.timeSec - e.timeSec) < Math.abs(b.timeSec - e.timeSec) ? x : b));
      expect(t.side).toBe(e.side);
      // the ankle rises before the toe leaves: coarser timing, but on the right foot
      expect(Math.abs(t.timeSec - e.timeSec)).toBeLessThan(0.08);
    }
  });
});

describe('findGaitEvents quality warnings', () => {
  it('says so when the runner moves across the picture instead of running on a treadmill', () => {
    const run = generateRun({ fps: 30, durationSec: 4, view: 'side' });
    const keypoints = Object.fromEntries(Object.entries(run.track.keypoints).map(([k, v]) => [k, { ...v, x: v.x.map((x, i) => x + 400 * run.track.timesSec[i]!) }]));
    const r = findGaitEvents({ ...run.track, keypoints }, { view: 'auto' });
    expect(r.warnings.join(' ')).toMatch(/moves across the picture/);
    const still = findGaitEvents(run.track, { view: 'auto' });
    expect(still.warnings.join(' ')).not.toMatch(/moves across the picture/);
  });
});
