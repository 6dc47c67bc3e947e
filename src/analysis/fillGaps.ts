// Gap filling (docs/references.md, "Pipeline habits: fill short gaps"). Only SHORT gaps are bridged, linearly in time:
// a foot hidden for longer than a fraction of a step cannot be guessed, so long gaps stay NaN and later stages
// skip them (issue 3, "many frames without a foot" is a quality warning, not something to invent).
import { mapTrackSeries } from './signal/mapTrack';
import type { PoseTrack } from './types';

export interface FillGapsOptions {
  /** Longest gap bridged, in seconds (default 0.1 s: about a third of a contact). */
  maxGapSec?: number;
  /** Points whose score is below this count as missing (default 0: keep every point the model gave). */
  minScore?: number;
}

/** Bridges NaN runs of at most maxGapSec that have finite values on both sides; returns a new array. */
export function fillSeriesGaps(values: readonly number[], timesSec: readonly number[], maxGapSec: number): number[] {
  const out = [...values];
  let i = 0;
  while (i < out.length) {
    if (Number.isFinite(out[i])) { i++; continue; }
    let j = i;
    while (j < out.length && !Number.isFinite(out[j])) j++;
    const before = i - 1;
    const after = j;
    if (before >= 0 && after < out.length) {
      const t0 = timesSec[before] as number;
      const t1 = timesSec[after] as number;
      if (t1 - t0 <= maxGapSec + 1e-9) {
        const v0 = out[before] as number;
        const v1 = out[after] as number;
        for (let k = i; k < j; k++) out[k] = v0 + (((timesSec[k] as number) - t0) / (t1 - t0)) * (v1 - v0);
      }
    }
    i = j;
  }
  return out;
}

export function fillGaps(track: PoseTrack, opts: FillGapsOptions = {}): PoseTrack {
  const maxGapSec = opts.maxGapSec ?? 0.1;
  const minScore = opts.minScore ?? 0;
  return mapTrackSeries(track, (values, _name, _axis, kp) => {
    const masked = values.map((v, i) => ((kp.score[i] ?? 1) < minScore ? Number.NaN : v));
    return fillSeriesGaps(masked, track.timesSec, maxGapSec);
  });
}
