// Zero-phase low-pass (2nd-order Butterworth run forward and backward), the field's habit for
// keypoint positions (docs/references.md, "Pipeline habits": Sports2D, Pose2Sim). Pure numbers only.

export interface Biquad {
  b: [number, number, number];
  a: [number, number, number];
}

/** 2nd-order Butterworth low-pass by the bilinear transform with pre-warping; cutoff must be below Nyquist. */
export function butterworthLowPass(cutoffHz: number, sampleHz: number): Biquad {
  if (!(cutoffHz > 0) || !(sampleHz > 0) || cutoffHz >= sampleHz / 2) {
    throw new RangeError(`butterworthLowPass: cutoff ${cutoffHz} Hz must lie in (0, ${sampleHz / 2}) Hz`);
  }
  const k = Math.tan((Math.PI * cutoffHz) / sampleHz);
  const q = Math.SQRT2;
  const norm = 1 / (1 + q * k + k * k);
  const b0 = k * k * norm;
  return {
    b: [b0, 2 * b0, b0],
    a: [1, 2 * (k * k - 1) * norm, (1 - q * k + k * k) * norm],
  };
}

/** One causal pass (direct form II transposed), started in steady state at the first value so the ends do not ring. */
function filterOnce(x: readonly number[], f: Biquad): number[] {
  const [b0, b1, b2] = f.b;
  const [, a1, a2] = f.a;
  const first = x[0] ?? 0;
  let z2 = (b2 - a2) * first;
  let z1 = (b1 - a1) * first + z2;
  const y = new Array<number>(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const yi = b0 * xi + z1;
    z1 = b1 * xi - a1 * yi + z2;
    z2 = b2 * xi - a2 * yi;
    y[i] = yi;
  }
  return y;
}

/**
 * Forward-backward filtering (zero phase, squared magnitude response) of a finite series. The ends are padded by
 * odd reflection (as scipy's filtfilt does) so a trend continues through the edge instead of bending towards it.
 */
export function filtfilt(x: readonly number[], f: Biquad): number[] {
  const n = x.length;
  if (n < 3) return [...x];
  const pad = Math.min(n - 1, 9);
  const x0 = x[0] as number;
  const xn = x[n - 1] as number;
  const padded: number[] = [];
  for (let i = pad; i >= 1; i--) padded.push(2 * x0 - (x[i] as number));
  // a loop, not push(...x): spreading a long series overflows the call stack (~125,000 frames, a 35-min clip)
  for (let i = 0; i < n; i++) padded.push(x[i] as number);
  for (let i = n - 2; i >= n - 1 - pad; i--) padded.push(2 * xn - (x[i] as number));
  const forward = filterOnce(padded, f);
  const backward = filterOnce(forward.reverse(), f).reverse();
  return backward.slice(pad, pad + n);
}

/**
 * Zero-phase low-pass of a series with NaN holes: each finite run is filtered on its own (a long gap must not be
 * bridged by the filter), runs too short to filter are kept as they are, NaN stays NaN.
 */
export function lowPassSeries(x: readonly number[], cutoffHz: number, sampleHz: number): number[] {
  const f = butterworthLowPass(cutoffHz, sampleHz);
  const out = [...x];
  let i = 0;
  while (i < x.length) {
    if (!Number.isFinite(x[i])) { i++; continue; }
    let j = i;
    while (j < x.length && Number.isFinite(x[j])) j++;
    if (j - i >= 4) {
      const run = filtfilt(x.slice(i, j), f);
      for (let k = i; k < j; k++) out[k] = run[k - i] as number;
    }
    i = j;
  }
  return out;
}
