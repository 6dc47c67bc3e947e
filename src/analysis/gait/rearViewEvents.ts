// Rear-view events per foot ("events as well as the view allows", issue 3). Seen from behind, a foot on the belt
// is carried towards the camera, so its image y grows slowly and steadily through stance (the treadmill belt rule of
// docs/references.md, seen in depth). At push-off the toe lifts: toe-off is the toe's lowest image position (largest
// y) after that steady growth. Strike: the ball of the foot (foot_index) falls faster than the belt carries it until
// the foot meets the belt; its downward image speed peaks at touchdown, as the belt starts to brake it (the onset of
// the forefoot's first vertical deceleration, Handsaker 2016). Measured on all three RBDS runners — forefoot
// (RBDS001), midfoot (RBDS002) and rearfoot (RBDS008): +2..+18 ms against the 50 N force threshold, where the heel's
// fall end (the previous rule, kept as 'heelFallEnd' and as the fallback) was −57..+44 ms with a runner-dependent
// sign: a rearfoot striker's foot still slaps down after the heel lands, a forefoot striker's heel falls after the
// forefoot lands, but the ball descends fastest at touchdown for both.
// Held to the rhythm (issue 11 part 5, "every step from behind"; option `rhythm`): a foot's image height repeats
// once per stride, so one toe-off per stride stands and a gap of two strides is searched again (gait/rearRhythm.ts);
// a strike that makes an implausible contact (outside running's duty factors, or far from the foot's median) is
// timed again by the foot's own touchdown shape (gait/touchdownTemplate.ts). Pose-model noise and feet that move
// less (slow running) had cost up to 62% of one side's contacts (scripts/validate/rear.ts).
import { derivative, linearCrossing, median, parabolicOffset, quantile } from '../signal/subFrame';
import { matchTouchdown, touchdownTemplate } from './touchdownTemplate';
import { missingSlots, onePerPeriod, periodFrames, STRIDE_RANGE_SEC } from './rearRhythm';
import type { FootEventIndices } from './sideViewEvents';

export interface RearFootSignals { heelY: number[]; toeY: number[] }

export interface RearEventOptions {
  /** Heel downward speed, in multiples of the stance rate, above which the foot is still falling ('heelFallEnd'). */
  fallFactor: number;
  /** 'toePeakFall' (default): peak downward speed of the ball of the foot; 'heelFallEnd': the former rule. */
  strikeRule: 'toePeakFall' | 'heelFallEnd';
  /** Hold the events to the foot's own stride rhythm (gait/rearRhythm.ts): one toe-off per stride, gaps refilled. */
  rhythm: boolean;
  /** A contact this far from the foot's median (fraction) is timed again (cleanGaitEvents drops it at 0.4). */
  refitDeviation: number;
  /**
   * Half-width of the touchdown shape matched (s): the last of the fall and the first of the belt's carry, about a
   * third of the shortest running step. Both settings chosen leave-one-trial-out (scripts/validate/rear.ts --loto)
   * over {0.08, 0.12, 0.18} s × {0.25, 0.4}: all five folds chose 0.08 s / 0.25 from the other four trials, and
   * the held-out trial then found ≥ 93% of contacts per side on every variant (clean, damaged, pose-like, pose-like
   * with feet moving 40% less) and frame rate.
   */
  templateHalfWidthSec: number;
}

export const DEFAULT_REAR_OPTIONS: RearEventOptions = {
  fallFactor: 1.5, strikeRule: 'toePeakFall', rhythm: true, refitDeviation: 0.25, templateHalfWidthSec: 0.08,
};

/**
 * Contact as a fraction of stride in running: 0.28–0.39 (docs/references.md, Sports 2019 7(11):233); RBDS force plates
 * 0.29–0.41 (2.5–4.5 m/s). Widened by 0.03 below and 0.06 above (slower jogs stand longer).
 */
const DUTY_FACTOR: readonly [number, number] = [0.25, 0.47];

interface Stance { i: number; start: number; rate: number; c: number }

/**
 * A noisy fall speed can peak nearer the toe-off than the touchdown (RBDS rear + 3 px noise or 2 cm pose-like foot
 * noise: contacts 40–80% short, then dropped by cleanGaitEvents as implausible). A stance whose contact lies outside
 * the duty factors of running, or further than `refitDeviation` from the foot's median among those inside, is timed
 * again where its touchdown must be (the intersection of both bands): by the foot's own touchdown shape
 * (touchdownTemplate.ts) when three plausible stances give one, else by the fall-speed peak in that window.
 */
