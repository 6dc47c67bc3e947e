// Event matching and error statistics against ground truth (issue 3's error table).
import type { GaitEvent, GaitEventType, Side } from '../../src/analysis/types';
import type { TruthEvent } from './truthLoaders';

export interface EventErrors {
  /** Detected − truth, seconds, per matched event of each type. */
  errorsSec: Record<GaitEventType, number[]>;
  /** The same errors split by the detected event's foot (per-foot bias: the difference is false asymmetry). */
  errorsBySideSec: Record<Side, Record<GaitEventType, number[]>>;
  wrongFoot: number;
  missed: number;
  extra: number;
  /** Detected − truth contact time (s) per side, for contacts whose strike and toe-off both matched. */
  contactErrSec: Record<Side, number[]>;
  matched: number;
  truthInSpan: number;
}

/** Pairs each detected event with the nearest unused truth event of the same type within toleranceSec. */
export function matchEvents(detected: readonly GaitEvent[], truth: readonly TruthEvent[], toleranceSec = 0.12): EventErrors {
  const used = new Set<number>();
  const errorsSec: Record<GaitEventType, number[]> = { footStrike: [], toeOff: [] };
  const errorsBySideSec: Record<Side, Record<GaitEventType, number[]>> = { left: { footStrike: [], toeOff: [] }, right: { footStrike: [], toeOff: [] } };
  let wrongFoot = 0;
  let extra = 0;
  const matchOf = new Map<GaitEvent, TruthEvent>();
  const order = [...detected].sort((a, b) => a.timeSec - b.timeSec);
  for (const d of order) {
    let best = -1;
    let bestErr = Infinity;
    truth.forEach((t, k) => {
      if (used.has(k) || t.type !== d.type) return;
      const e = Math.abs(d.timeSec - t.timeSec);
      if (e < bestErr) { bestErr = e; best = k; }
    });
    if (best < 0 || bestErr > toleranceSec) { extra++; continue; }
    used.add(best);
    const t = truth[best] as TruthEvent;
    matchOf.set(d, t);
    errorsSec[d.type].push(d.timeSec - t.timeSec);
    errorsBySideSec[d.side][d.type].push(d.timeSec - t.timeSec);
    if (t.side !== d.side) wrongFoot++;
  }
  const lo = (order[0]?.timeSec ?? 0) - 0.05;
  const hi = (order[order.length - 1]?.timeSec ?? 0) + 0.05;
  let truthInSpan = 0;
  let missed = 0;
  truth.forEach((t, k) => {
    if (t.timeSec < lo || t.timeSec > hi) return;
    truthInSpan++;
    if (!used.has(k)) missed++;
  });
  const contactErrSec: Record<Side, number[]> = { left: [], right: [] };
  for (const side of ['left', 'right'] as Side[]) {
    const own = order.filter((e) => e.side === side);
    for (let i = 0; i + 1 < own.length; i++) {
      const s = own[i] as GaitEvent;
      const o = own[i + 1] as GaitEvent;
      if (s.type !== 'footStrike' || o.type !== 'toeOff') continue;
      const ts = matchOf.get(s);
      const to = matchOf.get(o);
      if (!ts || !to || ts.side !== to.side) continue;
      contactErrSec[side].push(o.timeSec - s.timeSec - (to.timeSec - ts.timeSec));
    }
  }
  return { errorsSec, errorsBySideSec, wrongFoot, missed, extra, contactErrSec, matched: matchOf.size, truthInSpan };
}

export function medianAbs(v: readonly number[]): number {
  return quantileAbs(v, 0.5);
}

export function quantileAbs(v: readonly number[], q: number): number {
  const a = v.map(Math.abs).sort((x, y) => x - y);
  if (a.length === 0) return Number.NaN;
  const pos = q * (a.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(a.length - 1, lo + 1);
  return (a[lo] as number) + (pos - lo) * ((a[hi] as number) - (a[lo] as number));
}

export function meanOf(v: readonly number[]): number {
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : Number.NaN;
}

export function meanAbs(v: readonly number[]): number {
  return meanOf(v.map(Math.abs));
}
