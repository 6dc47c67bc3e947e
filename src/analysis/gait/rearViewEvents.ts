// Rear-view events per foot ("events as well as the view allows", issue 3). Seen from behind, a foot on the belt
// is carried towards the camera, so its image y grows slowly and steadily through stance (the treadmill belt rule of
// references.md, seen in depth). At push-off the toe lifts: toe-off is the toe's lowest image position (largest
// y) after that steady growth. Strike: the ball of the foot (foot_index) falls faster than the belt carries it until
// the foot meets the belt; its downward image speed peaks at touchdown, as the belt starts to brake it (the onset of
// the forefoot's first vertical deceleration, Handsaker 2016). Measured on all three RBDS runners — forefoot
// (RBDS001), midfoot (RBDS002) and rearfoot (RBDS008): +2..+18 ms against the 50 N force threshold, where the heel's
// fall end (the previous rule, kept as 'heelFallEnd' and as the fallback) was −57..+44 ms with a runner-dependent
// sign: a rearfoot striker's foot still slaps down after the heel lands, a forefoot striker's heel falls after the
// forefoot lands, but the ball descends fastest at touchdown for both.
import { derivative, linearCrossing, median, parabolicOffset, quantile } from '../signal/subFrame';
import type { FootEventIndices } from './sideViewEvents';

export interface RearFootSignals { heelY: number[]; toeY: number[] }

export interface RearEventOptions {
  /** Heel downward speed, in multiples of the stance rate, above which the foot is still falling ('heelFallEnd'). */
  fallFactor: number;
  /** 'toePeakFall' (default): peak downward speed of the ball of the foot; 'heelFallEnd': the former rule. */
  strikeRule: 'toePeakFall' | 'heelFallEnd';
}

export const DEFAULT_REAR_OPTIONS: RearEventOptions = { fallFactor: 1.5, strikeRule: 'toePeakFall' };

/**
 * Toe-offs and strikes of one foot. `otherToeOffs` (fractional indices of the other foot's toe-offs) bound each
 * strike from below: running has no double support, so a foot lands only after the other has left the belt.
 */
export function rearViewFootEvents(
  s: RearFootSignals, timesSec: readonly number[], fps: number, opts: RearEventOptions = DEFAULT_REAR_OPTIONS,
  otherToeOffs: readonly number[] = [],
): FootEventIndices {
  const out: FootEventIndices = { strikes: [], toeOffs: [] };
  const n = s.toeY.length;
  const ground = quantile(s.toeY, 0.9);
  const top = quantile(s.toeY, 0.1);
  if (!Number.isFinite(ground) || !(ground > top)) return out;
  const heelVel = derivative(s.heelY, timesSec);
  const toeVel = derivative(s.toeY, timesSec);
  const halfWin = Math.max(2, Math.round(0.1 * fps));
  const late0 = Math.round(0.15 * fps);
  const late1 = Math.max(1, Math.round(0.03 * fps));
  const maxContact = Math.round(0.5 * fps);
  for (let i = 1; i < n - 1; i++) {
    const y = s.toeY[i] as number;
    // Toe-off: a local maximum of toe y within ±0.1 s, in the lower third of its range (on the belt).
    if (!Number.isFinite(y) || y < ground - (ground - top) / 3) continue;
    let isMax = true;
    for (let k = Math.max(0, i - halfWin); k <= Math.min(n - 1, i + halfWin); k++) {
      if (k !== i && (s.toeY[k] as number) > y) { isMax = false; break; }
    }
    if (!isMax) continue;
    out.toeOffs.push(i + parabolicOffset(s.toeY[i - 1] as number, y, s.toeY[i + 1] as number));
    // Stance rate: how fast the belt carries the toe towards the camera in late stance (px/s, positive).
    const rate = median(toeVel.slice(Math.max(0, i - late0), Math.max(0, i - late1) + 1));
    if (!(rate > 0)) continue;
    const otherOff = otherToeOffs.filter((o) => o < i - late1).reduce((m, o) => Math.max(m, o), -Infinity);
    const start = Math.max(1, i - maxContact, Math.ceil(otherOff));
    // The peak must beat the stance rate (a fall faster than the belt carries the foot); else the heel rule.
    let c = opts.strikeRule === 'toePeakFall' ? peakIndex(toeVel, start - 1, i - late1, rate) : Number.NaN;
    if (!Number.isFinite(c)) {
      const level = opts.fallFactor * rate;
      c = fallEnd(heelVel, i - late1, start, level);
      if (!Number.isFinite(c)) c = fallEnd(toeVel, i - late1, start, level);
    }
    if (Number.isFinite(c)) out.strikes.push(c);
  }
  return out;
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
