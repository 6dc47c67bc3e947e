// Rear-view mid-stance from the pelvis low (src/analysis/gait/pelvisLow.ts; issue 6 + issue 3): the unit rules on a
// synthetic pelvis, and the bound of issue 6 on the real pipeline's saved track of the rendered RBDS008 rear clip
// (BlazePose full + the pelvis tracker; fixtures/posetracks/README.md says how it was made).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { chooseMidStanceRule, midStanceSec, pelvisLowTimesSec } from '../../../src/analysis/gait/pelvisLow';
import type { PoseTrack, Side } from '../../../src/analysis/types';

const FPS = 60;
const STEP_SEC = 0.37;

/** A pelvis that bobs once per step (image y down: lowest = largest y) at the given times of its lows. */
function bobbingPelvis(firstLowSec: number, durationSec: number): PoseTrack {
  const timesSec = Array.from({ length: Math.round(durationSec * FPS) }, (_, i) => i / FPS);
  // Lows (largest y) at firstLowSec + k·step.
  const y = timesSec.map((t) => 300 + 12 * Math.cos((2 * Math.PI * (t - firstLowSec)) / STEP_SEC));
  const kp = (dx: number) => ({ x: timesSec.map(() => 320 + dx), y: [...y], score: timesSec.map(() => 0.9) });
  return { timesSec, width: 640, height: 360, keypoints: { left_hip: kp(-30), right_hip: kp(30) },
    source: { kind: 'csv', name: 'synthetic' } } as PoseTrack;
}

describe('pelvis lows and the mid-stance rule', () => {
  it('finds each pelvis low within 2 ms, between frames', () => {
    const firstLow = 0.2137;
    const lows = pelvisLowTimesSec(bobbingPelvis(firstLow, 3), STEP_SEC / 3);
    const expected = Array.from({ length: 8 }, (_, k) => firstLow + k * STEP_SEC).filter((t) => t < 2.9);
    expect(lows.length).toBe(expected.length);
    lows.forEach((t, k) => expect(Math.abs(t - (expected[k] as number))).toBeLessThan(0.002));
  });

  it('keeps the contact midpoint when the lows sit in the middle of contact, uses the low when the feet are mistimed', () => {
    const lows = Array.from({ length: 8 }, (_, k) => 0.3 + k * STEP_SEC);
    const contact = 0.245;
    // Good events: the low 5% of contact before the midpoint (as on RBDS force-plate events).
    const good = lows.map((l) => ({ strikeTimeSec: l + 0.05 * contact - contact / 2, toeOffTimeSec: l + 0.05 * contact + contact / 2 }));
    const ok = chooseMidStanceRule(good, lows, STEP_SEC / 2);
    expect(ok.rule).toBe('contactMidpoint');
    expect(ok.medianLowOffsetOfContact).toBeCloseTo(-0.05, 3);
    expect(midStanceSec(good[2]!.strikeTimeSec, good[2]!.toeOffTimeSec as number, ok, lows, STEP_SEC / 2)).toBeCloseTo(lows[2]! + 0.05 * contact, 6);
    // Events 90 ms early (rear-view BlazePose toes): mid-stance moves to the pelvis low.
    const early = good.map((s) => ({ strikeTimeSec: s.strikeTimeSec - 0.09, toeOffTimeSec: s.toeOffTimeSec - 0.09 }));
    const bad = chooseMidStanceRule(early, lows, STEP_SEC / 2);
    expect(bad.rule).toBe('pelvisLow');
    expect(midStanceSec(early[2]!.strikeTimeSec, early[2]!.toeOffTimeSec, bad, lows, STEP_SEC / 2)).toBeCloseTo(lows[2]!, 9);
    // No low near a stance: its midpoint moved by the clip's median offset (the feet's error is steady).
    expect(bad.medianLowOffsetOfContact).toBeCloseTo(-0.05 + 0.09 / contact, 6);
    expect(midStanceSec(5, 5.2, bad, lows, STEP_SEC / 2)).toBeCloseTo(5.1 + bad.medianLowOffsetOfContact * 0.2, 9);
    // Under the midpoint rule a stance without a low keeps its midpoint.
    expect(midStanceSec(5, 5.2, ok, lows, STEP_SEC / 2)).toBeCloseTo(5.1, 9);
  });

  it('no lows: the contact midpoint, and the offset is NaN', () => {
    const r = chooseMidStanceRule([{ strikeTimeSec: 1, toeOffTimeSec: 1.25 }, { strikeTimeSec: 1.4, toeOffTimeSec: null }], [], 0.18);
    expect(r.rule).toBe('contactMidpoint');
    expect(r.medianLowOffsetOfContact).toBeNaN();
  });
});

describe('hip drop through the real pipeline (saved track of RBDS008_T35_rear.mp4)', () => {
  const track = JSON.parse(readFileSync('fixtures/posetracks/RBDS008_T35_rear.pelvis-track.json', 'utf8')) as PoseTrack;
  const truth = JSON.parse(readFileSync('fixtures/rbds/RBDS008_T35/truth.json', 'utf8')) as {
    events: { side: Side; foot_strike_s: number; toe_off_s: number; hip_line_drop_midstance_rear2d_deg: number | null }[];
  };
  // Clip time = trial time − 2.0 s (fixtures/synthetic/README.md).
  const T0_SEC = 2.0;
  const first = track.timesSec[0] as number;
  const last = track.timesSec[track.timesSec.length - 1] as number;
  const truthMean = (side: Side): number => {
    const v = truth.events.filter((c) => c.side === side && c.foot_strike_s - T0_SEC >= first && c.toe_off_s - T0_SEC <= last)
      .flatMap((c) => (c.hip_line_drop_midstance_rear2d_deg !== null ? [c.hip_line_drop_midstance_rear2d_deg] : []));
    return v.reduce((a, b) => a + b, 0) / v.length;
  };

  it('per side within 1.5° of the truth and the left − right difference within 1° (issue 6)', () => {
    const r = analyseTrack(track, { view: 'auto' }, { path: 'RBDS008_T35_rear.mp4', fps: 30, durationSec: last - first, width: track.width, height: track.height });
    expect(r.view).toBe('rear');
    const left = r.metrics.hipDropDeg?.left as number;
    const right = r.metrics.hipDropDeg?.right as number;
    expect(Math.abs(left - truthMean('left'))).toBeLessThan(1.5);
    expect(Math.abs(right - truthMean('right'))).toBeLessThan(1.5);
    expect(Math.abs(left - right - (truthMean('left') - truthMean('right')))).toBeLessThan(1);
    // The rear-view feet are mistimed on this clip, so mid-stance came from the pelvis low, and the report says so.
    expect(r.method?.hipDropDeg).toMatch(/pelvis's lowest point/);
  });
});
