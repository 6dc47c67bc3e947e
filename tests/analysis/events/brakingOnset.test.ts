// The ball's braking onset as its touchdown, read only where the clip's noise allows (src/analysis/gait/brakingOnset.ts),
// on a forefoot with a known onset: it falls with constant acceleration, is braked uniformly to rest over BRAKE_SEC
// from the true touchdown, rests through stance and is lifted again. The belt-rule strikes handed in are 15 ms early.
import { describe, expect, it } from 'vitest';
import { ballBrakeOnsets, ballTimingNoiseSec, brakingOnsetReadable, DEFAULT_BRAKING_ONSET_OPTIONS } from '../../../src/analysis/gait/brakingOnset';
import { refineStrikesByImpact } from '../../../src/analysis/gait/impactTiming';
import type { GaitEvent, PoseTrack, Side } from '../../../src/analysis/types';
import { gaussian, mulberry32 } from '../../helpers/seededRandom';

const STRIDE_SEC = 0.72;
const BELT_Y = 900;
const FALL_SEC = 0.15;   // from the top of the swing to the onset: the fall accelerates from rest
const STANCE_SEC = 0.22;

/** Height of the ball above the belt (px) at `tau` s after an onset, for a fall reaching `speed` px/s braked over `brakeSec`. */
function heightAbove(tau: number, speed: number, brakeSec: number): number {
  if (tau >= 0 && tau < brakeSec) return (speed * (brakeSec - tau) ** 2) / (2 * brakeSec);
  if (tau >= brakeSec && tau < brakeSec + STANCE_SEC) return 0;
  const top = (speed * brakeSec) / 2 + (speed * FALL_SEC) / 2;
  if (tau < 0 && tau >= -FALL_SEC) {
    const s = -tau;
    return (speed * brakeSec) / 2 + speed * s - (speed / FALL_SEC) * s * s / 2;
  }
  // the lift from stance to the top of the swing, at rest at both ends
  const from = brakeSec + STANCE_SEC;
  const to = STRIDE_SEC - FALL_SEC;
  const u = Math.min(1, Math.max(0, (tau - from) / (to - from)));
  return (top * (1 - Math.cos(Math.PI * u))) / 2;
}

function makeFoot(fps: number, opts: { speed: number; brakeSec: number; noisePx: number }) {
  const strides = 14;
  const n = Math.round((strides + 1) * STRIDE_SEC * fps);
  const timesSec = Array.from({ length: n }, (_, i) => i / fps);
  const truth: Record<Side, number[]> = { left: [], right: [] };
  for (let k = 0; k < strides; k++) {
    truth.left.push(0.3 + k * STRIDE_SEC + 0.0031 * k); // onsets between frames, not on them
    truth.right.push(0.3 + STRIDE_SEC / 2 + k * STRIDE_SEC + 0.0017 * k);
  }
  const rand = mulberry32(3);
  const keypoints: PoseTrack['keypoints'] = {};
  for (const side of ['left', 'right'] as const) {
    const y = timesSec.map((t) => {
      const onset = truth[side].filter((s) => s <= t + FALL_SEC).at(-1) ?? (truth[side][0] as number) - STRIDE_SEC;
      return BELT_Y - heightAbove(t - onset, opts.speed, opts.brakeSec) + opts.noisePx * gaussian(rand);
    });
    keypoints[`${side}_foot_index`] = { x: timesSec.map(() => 500), y, score: timesSec.map(() => 1) };
  }
  const track: PoseTrack = { timesSec, width: 1920, height: 1080, keypoints, source: { kind: 'csv', name: 'synthetic' } };
  const events: GaitEvent[] = (['left', 'right'] as const).flatMap((side) => truth[side].map((s) => ({
    side, type: 'footStrike' as const, timeSec: s - 0.015, frame: Math.round((s - 0.015) * fps),
  })));
  return { track, truth, events: events.sort((a, b) => a.timeSec - b.timeSec) };
}

/** Mean strike error (ms) of one foot against its true onsets. */
function meanErrorMs(events: readonly GaitEvent[], truth: readonly number[], side: Side): number {
  const got = events.filter((e) => e.side === side && e.type === 'footStrike').map((e) => e.timeSec);
  return (1000 * got.reduce((a, t, i) => a + t - (truth[i] as number), 0)) / got.length;
}

