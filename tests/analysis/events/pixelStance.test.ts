// The feet's own pixels as timing evidence (issue 11): stance read from synthetic foot-motion series with known
// contacts (gait/pixelStance.ts), and the reliability rule (gait/eventReliability.ts) on a track whose pixel stance
// agrees with its events, or is moved away from one foot's events.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findGaitEvents } from '../../../src/analysis/findGaitEvents';
import { hiddenFootReasons, measureTimingReliability, pixelLimitSec, pixelWanderLimitSec } from '../../../src/analysis/gait/eventReliability';
import { pixelStance } from '../../../src/analysis/gait/pixelStance';
import { swapFootMotion } from '../../../src/analysis/footMotionLabels';
import { formatKeypointCsv, parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { frameRateOf } from '../../../src/analysis/signal/subFrame';
import type { FootMotion, FootMotionSeries, GaitEvent, PoseTrack, Side } from '../../../src/analysis/types';

const BELT = 6; // px per frame, backward
const SWING = 9; // px per frame, forward

/** Motion of one part: per pair (i → i+1), the share of the interval spent on the belt sets its mean velocity; the
 *  part rises at 2 px/frame off the belt. `onBelt(t)` says whether it is on the belt at time t. */
function series(timesSec: number[], onBelt: (t: number) => boolean, backwardSign: number, wild: number[] = [], beltSlant = 0): FootMotionSeries {
  const n = timesSec.length;
  const s: FootMotionSeries = { dxPx: new Array(n).fill(NaN), dyPx: new Array(n).fill(NaN), ncc: new Array(n).fill(NaN) };
  for (let i = 0; i + 1 < n; i++) {
    const t0 = timesSec[i]!, t1 = timesSec[i + 1]!;
    let f = 0;
    for (let k = 0; k < 20; k++) f += onBelt(t0 + ((k + 0.5) / 20) * (t1 - t0)) ? 1 / 20 : 0;
    s.dxPx[i] = backwardSign * (f * BELT - (1 - f) * SWING);
    // a slanted belt carries the foot down (or up) the picture as it carries it back
    s.dyPx[i] = -(1 - f) * 2 + f * BELT * beltSlant;
    s.ncc[i] = 0.9;
  }
  for (const i of wild) { s.dxPx[i] = -backwardSign * 30; s.ncc[i] = 0.8; }
  return s;
}

const inAny = (spans: [number, number][]) => (t: number) => spans.some(([a, b]) => t >= a && t < b);

describe('pixelStance', () => {
  const fps = 60;
  const times = Array.from({ length: 240 }, (_v, i) => i / fps);
  // contacts of 0.25 s every 0.7 s; heel down from the strike to 60% of the contact, toe from 0.02 s after it to the toe-off
  const strikes = [0.113, 0.813, 1.513, 2.213, 2.913];
  const contacts = strikes.map((s) => [s, s + 0.25] as [number, number]);
  const heel = contacts.map(([a, b]) => [a, a + 0.6 * (b - a)] as [number, number]);
  const toe = contacts.map(([a, b]) => [a + 0.02, b] as [number, number]);
  const motion = (backwardSign: number, wild: number[] = [], beltSlant = 0): FootMotion => {
    const foot = { heel: series(times, inAny(heel), backwardSign, wild, beltSlant), toe: series(times, inAny(toe), backwardSign, wild, beltSlant) };
    return { left: foot, right: foot, patchWidthPx: 20, msPerFrame: 1 };
  };

  it('finds the belt speed and each contact\'s strike and toe-off to within a frame', () => {
    const p = pixelStance(motion(-1), 'left', times, 'imageRight');
    expect(p.beltPxPerSec).toBeCloseTo(BELT * fps, 0);
    expect(p.onsetsSec).toHaveLength(strikes.length);
    expect(p.endsSec).toHaveLength(strikes.length);
    p.onsetsSec.forEach((t, k) => expect(Math.abs(t - strikes[k]!)).toBeLessThan(1 / fps));
    p.endsSec.forEach((t, k) => expect(Math.abs(t - (strikes[k]! + 0.25))).toBeLessThan(1 / fps));
  });

  it('times a foot carried down a slanted belt as on a level one (the belt\'s own vertical motion is not a lift)', () => {
    const level = pixelStance(motion(-1), 'left', times, 'imageRight');
    // 15°: a phone looking down on a belt not square to it; the slant once hid every stance (plateau taken as level)
    for (const slant of [Math.tan((15 * Math.PI) / 180), -Math.tan((15 * Math.PI) / 180), Math.tan((6 * Math.PI) / 180)]) {
      const p = pixelStance(motion(-1, [], slant), 'left', times, 'imageRight');
      expect(p.onsetsSec).toHaveLength(strikes.length);
      expect(p.endsSec).toHaveLength(strikes.length);
      p.onsetsSec.forEach((t, k) => expect(Math.abs(t - level.onsetsSec[k]!)).toBeLessThan(0.1 / fps));
      p.endsSec.forEach((t, k) => expect(Math.abs(t - level.endsSec[k]!)).toBeLessThan(0.1 / fps));
    }
  });

  it('does not let the frame times\' rounding decide a stance of exactly the shortest length (0.1 s: 3 samples at 30 fps)', () => {
    const t30 = Array.from({ length: 90 }, (_v, i) => i / 30);
    const rounded = t30.map((t) => Math.round(t * 1e6) / 1e6); // a keypoint CSV keeps times to the µs
    // three ordinary stances, then one on the belt for exactly four frame intervals (samples 69–72, mids 0.1 s apart)
    const onBelt = inAny([[0.2, 0.5], [0.7, 1.0], [1.4, 1.7], [2.3, 2.4334]]);
    const m = (times: number[]): FootMotion => { const f = series(times, onBelt, -1); return { left: { heel: f, toe: f }, right: { heel: f, toe: f }, patchWidthPx: 20, msPerFrame: 1 }; };
    const exact = pixelStance(m(t30), 'left', t30, 'imageRight');
    const csv = pixelStance(m(rounded), 'left', rounded, 'imageRight');
    expect(exact.endsSec).toHaveLength(4);
    expect(csv.endsSec).toHaveLength(exact.endsSec.length);
  });

  it('reads backward from the facing direction: the wrong way round, swing is taken for the belt and nothing matches', () => {
    const p = pixelStance(motion(-1), 'left', times, 'imageLeft');
    const near = p.onsetsSec.filter((t) => strikes.some((s) => Math.abs(t - s) < 1 / fps));
    expect(near).toHaveLength(0);
  });

  it('does not split a stance at one spoiled frame (two wild samples of both parts: the near leg passing)', () => {
    const wildAt = Math.round((strikes[2]! + 0.05) * fps);
    const p = pixelStance(motion(-1, [wildAt, wildAt + 1]), 'left', times, 'imageRight');
    expect(p.onsetsSec).toHaveLength(strikes.length);
  });
});

describe('swapFootMotion', () => {
  it('exchanges left and right only at the swapped frames', () => {
    const s = (v: number): FootMotionSeries => ({ dxPx: [v, v, v], dyPx: [0, 0, 0], ncc: [1, 1, 1] });
    const m: FootMotion = { left: { heel: s(1), toe: s(1) }, right: { heel: s(2), toe: s(2) }, patchWidthPx: 1, msPerFrame: 0 };
    const t = { timesSec: [0, 1, 2], width: 1, height: 1, keypoints: {}, source: { kind: 'csv', name: 'x' }, footMotion: m } as PoseTrack;
    const out = swapFootMotion(t, (i) => i === 1)!;
    expect(out.left.toe.dxPx).toEqual([1, 2, 1]);
    expect(out.right.heel.dxPx).toEqual([2, 1, 2]);
  });
});

describe('pixel evidence in the timing reliability', () => {
  const track = parseKeypointCsv(readFileSync('fixtures/rbds/RBDS008_T35/keypoints_side_60fps.csv', 'utf8'), { name: 'RBDS008_T35_side', width: 1920, height: 1080 });
  const gait = findGaitEvents(track, { view: 'auto' });
  const fps = frameRateOf(track.timesSec); // 60 fps, times rounded to the µs
  const facing = gait.facing as 'imageLeft' | 'imageRight';
  const backwardSign = facing === 'imageRight' ? -1 : 1;
  /** Foot motion whose stance is each foot's detected contacts, the `shifted` foot's k-th toe-off moved by `shiftSec(k)`. */
  const motionFor = (events: readonly GaitEvent[], shifted: Side | null, shift: number | ((k: number) => number)): FootMotion => {
    const shiftSec = (k: number): number => (typeof shift === 'number' ? shift : shift(k));
    const foot = (side: Side) => {
      const own = events.filter((e) => e.side === side);
      const spans: [number, number][] = [];
      own.forEach((e, k) => {
        const next = own[k + 1];
        if (e.type === 'footStrike' && next?.type === 'toeOff') spans.push([e.timeSec, next.timeSec + (side === shifted ? shiftSec(spans.length) : 0)]);
      });
      const s = series(gait.eventTrack.timesSec, inAny(spans), backwardSign);
      return { heel: s, toe: s };
    };
    return { left: foot('left'), right: foot('right'), patchWidthPx: 30, msPerFrame: 1 };
  };
  const measure = (footMotion: FootMotion) => measureTimingReliability({
    track: { ...gait.eventTrack, footMotion }, events: gait.events, fps, view: gait.view, facing, legLengthPx: gait.legLengthPx,
  });

  it('agrees with events whose contacts the pixels show, and leaves the bound within a frame of what it was', () => {
    const r = measure(motionFor(gait.events, null, 0));
    for (const side of ['left', 'right'] as const) {
      for (const type of ['footStrike', 'toeOff'] as const) {
        expect(Math.abs(r.evidence[side][type].pixelOffsetSec!)).toBeLessThan(1 / fps);
        expect(r.evidence[side][type].pixelDisagrees).toBe(false);
      }
    }
    // within a frame of the bound without pixels (the pixel offsets of the feet differ by the sampling only)
    for (const type of ['footStrike', 'toeOff'] as const) {
      expect(r.betweenFeetSec[type]).toBeGreaterThanOrEqual(gait.timing.betweenFeetSec[type]);
      expect(r.betweenFeetSec[type]).toBeLessThan(gait.timing.betweenFeetSec[type] + 1 / fps);
    }
  });

  it('widens the bound by the feet\'s different offsets, and does not compare a foot off its pixels beyond the limit', () => {
    const small = measure(motionFor(gait.events, 'left', 0.03));
    expect(small.evidence.left.toeOff.pixelDisagrees).toBe(false);
    expect(small.betweenFeetSec.toeOff).toBeGreaterThan(0.025);
    const far = measure(motionFor(gait.events, 'left', pixelLimitSec(fps) + 0.03));
    expect(far.evidence.left.toeOff.pixelDisagrees).toBe(true);
    expect(far.evidence.right.toeOff.pixelDisagrees).toBe(false);
    expect(far.evidence.left.footStrike.pixelDisagrees).toBe(false);
    const reasons = hiddenFootReasons(far, facing);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.reason).toMatch(/^The left foot is not located at toe-off: its toe-offs sit \d+ ms before the moment the video shows the foot leaving the belt, wandering by \d+ ms from step to step/);
  });

  it('does not compare a foot whose events wander against its pixels from step to step, though their median agrees', () => {
    // every other toe-off 25 ms early or late against the pixels: median ~0, scatter 25 ms > the limit (13 ms at 60 fps)
    const r = measure(motionFor(gait.events, 'right', (k) => (k % 2 ? 0.025 : -0.025)));
    const e = r.evidence.right.toeOff;
    expect(Math.abs(e.pixelOffsetSec!)).toBeLessThan(0.03);
    expect(e.pixelScatterSec!).toBeGreaterThan(pixelWanderLimitSec(fps));
    expect(e.pixelDisagrees).toBe(true);
    expect(r.evidence.left.toeOff.pixelDisagrees).toBe(false);
    // a jitter within what both can wander keeps the foot
    expect(measure(motionFor(gait.events, 'right', (k) => (k % 2 ? 0.006 : -0.006))).evidence.right.toeOff.pixelDisagrees).toBe(false);
  });

  it('keeps its verdict through the job\'s keypoints.csv: the foot refused from the video is refused from the CSV', () => {
    const withMotion: PoseTrack = { ...track, footMotion: motionFor(gait.events, 'left', pixelLimitSec(fps) + 0.03) };
    const fromVideo = findGaitEvents(withMotion, { view: 'auto' }).timing;
    const back = parseKeypointCsv(formatKeypointCsv(withMotion), { name: 'keypoints.csv', width: 1920, height: 1080 });
    const fromCsv = findGaitEvents(back, { view: 'auto' }).timing;
    expect(fromVideo.evidence.left.toeOff.pixelDisagrees).toBe(true);
    expect(fromCsv.evidence.left.toeOff.pixelDisagrees).toBe(true);
    for (const side of ['left', 'right'] as const) {
      for (const type of ['footStrike', 'toeOff'] as const) {
        expect(Math.abs(fromCsv.evidence[side][type].pixelOffsetSec! - fromVideo.evidence[side][type].pixelOffsetSec!)).toBeLessThan(1e-4);
      }
    }
    expect(fromCsv.betweenFeetSec.toeOff).toBeCloseTo(fromVideo.betweenFeetSec.toeOff, 4);
  });

  it('has no pixel evidence without foot motion (a keypoint CSV): exactly as before', () => {
    expect(gait.timing.evidence.left.toeOff.pixelOffsetSec).toBeUndefined();
    expect(gait.timing.evidence.left.toeOff.pixelDisagrees).toBeUndefined();
  });
});
