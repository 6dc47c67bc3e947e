// Hampel filter (docs/references.md, "Pipeline habits: reject outliers (Hampel)"): a point further than nSigma robust
// standard deviations (1.4826 × MAD) from the median of its window is replaced by that median. Single-frame jumps
// of a pose model (a knee snapping to the other leg for one frame) would otherwise become false events.
import { mapTrackSeries } from './signal/mapTrack';
import type { PoseTrack } from './types';

export interface RejectOutliersOptions {
  /** Half-width of the window in seconds (default 0.05 s, at least 2 frames). */
  halfWindowSec?: number;
  /** Threshold in robust standard deviations (default 3). */
  nSigma?: number;
  /** Deviations below this many pixels are never outliers (keeps a flat series from flagging its noise). */
  minDeviationPx?: number;
}

export interface HampelResult { values: number[]; replaced: number }

export function hampel(values: readonly number[], halfWindow: number, nSigma: number, minDeviation: number): HampelResult {
  const out = [...values];
  let replaced = 0;
  const win = new Float64Array(2 * halfWindow);
  const dev = new Float64Array(2 * halfWindow);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    let m = 0;
    for (let k = Math.max(0, i - halfWindow); k <= Math.min(values.length - 1, i + halfWindow); k++) {
      const w = values[k] as number;
      // The point itself is left out of its window, so a spike cannot pull the median it is judged against.
      if (k !== i && Number.isFinite(w)) win[m++] = w;
    }
    if (m < 3) continue;
    const med = medianOf(win, m);
    for (let k = 0; k < m; k++) dev[k] = Math.abs((win[k] as number) - med);
    const mad = 1.4826 * medianOf(dev, m);
    if (Math.abs(v - med) > Math.max(nSigma * mad, minDeviation)) {
      out[i] = med;
      replaced++;
    }
  }
  return { values: out, replaced };
}

/** Median of the first m entries (sorted in place; windows are a dozen values, insertion sort is fastest). */
function medianOf(a: Float64Array, m: number): number {
  for (let i = 1; i < m; i++) {
    const x = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > x) { a[j + 1] = a[j] as number; j--; }
    a[j + 1] = x;
  }
  const h = m >> 1;
  return m % 2 === 1 ? (a[h] as number) : ((a[h - 1] as number) + (a[h] as number)) / 2;
}

export function rejectOutliers(track: PoseTrack, fps: number, opts: RejectOutliersOptions = {}): { track: PoseTrack; replaced: number } {
  const halfWindow = Math.max(2, Math.round((opts.halfWindowSec ?? 0.05) * fps));
  const nSigma = opts.nSigma ?? 3;
  const minDeviation = opts.minDeviationPx ?? 2;
  let replaced = 0;
  const out = mapTrackSeries(track, (values) => {
    const r = hampel(values, halfWindow, nSigma, minDeviation);
    replaced += r.replaced;
    return r.values;
  });
  return { track: out, replaced };
}
