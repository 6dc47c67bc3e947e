// Kinovea-style measurements drawn on a frame, in video pixels (y down): the angle between three points (vertex in
// the middle) and a line's angle to the vertical or the horizontal. Pure and shared, so the review screen and the
// PDF's pinned key frames (issue 13) show the same number for the same drawing.
import type { FrameMeasurement } from './api';
import { interiorAngleDeg } from './jointAngles';

export interface Pt { x: number; y: number }
export type Measurement = FrameMeasurement;
export type MeasureKind = FrameMeasurement['kind'];

export const POINTS_NEEDED: Record<MeasureKind, number> = { angle: 3, vertical: 2, horizontal: 2 };

/** Acute angle of the line a–b to the image vertical, 0–90°. */
export function lineToVerticalDeg(a: Pt, b: Pt): number {
  const dx = Math.abs(b.x - a.x); const dy = Math.abs(b.y - a.y);
  return dx === 0 && dy === 0 ? Number.NaN : (Math.atan2(dx, dy) * 180) / Math.PI;
}

/** Acute angle of the line a–b to the image horizontal, 0–90°. */
export function lineToHorizontalDeg(a: Pt, b: Pt): number {
  const v = lineToVerticalDeg(a, b);
  return Number.isFinite(v) ? 90 - v : v;
}

/** The value a complete measurement shows, degrees; NaN while points are missing. */
export function measureValueDeg(m: Pick<Measurement, 'kind' | 'points'>): number {
  const [a, b, c] = m.points;
  if (m.points.length < POINTS_NEEDED[m.kind] || !a || !b) return Number.NaN;
  if (m.kind === 'angle') return c ? interiorAngleDeg(a, b, c) : Number.NaN;
  return m.kind === 'vertical' ? lineToVerticalDeg(a, b) : lineToHorizontalDeg(a, b);
}

/** The value as drawn beside the measurement: "152.3°", "12.0° to vertical"; '' while points are missing. */
export function measureLabel(m: Pick<Measurement, 'kind' | 'points'>): string {
  const v = measureValueDeg(m);
  if (!Number.isFinite(v)) return '';
  const suffix = m.kind === 'vertical' ? ' to vertical' : m.kind === 'horizontal' ? ' to horizontal' : '';
  return `${v.toFixed(1)}°${suffix}`;
}

/** Where the value is written: an angle's at its vertex, a line's at its middle (never on another drawing's end). */
export function measureLabelAnchor(m: Pick<Measurement, 'kind' | 'points'>): Pt | null {
  const [a, b] = m.points;
  if (m.kind === 'angle') return b ?? null;
  return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : (a ?? null);
}