function resolveImplausibleStrikes(
  stances: Stance[], toeY: readonly number[], toeVel: readonly number[], stride: number, fps: number, opts: RearEventOptions,
): void {
  const duty: readonly [number, number] = Number.isFinite(stride) ? [DUTY_FACTOR[0] * stride, DUTY_FACTOR[1] * stride] : [0, Infinity];
  const len = (st: Stance): number => st.i - st.c;
  const inDuty = stances.filter((st) => len(st) >= duty[0] && len(st) <= duty[1]);
  const typical = median(inDuty.map(len));
  if (!(typical > 0)) return;
  const lo = Math.max(duty[0], (1 - opts.refitDeviation) * typical);
  const hi = Math.min(duty[1], (1 + opts.refitDeviation) * typical);
  const plausible = (st: Stance): boolean => len(st) >= lo && len(st) <= hi;
  const template = touchdownTemplate(toeY, stances.filter(plausible).map((st) => st.c), opts.templateHalfWidthSec * fps);
  for (const st of stances) {
    if (plausible(st)) continue;
    const from = Math.max(st.start, st.i - hi);
    const to = st.i - lo;
    const again = template ? matchTouchdown(toeY, template, from, to) : peakIndex(toeVel, Math.floor(from) - 1, Math.ceil(to), st.rate);
    if (Number.isFinite(again)) st.c = again;
  }
}

/**
 * Toe-offs and strikes of one foot. `otherToeOffs` (fractional indices of the other foot's toe-offs) bound each
 * strike from below: running has no double support, so a foot lands only after the other has left the belt.
 */
export function rearViewFootEvents(
  s: RearFootSignals, timesSec: readonly number[], fps: number, opts: RearEventOptions = DEFAULT_REAR_OPTIONS,
  otherToeOffs: readonly number[] = [],
): FootEventIndices {
  const out: FootEventIndices = { strikes: [], toeOffs: [] };
  const ground = quantile(s.toeY, 0.9);
  const top = quantile(s.toeY, 0.1);
  if (!Number.isFinite(ground) || !(ground > top)) return out;
  const { toeOffs, stride } = opts.rhythm ? rhythmToeOffs(s, fps, ground, top) : { toeOffs: toeOffCandidates(s.toeY, fps, ground - (ground - top) / 3), stride: Number.NaN };
  out.toeOffs = toeOffs;
  const heelVel = derivative(s.heelY, timesSec);
  const toeVel = derivative(s.toeY, timesSec);
  const late0 = Math.round(0.15 * fps);
  const late1 = Math.max(1, Math.round(0.03 * fps));
  const maxContact = Math.round(0.5 * fps);
  const stances: Stance[] = [];
  for (const i of toeOffs) {
    const f = Math.round(i);
    // Stance rate: how fast the belt carries the toe towards the camera in late stance (px/s, positive).
    const rate = median(toeVel.slice(Math.max(0, f - late0), Math.max(0, f - late1) + 1));
    const otherOff = otherToeOffs.filter((o) => o < f - late1).reduce((m, o) => Math.max(m, o), -Infinity);
    const start = Math.max(1, f - maxContact, Math.ceil(otherOff));
    if (!(rate > 0)) {
      // Noise can hide the belt's carry over the last 0.15 s; under the rhythm rules the stance is still there, and
      // is timed by the foot's touchdown shape (resolveImplausibleStrikes).
      if (opts.rhythm) stances.push({ i, start, rate: 0, c: Number.NaN });
      continue;
    }
    // The peak must beat the stance rate (a fall faster than the belt carries the foot); else the heel rule.
    let c = opts.strikeRule === 'toePeakFall' ? peakIndex(toeVel, start - 1, f - late1, rate) : Number.NaN;
    if (!Number.isFinite(c)) {
      const level = opts.fallFactor * rate;
      c = fallEnd(heelVel, f - late1, start, level);
      if (!Number.isFinite(c)) c = fallEnd(toeVel, f - late1, start, level);
    }
    stances.push({ i, start, rate, c });
  }
  if (opts.rhythm && opts.strikeRule === 'toePeakFall') resolveImplausibleStrikes(stances, s.toeY, toeVel, stride, fps, opts);
  out.strikes = stances.flatMap((st) => (Number.isFinite(st.c) ? [st.c] : []));
  return out;
}

