// Number formatting with units for tables and labels. Decimals follow what the measurement can resolve:
// times to the millisecond, angles to 0.1° (2D within-day interval is 3–8°, docs/references.md), pixels whole.

const MINUS = '\u2212';

/** Display text of a unit as stored in MetricSummary.unit. */
export function unitText(unit: string): string {
  if (unit === 'deg' || unit === '°') return '°';
  return unit;
}

export function decimalsFor(unit: string): number {
  switch (unit) {
    case 'ms': case 'px': case 'spm': case '% hip width': return 0;
    case 'deg': case '°': case '%': case 'cm': return 1;
    default: return 2;
  }
}

function joinUnit(numText: string, unit: string): string {
  const u = unitText(unit);
  if (u === '' ) return numText;
  return u === '°' || u === '%' ? `${numText}${u}` : `${numText} ${u}`;
}

function fixed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  // Avoid "−0" for values that round to zero.
  const isZero = Number(text) === 0;
  return value < 0 && !isZero ? `${MINUS}${text}` : text;
}

/** "248 ms", "7.9°", "—" when the value is missing. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return joinUnit(fixed(value, decimalsFor(unit)), unit);
}

/** Signed: "+5 ms", "−1.2°", "0 ms". */
export function formatSigned(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = fixed(value, decimalsFor(unit));
  const signed = value > 0 && Number(text) !== 0 ? `+${text}` : text;
  return joinUnit(signed, unit);
}

/** "95% CI +2 to +9 ms", or "" when there is no interval. */
export function formatInterval(ci: readonly [number, number] | null | undefined, unit: string): string {
  if (!ci || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) return '';
  const d = decimalsFor(unit);
  const sign = (v: number): string => (v > 0 && Number(fixed(v, d)) !== 0 ? `+${fixed(v, d)}` : fixed(v, d));
  return `95% CI ${sign(ci[0])} to ${joinUnit(sign(ci[1]), unit)}`;
}

/** Symmetry index, signed percent with one decimal. */
export function formatSymmetryIndex(si: number | null | undefined): string {
  return formatSigned(si, '%');
}

/** "0:07.3" style clock for a time in seconds (minutes:seconds.tenths). */
export function formatClock(timeSec: number): string {
  if (!Number.isFinite(timeSec) || timeSec < 0) return '0:00.000';
  // Milliseconds: a frame is 4–33 ms, so tenths of a second cannot tell two frames apart. Round once, in ms, so
  // 59.9997 s reads 1:00.000 and never 0:60.000.
  const ms = Math.round(timeSec * 1000);
  const minutes = Math.floor(ms / 60000);
  const secText = ((ms - minutes * 60000) / 1000).toFixed(3).padStart(6, '0');
  return `${minutes}:${secText}`;
}

/** "1:23" duration; "12.5 s" under a minute. */
export function formatDuration(durationSec: number): string {
  if (!Number.isFinite(durationSec)) return '—';
  if (durationSec < 60) return `${durationSec.toFixed(1)} s`;
  const m = Math.floor(durationSec / 60);
  const s = Math.round(durationSec - m * 60);
  return `${m} min ${s} s`;
}
