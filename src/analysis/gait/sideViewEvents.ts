// Side-view events per foot on a treadmill. Stance is found by the treadmill belt rule (references.md): a foot on
// the belt moves backwards in the image at the belt's speed, in swing it moves forwards. Within each stance:
// - foot strike: the lowest point of the foot (heel for a rearfoot striker, toe for a forefoot striker) has been
//   braked to most of the belt speed — the foot cannot move with the belt before it touches it;
// - toe-off: the toe rises above its stance level (Fellin 2010's vertical rule, on the toe), or the Zeni 2008
//   coordinate extreme when asked for.
// All crossings are interpolated linearly between frames (sub-frame timing, issue 3).
import { linearCrossing, parabolicOffset, quantile, median } from '../signal/subFrame';
import type { FootSignals } from './footSignals';

export interface SideEventOptions {
  strikeMethod: 'beltVelocity' | 'zeni';
  toeOffMethod: 'toeRise' | 'toeVelocity' | 'zeni';
  /** Fraction of the belt speed the lowest foot point must reach at strike. */
  strikeBeltFraction: number;
  toeOffBeltFraction: number;
  /** Toe rise at toe-off as a fraction of the leg length (hip to ankle). */
  toeRiseLegFraction: number;
}

export const DEFAULT_SIDE_OPTIONS: SideEventOptions = {
  strikeMethod: 'beltVelocity',
  toeOffMethod: 'toeRise',
  strikeBeltFraction: 0.7,
  toeOffBeltFraction: 0.7,
  toeRiseLegFraction: 0.02,
};

/** Fractional frame indices of one foot's strikes and toe-offs (unpaired, unordered cleaning happens later). */
export interface FootEventIndices { strikes: number[]; toeOffs: number[] }

/** The belt speed in px/s as seen on this foot: the typical backward speed of its lowest point. */
export function beltSpeedOf(lowVel: readonly number[]): number {
  const backward = -quantile(lowVel, 0.2);
  return backward > 0 ? median(lowVel.filter((v) => v < -0.5 * backward).map((v) => -v)) : Number.NaN;
}

/** Runs of frames moving backwards at more than half the belt speed: candidate stances [start, end] inclusive. */
export function stanceRuns(lowVel: readonly number[], beltPxPerSec: number, fps: number): [number, number][] {
  const runs: [number, number][] = [];
  const minLen = Math.max(2, Math.round(0.06 * fps));
  let i = 0;
  while (i < lowVel.length) {
    if (!((lowVel[i] as number) < -0.5 * beltPxPerSec)) { i++; continue; }
    let j = i;
    while (j + 1 < lowVel.length && (lowVel[j + 1] as number) < -0.5 * beltPxPerSec) j++;
    if (j - i + 1 >= minLen) runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

function crossingBackward(v: readonly number[], from: number, stop: number, level: number): number {
  // Walk back from mid-stance while the signal stays below level; the crossing lies between j and j+1.
  let j = from;
  while (j > stop && (v[j] as number) < level) j--;
  if (!((v[j] as number) >= level)) return Number.NaN;
  return linearCrossing(j, v[j] as number, v[j + 1] as number, level);
}

function crossingForward(v: readonly number[], from: number, stop: number, level: number): number {
  let j = from;
  while (j < stop && (v[j] as number) < level) j++;
  if (!((v[j] as number) >= level) || j === 0) return Number.NaN;
  return linearCrossing(j - 1, v[j - 1] as number, v[j] as number, level);
}

function extremeIndex(v: readonly number[], lo: number, hi: number, kind: 'max' | 'min'): number {
  let best = Number.NaN;
  let bi = -1;
  for (let k = Math.max(1, lo); k <= Math.min(v.length - 2, hi); k++) {
    const x = v[k] as number;
    if (!Number.isFinite(x)) continue;
    if (bi < 0 || (kind === 'max' ? x > best : x < best)) { best = x; bi = k; }
  }
  if (bi <= lo || bi >= hi) return Number.NaN; // an extreme on the window's edge is not a turning point
  return bi + parabolicOffset(v[bi - 1] as number, v[bi] as number, v[bi + 1] as number);
}

export function sideViewFootEvents(s: FootSignals, fps: number, legLengthPx: number, opts: SideEventOptions): FootEventIndices {
  const belt = beltSpeedOf(s.lowVel);
  const out: FootEventIndices = { strikes: [], toeOffs: [] };
  if (!Number.isFinite(belt) || belt <= 0) return out;
  const reach = Math.round(0.25 * fps);
  const rel = (a: readonly number[]): number[] => a.map((v, i) => v - (s.pelvisFwd[i] as number));
  const heelRel = opts.strikeMethod === 'zeni' ? rel(s.heelFwd) : [];
  const toeRel = opts.toeOffMethod === 'zeni' ? rel(s.toeFwd) : [];
  for (const [a, b] of stanceRuns(s.lowVel, belt, fps)) {
    const mid = Math.round((a + b) / 2);
    // strike
    let fs: number;
    if (opts.strikeMethod === 'zeni') fs = extremeIndex(heelRel, mid - reach, mid, 'max');
    else fs = crossingBackward(s.lowVel, mid, Math.max(0, mid - reach), -opts.strikeBeltFraction * belt);
    // toe-off
    let to: number;
    if (opts.toeOffMethod === 'zeni') {
      to = extremeIndex(toeRel, mid, mid + reach, 'min');
    } else if (opts.toeOffMethod === 'toeVelocity') {
      to = crossingForward(s.toeVel, mid, Math.min(s.toeVel.length - 1, mid + reach), -opts.toeOffBeltFraction * belt);
    } else {
      to = toeRiseIndex(s.toeY, mid, Math.min(s.toeY.length - 1, b + reach), opts.toeRiseLegFraction * legLengthPx);
    }
    if (Number.isFinite(fs)) out.strikes.push(fs);
    if (Number.isFinite(to)) out.toeOffs.push(to);
  }
  return out;
}

/** First time after the toe's stance level (its lowest image position after mid-stance) that it has risen by riseDelta. */
function toeRiseIndex(toeY: readonly number[], from: number, stop: number, riseDelta: number): number {
  let lowest = -Infinity;
  let li = -1;
  // The stance level: the toe's lowest image position (largest y) in the second half of stance.
  for (let k = from; k <= stop; k++) {
    const y = toeY[k] as number;
    if (!Number.isFinite(y)) continue;
    if (y > lowest) { lowest = y; li = k; }
    if (li >= 0 && y < lowest - riseDelta) {
      const level = lowest - riseDelta;
      return linearCrossing(k - 1, -(toeY[k - 1] as number), -y, -level);
    }
  }
  return Number.NaN;
}
