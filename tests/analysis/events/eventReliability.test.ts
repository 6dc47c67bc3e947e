// Per-foot timing reliability measured on the clip (src/analysis/gait/eventReliability.ts): a foot the pose model
// does not see is not compared and the verdict says which and how to film it; independent rules that disagree
// between the feet widen the bound; exact joint centres keep the floor.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { findGaitEvents } from '../../../src/analysis/findGaitEvents';
import { givenTimingReliability, timingFloorSec } from '../../../src/analysis/gait/eventReliability';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import type { PoseTrack } from '../../../src/analysis/types';
import { loadRtmposeTrack } from '../../../scripts/validate/truthLoaders';

const rbds = (): PoseTrack => parseKeypointCsv(readFileSync('fixtures/rbds/RBDS008_T35/keypoints_side_60fps.csv', 'utf8'), { name: 'RBDS008_T35_side', width: 1920, height: 1080 });
const meta = (t: PoseTrack, fps: number) => ({ path: 'clip', fps, durationSec: (t.timesSec.at(-1) as number) - (t.timesSec[0] as number), width: t.width, height: t.height });

describe('eventReliability', () => {
  it('keeps the floor max(5 ms, half a frame) on exact joint centres, whose rules agree between the feet', () => {
    const timing = findGaitEvents(rbds(), { view: 'auto' }).timing;
    expect(timing.basis).toBe('clip');
    // half a frame at the track's measured rate (the CSV's times are rounded to the µs)
    expect(timing.floorSec).toBeCloseTo(1 / 120, 5);
    // measured: Zeni offsets differ between the feet by 3.2 ms (strike) and 4.1 ms (toe-off) here
    expect(timing.betweenFeetSec.footStrike).toBeLessThan(0.010);
    expect(timing.betweenFeetSec.toeOff).toBeLessThan(0.010);
    for (const side of ['left', 'right'] as const) expect(timing.evidence[side].toeOff.hidden).toBe(false);
  });

  it('widens the toe-off bound beyond the floor where the Zeni offsets differ between the feet (demo clip, RTMPose)', () => {
    const track = loadRtmposeTrack();
    const timing = findGaitEvents(track, { view: 'auto' }).timing;
    expect(timing.floorSec).toBeCloseTo(timingFloorSec(30, true), 3);
    const l = timing.evidence.left.toeOff.zeniOffsetSec as number;
    const r = timing.evidence.right.toeOff.zeniOffsetSec as number;
    expect(Math.abs(l - r)).toBeGreaterThan(timing.floorSec);
    expect(timing.betweenFeetSec.toeOff).toBeCloseTo(Math.abs(l - r), 9);
  });

  it('does not compare a foot hidden behind the near leg, and says which foot, why and how to film it', () => {
    const t = rbds();
    // the far (left) foot of a runner facing image-right, seen by a pose model with low confidence throughout
    for (const p of ['heel', 'foot_index', 'ankle']) {
      const kp = t.keypoints[`left_${p}`]!;
      kp.score = kp.score.map(() => 0.2);
    }
    const r = analyseTrack(t, { view: 'auto' }, meta(t, 60));
    for (const id of ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct'] as const) {
      expect(r.flags.find((f) => f.metricId === id)).toBeUndefined();
    }
    expect(r.verdict?.[0]).toMatch(/^The left foot is hidden behind the near leg at (foot strike|toe-off) \(pose confidence 0\.20\).*Film a second clip from the runner's left/);
    expect(r.quality.warnings.some((w) => /left foot is hidden/.test(w))).toBe(true);
    expect(r.timing?.evidence.left.toeOff.hidden).toBe(true);
    expect(r.timing?.evidence.right.toeOff.hidden).toBe(false);
  });

  it('gives events from outside (force plates, hand corrections) the resolution floor only', () => {
    const g = givenTimingReliability(120);
    expect(g.basis).toBe('given');
    expect(g.betweenFeetSec).toEqual({ footStrike: 0.005, toeOff: 0.005 });
  });
});
