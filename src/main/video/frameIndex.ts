// Pure: maps a decoded frame's presentation time to its global index in the
// video (the position of that time among all frame times), so a chunk decoded
// from startSec > 0 numbers its frames exactly like a full decode.

/** Index of the time in `sortedTimes` nearest to `t`, or -1 when none is within `tolSec`. */
export function nearestTimeIndex(sortedTimes: readonly number[], t: number, tolSec: number): number {
  let lo = 0;
  let hi = sortedTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedTimes[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestD = Infinity;
  for (const j of [lo - 1, lo]) {
    const v = sortedTimes[j];
    if (v === undefined) continue;
    const d = Math.abs(v - t);
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return bestD <= tolSec ? best : -1;
}

/** How many of `sortedTimes` fall in [startSec, endSec) (tolerance 1 µs), for progress totals. */
export function countTimesInRange(sortedTimes: readonly number[], startSec: number, endSec: number): number {
  let n = 0;
  for (const t of sortedTimes) if (t >= startSec - 1e-6 && t < endSec - 1e-6) n++;
  return n;
}

/** Median spacing of sorted times, or 0. */
export function medianInterval(sortedTimes: readonly number[]): number {
  if (sortedTimes.length < 2) return 0;
  const d: number[] = [];
  for (let i = 1; i < sortedTimes.length; i++) d.push((sortedTimes[i] ?? 0) - (sortedTimes[i - 1] ?? 0));
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)] ?? 0;
}
