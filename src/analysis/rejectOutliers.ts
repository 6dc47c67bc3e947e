// Hampel filter (references.md, "Pipeline habits: reject outliers (Hampel)"): a point further than nSigma robust
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
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const win: number[] = [];
    for (let k = Math.max(0, i - halfWindow); k <= Math.min(values.length - 1, i + halfWindow); k++) {
      const w = values[k] as number;
      // The point itself is left out of its window, so a spike cannot pull the median it is judged against.
      if (k !== i && Number.isFinite(w)) win.push(w);
    }
    if (win.length < 3) continue;
    win.sort((p, q) => p - q);
    const m = win.length >> 1;
    const med = win.length % 2 === 1 ? (win[m] as number) : ((win[m - 1] as number) + (win[m] as number)) / 2;
    const dev = win.map((w) => Math.abs(w - med)).sort((p, q) => p - q);
    const mad = 1.4826 * (dev[Math.floor(dev.length / 2)] as number);
    if (Math.abs(v - med) > Math.max(nSigma * mad, minDeviation)) {
      out[i] = med;
      replaced++;
    }
  }
  return { values: out, replaced };
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
