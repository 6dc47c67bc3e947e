// The rhythm of a run, read from one periodic image signal (issue 11 part 5, "every step from behind"). A foot's
// image height repeats once per stride, the pelvis's once per step; a contact the event rule missed shows as a gap of
// two periods between neighbours, and a second candidate inside one period is one too many. All spans here are in
// periods of the signal itself, so the rules hold at 2.5 m/s as at 4.5 m/s (RBDS strides 0.70–0.78 s, steps
// 0.35–0.39 s) and at any frame rate.
import { parabolicOffset } from '../signal/subFrame';

/** Running cadence spans about 130–240 steps/min (docs/references.md: elites 160–210; slow joggers lower): a stride is 0.5–0.92 s. */
export const STRIDE_RANGE_SEC: readonly [number, number] = [0.45, 1.2];
export const STEP_RANGE_SEC: readonly [number, number] = [0.22, 0.6];

/**
 * Period (frames, sub-frame) of a signal from its autocorrelation: the highest local maximum of the biased
 * autocorrelation within [minLag, maxLag] frames (the biased estimate favours the fundamental over its multiples);
 * NaN when the signal has too few finite values or no clear peak (correlation ≤ 0.2).
 */
export function periodFrames(y: readonly number[], minLag: number, maxLag: number): number {
  const idx = y.flatMap((v, i) => (Number.isFinite(v) ? [i] : []));
  if (idx.length < 2 * maxLag) return Number.NaN;
  const mu = idx.reduce((s, i) => s + (y[i] as number), 0) / idx.length;
  const d = y.map((v) => (Number.isFinite(v) ? v - mu : Number.NaN));
  let var0 = 0;
  for (const i of idx) var0 += (d[i] as number) ** 2;
  if (!(var0 > 0)) return Number.NaN;
  const ac = (lag: number): number => {
    let s = 0;
    for (let i = 0; i + lag < d.length; i++) {
      const p = (d[i] as number) * (d[i + lag] as number);
      if (Number.isFinite(p)) s += p;
    }
    return s / var0;
  };
  const lo = Math.max(1, Math.floor(minLag));
  const hi = Math.ceil(maxLag);
  const r = Array.from({ length: hi + 2 }, (_, lag) => (lag >= lo - 1 ? ac(lag) : Number.NaN));
  let best = -1;
  for (let lag = lo; lag <= hi; lag++) {
    const v = r[lag] as number;
    if (v > (r[lag - 1] as number) && v >= (r[lag + 1] as number) && (best < 0 || v > (r[best] as number))) best = lag;
  }
  if (best < 0 || !((r[best] as number) > 0.2)) return Number.NaN;
  return best + parabolicOffset(r[best - 1] as number, r[best] as number, r[best + 1] as number);
}

/**
 * Closest spacing of two events of one foot, in periods: a runner's strides vary by a few percent (RBDS force
 * plates: stride 0.70–0.78 s within a trial, ≤ ±5%), while the other foot's events, leaking in through a label swap
 * or noise, sit half a stride away.
 */
const MIN_SPACING_OF_PERIOD = 0.7;

/**
 * One event per period: of candidates (sorted fractional indices) closer than 0.7 period, the one with the larger
 * `score` stays.
 */
export function onePerPeriod(cands: readonly number[], score: (i: number) => number, period: number): number[] {
  const out: number[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last === undefined || c - last >= MIN_SPACING_OF_PERIOD * period) { out.push(c); continue; }
    if (score(c) > score(last)) out[out.length - 1] = c;
  }
  return out;
}

/**
 * Where an event is missing: predicted indices in each gap of about two or more periods between neighbours
 * (evenly spaced), and one period before the first / after the last event when that still lies inside [lo, hi].
 */
export function missingSlots(events: readonly number[], period: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < events.length; k++) {
    const a = events[k] as number;
    const b = events[k + 1] as number;
    const m = Math.round((b - a) / period) - 1;
    if ((b - a) / period < 1.5) continue;
    for (let j = 1; j <= m; j++) out.push(a + (j * (b - a)) / (m + 1));
  }
  const first = events[0];
  const last = events[events.length - 1];
  if (first !== undefined && first - period >= lo) out.push(first - period);
  if (last !== undefined && last + period <= hi) out.push(last + period);
  return out.sort((x, y) => x - y);
}
