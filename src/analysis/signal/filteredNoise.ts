// How much white measurement noise a zero-phase low-passed series still carries, estimated from the series before and
// after the filter. The residual (unfiltered − filtered) holds the noise above the cutoff; the motion of a running
// foot has little there (RBDS joint centres: see gait/sideViewEvents.ts for the measured figures), so a robust spread
// of the residual, scaled by the filter's own noise gains, gives the σ of the noise left below the cutoff.
import { lowPassSeries } from './butterworth';
import { median } from './subFrame';

/** Noise gains of the zero-phase filter, from its impulse response h: h0 = h[0], power = Σ h². */
function filterNoiseGains(cutoffHz: number, fps: number): { h0: number; power: number } {
  const n = 201; // the 2nd-order response at ≥ 2.5 samples per cutoff period has died out well within ±100 samples
  const impulse = new Array<number>(n).fill(0);
  impulse[100] = 1;
  const h = lowPassSeries(impulse, cutoffHz, fps);
  return { h0: h[100] as number, power: h.reduce((a, v) => a + v * v, 0) };
}

/**
 * σ (same unit as the series) of the white noise left in `filtered` = low-pass(`unfiltered`) at cutoffHz, from the
 * residual's robust spread (1.4826 × MAD: a foot's fast moments and the frames a gap fill or the outlier filter
 * rewrote do not inflate it). For white noise of variance σ² the residual has variance σ²(1 − 2h0 + Σh²) and the
 * filtered noise σ²Σh². NaN when fewer than 10 frames have both values.
 */
export function filteredNoiseSigma(unfiltered: readonly number[], filtered: readonly number[], cutoffHz: number, fps: number): number {
  const residual: number[] = [];
  for (let i = 0; i < unfiltered.length; i++) {
    const r = (unfiltered[i] as number) - (filtered[i] as number);
    if (Number.isFinite(r)) residual.push(r);
  }
  if (residual.length < 10) return Number.NaN;
  const mid = median(residual);
  const spread = 1.4826 * median(residual.map((r) => Math.abs(r - mid)));
  const { h0, power } = filterNoiseGains(cutoffHz, fps);
  return spread * Math.sqrt(power / (1 - 2 * h0 + power));
}
