// The high-frame-rate strike correction (src/analysis/gait/impactTiming.ts) on feet with a known touchdown: the heel
// falls at a steady speed and stops dead on the belt at the true strike; the belt-rule strikes handed in are 15 ms
// early (a runner who pulls the foot back before touchdown). Real-data errors are in findGaitEvents.fixtures.test.ts.
import { describe, expect, it } from 'vitest';
import { COARSE_IMPACT_MIN_FPS, IMPACT_MIN_FPS, maxOffsetIqrSec, refineStrikesByImpact } from '../../../src/analysis/gait/impactTiming';
import type { GaitEvent, PoseTrack, Side } from '../../../src/analysis/types';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';

const STRIDE_SEC = 0.74;
const FALL_PX_PER_SEC = 300;
const BELT_Y = 900;

/** Heel and toe heights for touchdowns at `strikes` (s); toe lands flat 40 ms after the heel (a rearfoot strike). */
function footY(t: number, strikes: readonly number[], toeDelaySec: number): number {
  const s = strikes.filter((x) => x <= t + STRIDE_SEC / 2).at(-1) ?? -1;
  const dt = t - s - toeDelaySec;
  if (dt >= 0 && dt < 0.25) return BELT_Y;                         // on the belt
  const d = dt < 0 ? -dt : STRIDE_SEC - dt;                          // time to the next touchdown
  return BELT_Y - FALL_PX_PER_SEC * Math.min(d, 0.12) - 2000 * Math.max(0, d - 0.12) ** 2;
}

function makeCase(fps: number, opts: { noisePx?: number; strides?: number; beltEarlySec?: number; noToe?: boolean } = {}) {
  const n = Math.round(((opts.strides ?? 12) + 1) * STRIDE_SEC * fps);
  const timesSec = Array.from({ length: n }, (_, i) => i / fps);
  const truth: Record<Side, number[]> = { left: [], right: [] };
  for (let k = 0; k < (opts.strides ?? 12); k++) {
    truth.left.push(0.3 + k * STRIDE_SEC + 0.0031 * k);             // strikes between frames, not on them
    truth.right.push(0.3 + STRIDE_SEC / 2 + k * STRIDE_SEC + 0.0017 * k);
  }
  const rand = mulberry32(11);
  const noisy = (v: number): number => v + (opts.noisePx ?? 0) * gaussian(rand);
  const keypoints: PoseTrack['keypoints'] = {};
  for (const side of ['left', 'right'] as const) {
    for (const [name, delay] of opts.noToe ? [['heel', 0]] as const : [['heel', 0], ['foot_index', 0.04]] as const) {
      keypoints[`${side}_${name}`] = {
        x: timesSec.map(() => 500), y: timesSec.map((t) => noisy(footY(t, truth[side], delay))), score: timesSec.map(() => 1),
      };
    }
  }
  const track: PoseTrack = { timesSec, width: 1920, height: 1080, keypoints, source: { kind: 'csv', name: 'synthetic' } };
  const early = opts.beltEarlySec ?? 0.015;
  const events: GaitEvent[] = (['left', 'right'] as const).flatMap((side) => truth[side].map((s) => ({
    side, type: 'footStrike' as const, timeSec: s - early, frame: Math.round((s - early) * fps),
  })));
  events.push({ side: 'left', type: 'toeOff', timeSec: 0.55, frame: Math.round(0.55 * fps) });
  return { track, truth, events: events.sort((a, b) => a.timeSec - b.timeSec) };
}

const strikesOf = (events: readonly GaitEvent[], side: Side): number[] =>
  events.filter((e) => e.side === side && e.type === 'footStrike').map((e) => e.timeSec);

