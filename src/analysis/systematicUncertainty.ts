// The event detector's own systematic error, added to every left/right interval (references.md: "A difference is
// only meaningful when it exceeds the measurement's own noise"). The Welch interval only sees step-to-step scatter;
// a detector that times one foot a few ms later than the other (the far foot, the foot whose labels were repaired)
// shifts every step of that side alike and would pass as a confident asymmetry. Young 2023 (BlazePose, running)
// reports 10–14 ms contact/step-time errors, worse on the far foot. Our validation of real BlazePose tracks
// (`npx tsx scripts/validate/events.ts`, issue 3) sees the near and far foot's mean bias for the same event differ
// by up to 16 ms at 60 fps (rendered clip, strike and toe-off) and 37 ms at 30 fps (demo clip, toe-off): about one
// frame. Half a frame (the bound used before) let the rendered symmetric runner's flight time, and the demo
// clip's, pass as marked asymmetries. So each event time carries a per-foot bias bound of max(10 ms, one frame).

export function eventTimingBiasSec(fps: number): number {
  return Math.max(0.010, Number.isFinite(fps) && fps > 0 ? 1 / fps : 1 / 30);
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
