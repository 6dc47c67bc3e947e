// Touchdown of one point of the foot as the hinge of a two-segment fit on its unfiltered image height (draft).

export interface HingeOptions {
  /** Search/fit window around the belt-rule strike (s). */
  beforeSec: number;
  afterSec: number;
  /** Let the stance segment slope (false: flat stance level). */
  stanceSlope: boolean;
  /** Fit only this long of descent before the hinge (s; Infinity: the whole window). */
  descentSec: number;
}

/** Least-squares hinge time (s) of y (image y, down positive) over frames [lo, hi]; NaN when none is found inside. */
export function hingeTime(y: readonly number[], timesSec: readonly number[], lo: number, hi: number, opts: HingeOptions): number {
  const idx: number[] = [];
  for (let k = Math.max(0, lo); k <= Math.min(y.length - 1, hi); k++) if (Number.isFinite(y[k])) idx.push(k);
  if (idx.length < 5) return Number.NaN;
  const tFirst = timesSec[idx[0] as number] as number;
  const tLast = timesSec[idx[idx.length - 1] as number] as number;
  const dt = (tLast - tFirst) / (idx.length - 1);
  let best = Number.POSITIVE_INFINITY;
  let bestT = Number.NaN;
  const step = dt / 20;
  for (let t0 = tFirst + 1.5 * dt; t0 <= tLast - 1.5 * dt; t0 += step) {
    // Regressors: 1, min(t − t0, 0) [, max(t − t0, 0)]
    const rows: number[][] = [];
    const ys: number[] = [];
    for (const k of idx) {
      const t = timesSec[k] as number;
      if (t < t0 - opts.descentSec) continue;
      rows.push(opts.stanceSlope ? [1, Math.min(t - t0, 0), Math.max(t - t0, 0)] : [1, Math.min(t - t0, 0)]);
      ys.push(y[k] as number);
    }
    const fit = leastSquares(rows, ys);
    if (!fit) continue;
    // Descent must be downward in the image (y increasing) before the hinge.
    if (!((fit.beta[1] as number) > 0)) continue;
    const score = fit.sse / Math.max(1, rows.length - rows[0]!.length);
    if (score < best) { best = score; bestT = t0; }
  }
  return bestT;
}

function leastSquares(rows: readonly number[][], ys: readonly number[]): { beta: number[]; sse: number } | null {
  const p = rows[0]?.length ?? 0;
  if (rows.length <= p) return null;
  const a = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  rows.forEach((r, i) => {
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < p; k++) (a[j] as number[])[k] = ((a[j] as number[])[k] as number) + (r[j] as number) * (r[k] as number);
      (a[j] as number[])[p] = ((a[j] as number[])[p] as number) + (r[j] as number) * (ys[i] as number);
    }
  });
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[piv] as number[])[c] as number)) piv = r;
    [a[c], a[piv]] = [a[piv] as number[], a[c] as number[]];
    const d = (a[c] as number[])[c] as number;
    if (Math.abs(d) < 1e-12) return null;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = ((a[r] as number[])[c] as number) / d;
      for (let k = c; k <= p; k++) (a[r] as number[])[k] = ((a[r] as number[])[k] as number) - f * ((a[c] as number[])[k] as number);
    }
  }
  const beta = a.map((r, i) => (r[p] as number) / (r[i] as number));
  let sse = 0;
  rows.forEach((r, i) => { const e = (ys[i] as number) - r.reduce((s, x, j) => s + x * (beta[j] as number), 0); sse += e * e; });
  return { beta, sse };
}

/**
 * Braking onset (s): fall (constant acceleration), then constant braking to rest over d ≥ 0, then rest; position and
 * velocity continuous. Least squares over t0 and d; NaN when none is found inside.
 */
export function brakeOnsetTime(y: readonly number[], timesSec: readonly number[], lo: number, hi: number, maxBrakeSec: number, fallAccel: 'free' | 'nonneg' | 'zero' = 'free'): number {
  return brakeFit(y, timesSec, lo, hi, maxBrakeSec, fallAccel).t0;
}

export interface BrakeFit { t0: number; d: number; a: number }