describe('refineStrikesByImpact', () => {
  it('moves each foot\'s strikes onto the heel\'s touchdown at 120 and 240 fps (within 2 ms), toe-offs untouched', () => {
    for (const fps of [120, 240]) {
      const c = makeCase(fps);
      const { events, shifts } = refineStrikesByImpact(c.track, c.events, fps);
      for (const side of ['left', 'right'] as const) {
        expect(shifts.find((s) => s.side === side)?.applied, `${fps} ${side}`).toBe(true);
        const got = strikesOf(events, side);
        expect(got).toHaveLength(c.truth[side].length);
        got.forEach((t, i) => expect(Math.abs(t - (c.truth[side][i] as number)), `${fps} ${side} ${i}`).toBeLessThan(0.002));
      }
      expect(events.find((e) => e.type === 'toeOff')?.timeSec).toBe(0.55);
      for (const e of events) expect(Math.abs((c.track.timesSec[e.frame] as number) - e.timeSec)).toBeLessThanOrEqual(0.5 / fps + 1e-9);
    }
  });

  // Since issue 11 part 4 the shift reads the touchdown itself (gait/touchdown.ts), so it moves strikes either way at
  // any rate from IMPACT_MIN_FPS: the old rule moved 60 fps strikes only later (its 60 fps impacts read early).
  it(`from ${IMPACT_MIN_FPS} fps moves strikes onto the touchdown later or earlier`, () => {
    const later = makeCase(60);
    const r = refineStrikesByImpact(later.track, later.events, 60);
    for (const side of ['left', 'right'] as const) {
      expect(r.shifts.find((s) => s.side === side)?.applied).toBe(true);
      strikesOf(r.events, side).forEach((t, i) => expect(Math.abs(t - (later.truth[side][i] as number))).toBeLessThan(0.004));
    }
    for (const fps of [60, 120]) {
      const earlier = makeCase(fps, { beltEarlySec: -0.012 }); // belt-rule strikes 12 ms after the touchdown
      const e = refineStrikesByImpact(earlier.track, earlier.events, fps);
      expect(e.shifts.every((s) => s.applied && Math.abs(s.shiftSec + 0.012) < 0.004), `${fps}`).toBe(true);
    }
  });

  // Below IMPACT_MIN_FPS the ±40/50 ms window holds 2–3 frames: a peak on its edge frame counts (impactTiming.ts).
  // The heel alone: this synthetic toe falls at a constant speed for its last 120 ms, which no real ball does (it
  // falls faster until the belt stops it), and at 30 fps its flat speed peaks anywhere on that plateau.
  it(`from ${COARSE_IMPACT_MIN_FPS} fps to ${IMPACT_MIN_FPS} fps reads the touchdown coarsely and moves strikes nearer it; below ${COARSE_IMPACT_MIN_FPS} fps not at all`, () => {
    const slow = makeCase(30, { noToe: true });
    const s = refineStrikesByImpact(slow.track, slow.events, 30);
    for (const side of ['left', 'right'] as const) {
      expect(s.shifts.find((x) => x.side === side)?.applied, side).toBe(true);
      const meanErr = (ts: number[]): number => ts.reduce((acc, t, i) => acc + t - (slow.truth[side][i] as number), 0) / ts.length;
      expect(meanErr(strikesOf(slow.events, side))).toBeCloseTo(-0.015, 6); // the belt rule's, handed in
      // within a quarter frame of the touchdown, half the belt rule's error (the peak of a dead stop smeared over
      // 33 ms frames)
      expect(Math.abs(meanErr(strikesOf(s.events, side))), side).toBeLessThan(0.0075);
    }
    // one foot clear: with the right heel unseen, the left's coarse shift moves both feet (the left's alone would
    // become a false left − right), so each right strike moves by exactly the left's shift
    const oneFoot = makeCase(30, { noToe: true });
    delete oneFoot.track.keypoints.right_heel;
    const r1 = refineStrikesByImpact(oneFoot.track, oneFoot.events, 30);
    const left = r1.shifts.find((x) => x.side === 'left');
    const right = r1.shifts.find((x) => x.side === 'right');
    expect(left?.applied && left.sharedFrom === undefined).toBe(true);
    expect(right).toMatchObject({ applied: true, sharedFrom: 'left', shiftSec: left?.shiftSec });
    expect(Math.abs(left?.shiftSec ?? 0)).toBeGreaterThan(0.005);
    for (const side of ['left', 'right'] as const) {
      const moved = strikesOf(r1.events, side).map((t, i) => t - (strikesOf(oneFoot.events, side)[i] as number));
      for (const d of moved) expect(d, side).toBeCloseTo(left?.shiftSec ?? Number.NaN, 9);
    }
    // neither clear: nothing moves
    const noFoot = makeCase(30, { noToe: true });
    delete noFoot.track.keypoints.right_heel;
    delete noFoot.track.keypoints.left_heel;
    const r0 = refineStrikesByImpact(noFoot.track, noFoot.events, 30);
    expect(r0.events).toEqual(noFoot.events);
    expect(r0.shifts.every((x) => !x.applied)).toBe(true);
    const slower = makeCase(25, { noToe: true });
    const r25 = refineStrikesByImpact(slower.track, slower.events, 25);
    expect(r25.events).toEqual(slower.events);
    expect(r25.shifts).toEqual([]);
  });

  it('read coarsely, offsets may spread by half a frame more (where each touchdown fell within its frame); read finely, not', () => {
    // the interquartile range of a uniform spread over one frame is half a frame, added in quadrature to the 20 ms
    expect(maxOffsetIqrSec(30, 0.02)).toBeCloseTo(Math.hypot(0.02, 0.5 / 30), 9); // 26.0 ms
    expect(maxOffsetIqrSec(30, 0.02)).toBeGreaterThan(0.0259);
    for (const fps of [IMPACT_MIN_FPS, 60, 120]) expect(maxOffsetIqrSec(fps, 0.02)).toBe(0.02);
  });

  it('with noisy feet it lands each foot\'s strikes no further from the touchdown on average; with too few strikes it stands aside', () => {
    const noisy = makeCase(120, { noisePx: 4 });
    const r = refineStrikesByImpact(noisy.track, noisy.events, 120);
    for (const side of ['left', 'right'] as const) {
      const mean = (ts: number[]): number => ts.reduce((acc, t, i) => acc + t - (noisy.truth[side][i] as number), 0) / ts.length;
      const before = Math.abs(mean(strikesOf(noisy.events, side)));
      const after = Math.abs(mean(strikesOf(r.events, side)));
      expect(after, side).toBeLessThanOrEqual(before);
    }
    const few = makeCase(120, { strides: 4 });
    const f = refineStrikesByImpact(few.track, few.events, 120);
    expect(f.shifts.every((s) => !s.applied && s.impacts <= 4)).toBe(true);
    expect(f.events).toEqual(few.events);
  });
});
