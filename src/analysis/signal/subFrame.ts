// Sub-frame timing helpers (issue 3: at 30 fps a frame is 33 ms and a contact ~7 frames, so events must be placed
// between frames by interpolating the signal).

/**
 * Offset in frames (−0.5..0.5) of the vertex of the parabola through (i−1, i, i+1); 0 when the three points are
 * collinear or not finite.
 */
export function parabolicOffset(prev: number, mid: number, next: number): number {
  const denom = prev - 2 * mid + next;
  if (!Number.isFinite(denom) || Math.abs(denom) < 1e-12) return 0;
  const off = (0.5 * (prev - next)) / denom;
  return Math.max(-0.5, Math.min(0.5, off));
}

/**
 * Fractional index in [i, i+1] where the parabola through (i, a), (i+1, b), (i+2, c) crosses `level`, for a signal
 * that bends between frames (a toe lifting off the belt from rest accelerates upwards: the chord between two frames
 * lies above its curve and crosses a height early, by up to an eighth of the rise's curvature per frame squared).
 * The line's crossing where c is missing or the parabola does not cross within the interval.
 */
export function quadraticCrossing(i: number, a: number, b: number, c: number, level: number): number {
  const lin = linearCrossing(i, a, b, level);
  if (!Number.isFinite(lin) || !Number.isFinite(c)) return lin;
  // p(x) = A x² + B x + C through x = −1, 0, 1 (frames i, i+1, i+2); the crossing lies in x ∈ [−1, 0]
  const A = (a + c) / 2 - b;
  const B = (c - a) / 2;
  const C = b - level;
  const roots = Math.abs(A) < 1e-12 ? [-C / B] : (() => {
    const d = B * B - 4 * A * C;
    if (d < 0) return [];
    const r = Math.sqrt(d);
    return [(-B + r) / (2 * A), (-B - r) / (2 * A)];
  })();
  const x = roots.find((v) => Number.isFinite(v) && v >= -1 - 1e-9 && v <= 1e-9);
  return x === undefined ? lin : i + 1 + Math.max(-1, Math.min(0, x));
}

/** Fractional index where the line from (i, a) to (i+1, b) crosses `level`; NaN if it does not. */
export function linearCrossing(i: number, a: number, b: number, level: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  if ((a - level) * (b - level) > 0) return Number.NaN;
  if (a === b) return i;
  return i + (level - a) / (b - a);
}

/** Time at a fractional frame index, interpolating between the frame times (handles variable frame rate). */
export function timeAtIndex(timesSec: readonly number[], index: number): number {
  const n = timesSec.length;
  if (n === 0) return Number.NaN;
  const i0 = Math.max(0, Math.min(n - 2, Math.floor(index)));
  const t0 = timesSec[i0] as number;
  if (n === 1) return t0;
  const t1 = timesSec[i0 + 1] as number;
  return t0 + (index - i0) * (t1 - t0);
}

/** Median frame rate of a track (robust to a dropped or duplicated frame). */
export function frameRateOf(timesSec: readonly number[]): number {
  const dts: number[] = [];
  for (let i = 1; i < timesSec.length; i++) dts.push((timesSec[i] as number) - (timesSec[i - 1] as number));
  dts.sort((p, q) => p - q);
  const mid = dts[Math.floor(dts.length / 2)];
  return mid !== undefined && mid > 0 ? 1 / mid : Number.NaN;
}

/** Central-difference derivative per second; NaN where a neighbour is missing. */
export function derivative(x: readonly number[], timesSec: readonly number[]): number[] {
  const n = x.length;
  const d = new Array<number>(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(n - 1, i + 1);
    if (hi === lo) continue;
    const dt = (timesSec[hi] as number) - (timesSec[lo] as number);
    d[i] = ((x[hi] as number) - (x[lo] as number)) / dt;
  }
  return d;
}

export function median(values: readonly number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (v.length === 0) return Number.NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
}

export function quantile(values: readonly number[], q: number): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((p, r) => p - r);
  if (v.length === 0) return Number.NaN;
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(v.length - 1, lo + 1);
  return (v[lo] as number) + (pos - lo) * ((v[hi] as number) - (v[lo] as number));
}
