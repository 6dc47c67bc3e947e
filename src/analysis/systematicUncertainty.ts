// The method's own systematic error, added to every left/right interval (docs/references.md: "A difference is only
// meaningful when it exceeds the measurement's own noise"). How well a clip times each foot is measured on the clip
// (gait/eventReliability.ts); this file turns an event-timing bound into the bound of a quantity read at the event.

/**
 * Systematic bound of a quantity read at a detected event time t: how much it changes when t moves by ±biasSec
 * (half the change over the window). Angles read at foot strike change fast, at mid-stance hardly at all.
 */
export function readingBias(read: (t: number) => number, t: number, biasSec: number): number {
  const a = read(t - biasSec);
  const b = read(t + biasSec);
  return Number.isFinite(a) && Number.isFinite(b) ? Math.abs(b - a) / 2 : Number.NaN;
}
