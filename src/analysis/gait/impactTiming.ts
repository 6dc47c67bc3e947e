// Impact correction of side-view foot strikes (issue 3: contact time within 10 ms at 60 fps, 5 ms at 120 fps).
//
// The treadmill belt rule (sideViewEvents.ts) times every step from the foot's backward speed, which is robust but
// carries a per-runner offset: a runner who pulls the foot back before touchdown reaches half the belt speed in the
// air (RBDS002: 18–20 ms before the force plate's 50 N), one who lands with the foot still moving forward reaches it
// after touchdown (RBDS008's right foot: +6 ms). What marks the touchdown itself is the impact: the falling heel or
// forefoot is stopped by the belt, so its upward acceleration peaks (Handsaker 2016: the first vertical acceleration
// peak of heel or forefoot; "needs ≥ 120 fps and good filtering", references.md). A second derivative is only
// trustworthy on a clean, fast signal, so the impact does not replace the belt rule step by step: per foot, the
// median offset between the impact and the belt-rule strike is added to every strike of that foot, and only when
// (a) the clip has at least IMPACT_MIN_FPS frames per second, (b) at least MIN_IMPACTS strikes show an impact, and
// (c) those offsets agree (interquartile range within 8 ms). Noisy pose-model feet fail (c) and keep the belt rule.
// Below IMPACT_FULL_FPS the impact blurs into the foot's late-swing braking (runners slow the foot's fall just before
// it lands), whose peak comes before touchdown; so there only impacts after the belt-rule strike count. They can
// only mean the foot was already carried back at half the belt's speed in the air, which the belt rule cannot see.
// Measured (`npx tsx scripts/validate/events.ts`): at 120 fps RBDS strike bias −7…+6 ms → −5…0 ms; at 60 fps the
// runner who pulls the foot back (RBDS002) goes from −19 to −7 ms, the others are left alone (their impacts at 60
// fps read 3–15 ms early, the blur above).
import { indexAtOrBefore } from '../seriesMath';
import { lowPassSeries } from '../signal/butterworth';
import { derivative, median, parabolicOffset, quantile } from '../signal/subFrame';
import { SIDES, type GaitEvent, type PoseTrack, type Side } from '../types';

export const IMPACT_MIN_FPS = 50;
export const IMPACT_FULL_FPS = 100;
/** Positions are low-passed here instead of at the pipeline's 12 Hz: an impact lasts a few hundredths of a second. */
const IMPACT_CUTOFF_HZ = 30;
/** Search window around the belt-rule strike (s): the foot can land up to ~30 ms either side of it. */
const BEFORE_SEC = 0.04;
const AFTER_SEC = 0.03;
/** A peak counts when it reaches this fraction of the largest upward acceleration in the window (the impact). */
const PEAK_FRACTION = 0.3;
const MIN_IMPACTS = 5;
const MAX_IQR_SEC = 0.008;

export interface ImpactShift {
  side: Side;
  /** Median impact − belt-rule strike (s); applied only when `applied`. */
  shiftSec: number;
  iqrSec: number;
  impacts: number;
  applied: boolean;
}

function upwardAcceleration(y: readonly number[], timesSec: readonly number[], fps: number): number[] {
  const smooth = lowPassSeries(y, Math.min(IMPACT_CUTOFF_HZ, 0.4 * fps), fps);
  // image y grows downwards: a fall being stopped is a negative second derivative
  return derivative(derivative(smooth, timesSec), timesSec).map((a) => -a);
}

/** Frame range [lo, hi] of the times within [t0, t1], kept one frame clear of the ends. */
function frameRange(timesSec: readonly number[], t0: number, t1: number): [number, number] {
  const last = timesSec.length - 2;
  const before = indexAtOrBefore(timesSec, t0);
  const lo = Math.min(last, Math.max(1, before >= 0 && (timesSec[before] as number) < t0 ? before + 1 : before));
  return [lo, Math.min(last, Math.max(lo, indexAtOrBefore(timesSec, t1)))];
}

