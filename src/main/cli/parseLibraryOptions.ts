// Value parsers of the library commands (runner, session): a typo becomes one sentence and exit 2.
import { UsageError } from './cliErrors';

function numberIn(flag: string, v: string, min: number, max: number, what: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag} must be ${what} (got "${v}").`);
  return n;
}

export const parseBirthYear = (v: string): number => {
  const n = numberIn('--birth-year', v, 1900, 2100, 'a year such as 1988');
  if (!Number.isInteger(n)) throw new UsageError(`--birth-year must be a whole year such as 1988 (got "${v}").`);
  return n;
};
export const parseHeightCm = (v: string): number => numberIn('--height', v, 50, 250, 'a height in centimetres, e.g. 172');
export const parseLegLengthCm = (v: string): number => numberIn('--leg-length', v, 30, 150, 'a leg length in centimetres, e.g. 88');
export const parseInclinePct = (v: string): number => numberIn('--incline', v, -40, 40, 'a treadmill incline in percent, e.g. 1');
export const parsePainScore = (v: string): number => {
  const n = numberIn('--pain', v, 0, 10, 'a whole number from 0 (none) to 10 (worst)');
  if (!Number.isInteger(n)) throw new UsageError(`--pain must be a whole number from 0 to 10 (got "${v}").`);
  return n;
};

/** YYYY-MM-DD, a real day. */
export function parseDate(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new UsageError(`--date must be a day written YYYY-MM-DD, e.g. 2026-11-30 (got "${v}").`);
  }
  return v;
}

/** Today in the computer's own time zone (a session filmed at 23:30 belongs to that evening, not to UTC's tomorrow). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