/** Toe-off candidates: local maxima of toe y within ±0.1 s below `minY` (the lower third of its range: on the belt). */
function toeOffCandidates(toeY: readonly number[], fps: number, minY: number): number[] {
  const halfWin = Math.max(2, Math.round(0.1 * fps));
  const n = toeY.length;
  const out: number[] = [];
  for (let i = 1; i < n - 1; i++) {
    const y = toeY[i] as number;
    if (!Number.isFinite(y) || y < minY) continue;
    let isMax = true;
    for (let k = Math.max(0, i - halfWin); k <= Math.min(n - 1, i + halfWin); k++) {
      if (k !== i && (toeY[k] as number) > y) { isMax = false; break; }
    }
    if (isMax) out.push(i + parabolicOffset(toeY[i - 1] as number, y, toeY[i + 1] as number));
  }
  return out;
}

/**
 * Toe-offs held to the foot's stride (its image height repeats once per stride): of two candidates within half a
 * stride the lower one in the image stays (the toe is lowest as it leaves the belt); a gap of two strides or more
 * is searched again around where each missing toe-off must be (±¼ stride), accepting the lowest toe there if it lies
 * in the lower half of the toe's range. Without a clear stride the candidates stand as found.
 */
function rhythmToeOffs(s: RearFootSignals, fps: number, ground: number, top: number): { toeOffs: number[]; stride: number } {
  const cands = toeOffCandidates(s.toeY, fps, ground - (ground - top) / 3);
  const footY = s.toeY.map((v, i) => (v + (s.heelY[i] as number)) / 2);
  const stride = periodFrames(footY, STRIDE_RANGE_SEC[0] * fps, STRIDE_RANGE_SEC[1] * fps);
  if (!Number.isFinite(stride)) return { toeOffs: cands, stride };
  const yAt = (i: number): number => s.toeY[Math.round(i)] as number;
  let offs = onePerPeriod(cands, yAt, stride);
  const n = s.toeY.length;
  const half = Math.round(stride / 4);
  for (const slot of missingSlots(offs, stride, half, n - 1 - half)) {
    const lo = Math.max(1, Math.round(slot) - half);
    const hi = Math.min(n - 2, Math.round(slot) + half);
    let bi = -1;
    for (let k = lo; k <= hi; k++) if (Number.isFinite(s.toeY[k]) && (bi < 0 || (s.toeY[k] as number) > (s.toeY[bi] as number))) bi = k;
    if (bi <= lo || bi >= hi || (s.toeY[bi] as number) < ground - (ground - top) / 2) continue;
    offs.push(bi + parabolicOffset(s.toeY[bi - 1] as number, s.toeY[bi] as number, s.toeY[bi + 1] as number));
  }
  offs = onePerPeriod([...offs].sort((a, b) => a - b), yAt, stride);
  return { toeOffs: offs, stride };
}

/** Toe-offs alone (the first pass: strikes need the other foot's toe-offs). */
export function rearViewToeOffs(s: RearFootSignals, timesSec: readonly number[], fps: number): number[] {
  return rearViewFootEvents(s, timesSec, fps).toeOffs;
}

/** Walking back from `from` to `stop`, where the velocity last exceeded `level` (the end of the fall); NaN if never. */
function fallEnd(vel: readonly number[], from: number, stop: number, level: number): number {
  let j = from;
  while (j > stop && !((vel[j] as number) > level)) j--;
  if (j <= stop) return Number.NaN;
  return linearCrossing(j, vel[j] as number, vel[j + 1] as number, level);
}

/** Sub-frame index of the largest value in [from, to] if it exceeds `min` and is not on the window's edge; else NaN. */
function peakIndex(vel: readonly number[], from: number, to: number, min: number): number {
  let bi = -1;
  for (let k = Math.max(1, from); k <= Math.min(vel.length - 2, to); k++) {
    if ((vel[k] as number) > (bi < 0 ? min : (vel[bi] as number))) bi = k;
  }
  if (bi <= from || bi >= to) return Number.NaN;
  return bi + parabolicOffset(vel[bi - 1] as number, vel[bi] as number, vel[bi + 1] as number);
}