describe('ballBrakeOnsets', () => {
  it('finds a clean onset between frames within 1 ms at 60 and 120 fps', () => {
    for (const fps of [60, 120]) {
      const c = makeFoot(fps, { speed: 1200, brakeSec: 0.015, noisePx: 0 });
      const ball = c.track.keypoints.left_foot_index?.y as number[];
      const strikes = c.truth.left.map((s) => s - 0.015);
      ballBrakeOnsets(ball, c.track.timesSec, strikes).forEach((t, i) => expect(Math.abs(t - (c.truth.left[i] as number)), `${fps} ${i}`).toBeLessThan(0.001));
    }
  });
});

/** |left − right| of the feet's mean strike errors (ms): what a spurious asymmetry would read. */
function feetApartMs(events: readonly GaitEvent[], truth: Record<Side, number[]>): number {
  return Math.abs(meanErrorMs(events, truth.left, 'left') - meanErrorMs(events, truth.right, 'right'));
}

// A gate between the clean RBDS feet (σ / v 0.18–0.60 ms) and the same feet under 3 px of noise (2.4–7.4 ms); the
// default is off (0: the speed peak everywhere; gait/touchdown.ts says why).
const GATE = { brakeMaxNoiseSec: 0.002 };

describe('the braking-onset gate in refineStrikesByImpact', () => {
  // An abrupt stop (15 ms) of a fast fall: the low-passed speed peak reads well before it, the fit does not.
  it('reads the braking onset on a clean ball, where the speed peak reads early', () => {
    const c = makeFoot(60, { speed: 1200, brakeSec: 0.015, noisePx: 0 });
    const r = refineStrikesByImpact(c.track, c.events, 60, GATE);
    const peak = refineStrikesByImpact(c.track, c.events, 60);
    for (const side of ['left', 'right'] as const) {
      const shift = r.shifts.find((s) => s.side === side);
      expect(shift?.ballReading, side).toBe('brakeOnset');
      expect(shift?.ballTimingNoiseSec, side).toBeLessThan(0.0002);
      expect(Math.abs(meanErrorMs(r.events, c.truth[side], side)), side).toBeLessThan(1);
      expect(meanErrorMs(peak.events, c.truth[side], side), side).toBeLessThan(-5);
    }
  });

  // A gentle braking (35 ms) of a slower fall under 3 px of noise (σ / v ≈ 4 ms, like the damaged RBDS001 feet): the
  // fit trades the onset against the braking time step by step and the feet drift apart; the speed peak is kept.
  it('keeps the speed peak where 3 px of noise hides a gentle braking', () => {
    const c = makeFoot(60, { speed: 700, brakeSec: 0.035, noisePx: 3 });
    const r = refineStrikesByImpact(c.track, c.events, 60, GATE);
    const forced = refineStrikesByImpact(c.track, c.events, 60, { brakeMaxNoiseSec: 1 });
    for (const side of ['left', 'right'] as const) {
      const shift = r.shifts.find((s) => s.side === side);
      expect(shift?.ballReading, side).toBe('speedPeak');
      expect(shift?.ballTimingNoiseSec, side).toBeGreaterThan(GATE.brakeMaxNoiseSec);
      expect(brakingOnsetReadable(shift?.ballTimingNoiseSec ?? Number.NaN, { ...DEFAULT_BRAKING_ONSET_OPTIONS, maxNoiseSec: GATE.brakeMaxNoiseSec })).toBe(false);
      expect(forced.shifts.find((s) => s.side === side)?.ballReading, side).toBe('brakeOnset');
    }
    expect(feetApartMs(forced.events, c.truth)).toBeGreaterThan(feetApartMs(r.events, c.truth) + 3);
  });

  it('measures the timing noise as σ / fall speed, whatever the image scale', () => {
    const c = makeFoot(60, { speed: 1000, brakeSec: 0.02, noisePx: 2 });
    const ball = c.track.keypoints.left_foot_index?.y as number[];
    const noise = ballTimingNoiseSec(ball, 60, 1000);
    expect(noise).toBeGreaterThan(0.0018);
    expect(noise).toBeLessThan(0.0022);
    expect(ballTimingNoiseSec(ball.map((y) => 2 * y), 60, 2000)).toBeCloseTo(noise, 6);
  });
});
