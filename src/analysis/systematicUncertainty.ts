// The event detector's own systematic error, added to every left/right interval (references.md: "A difference is
// only meaningful when it exceeds the measurement's own noise"). The Welch interval only sees step-to-step scatter;
// a detector that times one foot a few ms later than the other (the far foot, the foot whose labels were repaired)
// shifts every step of that side alike and would pass as a confident asymmetry. Young 2023 (BlazePose, running)
// reports 10–14 ms contact/step-time errors, worse on the far foot; our validation (scripts/validate.ts) sees
// per-foot biases of 5–15 ms. So each event time carries a per-foot bias bound of max(8 ms, half a frame).

export function eventTimingBiasSec(fps: number): number {
  return Math.max(0.008, Number.isFinite(fps) && fps > 0 ? 0.5 / fps : 0.0167);
}

/**
 * Systematic bound of a quantity read at a detected event time t: how much it changes when t moves by ±biasSec
 * (half the change over the window). Angles read at foot strike change fast, at mid-stance hardly at all.
 */
export function readingBias(read: (t: number) => number, t: number, biasSec: number): number {
  const a = read(t - biasSec);
  const b = read(t + biasSec);
  return Number.isFinite(a) && Number.isFinite(b) ? Math.abs(b - a) / 2 : Number.NaN;
}