function largest(acc: readonly number[], [lo, hi]: [number, number]): number {
  let top = 0;
  for (let i = lo; i <= hi; i++) if ((acc[i] as number) > top) top = acc[i] as number;
  return top;
}

/**
 * Time of the first upward-acceleration peak within the range that reaches `level` (a fraction of the foot's
 * strongest impact there, heel and forefoot together: a point that does not land in the window has no peak of its
 * own to be measured against), NaN if none.
 */
function firstImpact(acc: readonly number[], timesSec: readonly number[], [lo, hi]: [number, number], level: number): number {
  if (!(level > 0)) return Number.NaN;
  for (let i = lo + 1; i < hi; i++) {
    const a = acc[i] as number;
    if (a >= level && a >= (acc[i - 1] as number) && a >= (acc[i + 1] as number)) {
      const off = parabolicOffset(acc[i - 1] as number, a, acc[i + 1] as number);
      const t = timesSec[i] as number;
      const step = off >= 0 ? (timesSec[i + 1] as number) - t : t - (timesSec[i - 1] as number);
      return t + off * step;
    }
  }
  return Number.NaN;
}

function keypointY(track: PoseTrack, name: string): number[] | null {
  const kp = track.keypoints[name];
  return kp && kp.y.some((v) => Number.isFinite(v)) ? [...kp.y] : null;
}

/**
 * Shifts each foot's strikes by its median impact offset where the impact is clearly seen (see the header).
 * `track` is the repaired, outlier-free track before the pipeline's low-pass; other events pass unchanged.
 */
export function refineStrikesByImpact(track: PoseTrack, events: readonly GaitEvent[], fps: number): { events: GaitEvent[]; shifts: ImpactShift[] } {
  if (!(fps >= IMPACT_MIN_FPS)) return { events: [...events], shifts: [] };
  const t = track.timesSec;
  const shifts: ImpactShift[] = [];
  const shiftOf = new Map<Side, number>();
  for (const side of SIDES) {
    const points = [keypointY(track, `${side}_heel`), keypointY(track, `${side}_foot_index`)]
      .filter((y): y is number[] => y !== null)
      .map((y) => upwardAcceleration(y, t, fps));
    const offsets: number[] = [];
    for (const e of events) {
      if (e.side !== side || e.type !== 'footStrike') continue;
      const range = frameRange(t, e.timeSec - BEFORE_SEC, e.timeSec + AFTER_SEC);
      const level = PEAK_FRACTION * Math.max(0, ...points.map((acc) => largest(acc, range)));
      const impact = Math.min(...points.map((acc) => {
        const ti = firstImpact(acc, t, range, level);
        return Number.isFinite(ti) ? ti : Number.POSITIVE_INFINITY;
      }));
      if (Number.isFinite(impact)) offsets.push(impact - e.timeSec);
    }
    const shiftSec = median(offsets);
    const iqrSec = quantile(offsets, 0.75) - quantile(offsets, 0.25);
    const agree = offsets.length >= MIN_IMPACTS && iqrSec <= MAX_IQR_SEC;
    const applied = agree && (fps >= IMPACT_FULL_FPS || shiftSec > 0);
    shifts.push({ side, shiftSec: Number.isFinite(shiftSec) ? shiftSec : 0, iqrSec: Number.isFinite(iqrSec) ? iqrSec : Number.NaN, impacts: offsets.length, applied });
    if (applied) shiftOf.set(side, shiftSec);
  }
  const out = events.map((e) => {
    const d = e.type === 'footStrike' ? shiftOf.get(e.side) : undefined;
    if (d === undefined) return e;
    const timeSec = e.timeSec + d;
    const i = Math.max(0, indexAtOrBefore(t, timeSec));
    const frame = i + 1 < t.length && (t[i + 1] as number) - timeSec < timeSec - (t[i] as number) ? i + 1 : i;
    return { ...e, timeSec, frame };
  });
  return { events: out.sort((a, b) => a.timeSec - b.timeSec), shifts };
}
