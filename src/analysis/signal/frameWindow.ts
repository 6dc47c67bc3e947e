// The frames inside a time window, found by bisection (frame times only increase: validateTrack). Per-step code
// used to scan the whole track for each step, which is steps × frames: minutes for a 2-hour clip (issue 15).

/** Index of the first frame at or after `t` (after it when `strict`), or times.length when there is none. */
export function firstFrameFrom(times: readonly number[], t: number, strict = false): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const tm = times[mid] as number;
    if (tm < t || (strict && tm === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
