// A session's set-up as a person reads it (CLI, PDF, app).
import type { ClipRole } from './contract';

/** Where a clip was filmed from, in words. */
export const CLIP_ROLE_LABEL: Readonly<Record<ClipRole, string>> = { leftSide: 'left side', rightSide: 'right side', rear: 'from behind' };

// Treadmills show km/h (or mph), so the stored m/s is shown in km/h with one decimal, as the treadmill's own display.
export function formatSpeedKmh(speedMps: number | null | undefined): string {
  return speedMps === null || speedMps === undefined || !Number.isFinite(speedMps) ? '–' : `${(speedMps * 3.6).toFixed(1)} km/h`;
}
