// Treadmill belt speed as a runner types it (issue 3: "--belt-speed 12km/h (or 7.5mph, 3.3m/s)") → metres per
// second. Pure. A bare number is refused: 12 could be km/h or mph, and a wrong unit silently scales every step
// length, so the unit must be said.

export class BeltSpeedError extends Error {
  readonly code = 'BAD_BELT_SPEED' as const;
  constructor(message: string) {
    super(message);
    this.name = 'BeltSpeedError';
  }
}

const KMH = 1000 / 3600;
const MPH = 1609.344 / 3600;

const UNITS: Array<{ re: RegExp; toMps: (v: number) => number }> = [
  { re: /^(km\/h|kmh|kph|km\/hr|kmph)$/, toMps: (v) => v * KMH },
  { re: /^(mph|mi\/h|miles?\/h(ou)?r?)$/, toMps: (v) => v * MPH },
  { re: /^(m\/s|mps|ms-1)$/, toMps: (v) => v },
];

/** Plausible treadmill range: a slow walk (0.5 m/s = 1.8 km/h) to a sprint treadmill (12 m/s ≈ 43 km/h). */
export const BELT_SPEED_MIN_MPS = 0.5;
export const BELT_SPEED_MAX_MPS = 12;

function parsePace(text: string): number | null {
  // "5:00/km", "5:00 min/km", "8:03/mi": minutes:seconds per distance.
  const m = /^(\d{1,2}):([0-5]\d)\s*(?:min)?\s*\/\s*(km|mi|mile)$/.exec(text);
  if (!m) return null;
  const sec = Number(m[1]) * 60 + Number(m[2]);
  if (sec <= 0) return null;
  return (m[3] === 'km' ? 1000 : 1609.344) / sec;
}

/** Parses "12km/h", "12 km/h", "7.5mph", "3.3m/s", "12,5 km/h" or a pace "5:00/km" → metres per second. */
export function parseBeltSpeed(text: string): number {
  const t = text.trim().toLowerCase();
  const example = 'e.g. 12km/h, 7.5mph, 3.3m/s or 5:00/km';
  if (t === '') throw new BeltSpeedError(`Belt speed is empty: give it with a unit, ${example}.`);
  let mps = parsePace(t);
  if (mps === null) {
    const m = /^(\d+(?:[.,]\d+)?)\s*([a-z/\-0-9]*)$/.exec(t);
    if (!m) throw new BeltSpeedError(`Cannot read belt speed "${text}": give a number and a unit, ${example}.`);
    const value = Number((m[1] ?? '').replace(',', '.'));
    const unit = m[2] ?? '';
    if (unit === '') throw new BeltSpeedError(`Belt speed "${text}" has no unit: say km/h, mph or m/s (${example}).`);
    const u = UNITS.find((x) => x.re.test(unit));
    if (!u) throw new BeltSpeedError(`Unknown belt speed unit "${unit}" in "${text}": use km/h, mph or m/s (${example}).`);
    mps = u.toMps(value);
  }
  if (!(mps >= BELT_SPEED_MIN_MPS && mps <= BELT_SPEED_MAX_MPS)) {
    throw new BeltSpeedError(
      `Belt speed "${text}" is ${(mps * 3.6).toFixed(1)} km/h: outside ${BELT_SPEED_MIN_MPS * 3.6}–${BELT_SPEED_MAX_MPS * 3.6} km/h, so probably a typo or the wrong unit.`,
    );
  }
  return mps;
}