export function brakeFit(y: readonly number[], timesSec: readonly number[], lo: number, hi: number, maxBrakeSec: number, fallAccel: 'free' | 'nonneg' | 'zero' = 'free', fixed?: { d: number; a: number }): BrakeFit {
  const ts: number[] = [];
  const ys: number[] = [];
  for (let k = Math.max(0, lo); k <= Math.min(y.length - 1, hi); k++) if (Number.isFinite(y[k])) { ts.push(timesSec[k] as number); ys.push(y[k] as number); }
  const n = ts.length;
  const none = { t0: Number.NaN, d: Number.NaN, a: Number.NaN };
  if (n < 6) return none;
  const tFirst = ts[0] as number;
  const tLast = ts[n - 1] as number;
  const dt = (tLast - tFirst) / (n - 1);
  let best = Number.POSITIVE_INFINITY;
  let out: BrakeFit = none;
  const step = dt / 10;
  for (let t0 = tFirst + 2 * dt; t0 <= tLast - 1.5 * dt; t0 += step) {
    for (let d = fixed ? fixed.d : 0; d <= (fixed ? fixed.d : maxBrakeSec) + 1e-9; d += step) {
      const t1 = t0 + d;
      if (t1 > tLast - dt) break;
      // normal equations of y = c + v·g(t) + a·h(t)
      let sgg = 0, shh = 0, sgh = 0, sg = 0, sh = 0, sy = 0, sgy = 0, shy = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        const t = ts[i] as number;
        let g = 0;
        let h = 0;
        if (t < t0) { g = t - t0 - d / 2; h = ((t - t0) * (t - t0)) / 2; } else if (t < t1) g = -((t - t1) * (t - t1)) / (2 * d);
        const yi = (ys[i] as number) - (fixed ? fixed.a * h : 0);
        sgg += g * g; shh += h * h; sgh += g * h; sg += g; sh += h; sy += yi; sgy += g * yi; shy += h * yi; syy += yi * yi;
      }
      if (fallAccel === 'zero' || fixed) { shh = 1; sgh = 0; sh = 0; shy = 0; }
      const sol = solve3([n, sg, sh], [sg, sgg, sgh], [sh, sgh, shh], [sy, sgy, shy]);
      if (!sol) continue;
      const [c, v, a] = sol;
      if (!(v > 0) || (fallAccel === 'nonneg' && a < 0)) continue;
      const sse = syy - c * sy - v * sgy - a * shy;
      if (sse < best) { best = sse; out = { t0, d, a: fixed ? fixed.a : a }; }
    }
  }
  return out;
}

function solve3(r0: number[], r1: number[], r2: number[], b: number[]): [number, number, number] | null {
  const det = (m: number[][]): number => m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const m = [r0, r1, r2];
  const D = det(m);
  if (!Number.isFinite(D) || Math.abs(D) < 1e-18) return null;
  const col = (j: number): number[][] => m.map((r, i) => r.map((x, k) => (k === j ? (b[i] as number) : x)));
  return [det(col(0)) / D, det(col(1)) / D, det(col(2)) / D];
}

/**
 * Braking onsets of one foot's ball near each belt-rule strike (s; NaN where none): fitted once per step, then again
 * with the braking time and fall acceleration fixed at the foot's medians (a foot lands alike step after step).
 */
export function ballBrakeOnsets(ballY: readonly number[], timesSec: readonly number[], strikesSec: readonly number[], beforeSec: number, afterSec: number, maxBrakeSec: number, shared = true): number[] {
  const windows = strikesSec.map((s) => {
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < timesSec.length; i++) {
      const t = timesSec[i] as number;
      if (lo < 0 && t >= s - beforeSec) lo = i;
      if (t <= s + afterSec) hi = i;
    }
    return [lo, hi] as const;
  });
  const first = windows.map(([lo, hi]) => (lo >= 0 && hi > lo ? brakeFit(ballY, timesSec, lo, hi, maxBrakeSec) : { t0: Number.NaN, d: Number.NaN, a: Number.NaN }));
  if (!shared) return first.map((f) => f.t0);
  const med = (v: number[]): number => { const s = v.filter(Number.isFinite).sort((p, q) => p - q); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] as number : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2) : Number.NaN; };
  const dMed = med(first.map((f) => f.d));
  const aMed = med(first.map((f) => f.a));
  if (!Number.isFinite(dMed) || !Number.isFinite(aMed)) return first.map(() => Number.NaN);
  const step = ((timesSec[timesSec.length - 1] as number) - (timesSec[0] as number)) / Math.max(1, timesSec.length - 1) / 10;
  const fixed = { d: Math.round(dMed / step) * step, a: aMed };
  return windows.map(([lo, hi]) => (lo >= 0 && hi > lo ? brakeFit(ballY, timesSec, lo, hi, maxBrakeSec, 'free', fixed).t0 : Number.NaN));
}
