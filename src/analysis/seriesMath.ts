// Small numeric helpers shared by the metric stages (no dependencies; NaN-aware where it matters).

/** Index of the last sample with time <= t (binary search); -1 before the first sample. */
export function indexAtOrBefore(timesSec: readonly number[], t: number): number {
  let lo = 0;
  let hi = timesSec.length - 1;
  if (hi < 0 || t < (timesSec[0] as number)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((timesSec[mid] as number) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Linear interpolation of a series at a sub-frame time (issue 3: events have sub-frame timing, so the
 * quantities read at an event are interpolated too). NaN outside the series or next to a missing sample.
 */
export function interpolateAt(timesSec: readonly number[], values: readonly number[], t: number): number {
  const i = indexAtOrBefore(timesSec, t);
  if (i < 0) return Number.NaN;
  const t0 = timesSec[i] as number;
  const v0 = values[i] ?? Number.NaN;
  if (t === t0) return v0;
  const t1 = timesSec[i + 1];
  const v1 = values[i + 1];
  if (t1 === undefined || v1 === undefined) return Number.NaN;
  return v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
}

export function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

export function mean(values: readonly number[]): number {
  const f = finite(values);
  return f.length === 0 ? Number.NaN : f.reduce((a, b) => a + b, 0) / f.length;
}

/** Sample variance (n − 1). NaN for fewer than two values. */
export function sampleVariance(values: readonly number[]): number {
  const f = finite(values);
  if (f.length < 2) return Number.NaN;
  const m = mean(f);
  return f.reduce((a, v) => a + (v - m) ** 2, 0) / (f.length - 1);
}

/** Linear-interpolated percentile (p in 0..100) of the finite values. */
export function percentile(values: readonly number[], p: number): number {
  const f = finite(values).sort((a, b) => a - b);
  if (f.length === 0) return Number.NaN;
  const pos = ((f.length - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (f[lo] as number) + ((f[hi] as number) - (f[lo] as number)) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

/** Least-squares slope of y on x through points [x, y]; NaN for fewer than three points or no spread in x. */
export function leastSquaresSlope(pts: readonly (readonly [number, number])[]): number {
  if (pts.length < 3) return Number.NaN;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  let num = 0;
  let den = 0;
  for (const [x, y] of pts) { num += (x - mx) * (y - my); den += (x - mx) ** 2; }
  return den > 0 ? num / den : Number.NaN;
}
