// Belt speed as the user knows it (treadmill display in km/h or mph) → metres per second for the engine.
export type SpeedUnit = 'km/h' | 'mph' | 'm/s';
export const SPEED_UNITS: readonly SpeedUnit[] = ['km/h', 'mph', 'm/s'];

const TO_MPS: Record<SpeedUnit, number> = { 'km/h': 1 / 3.6, mph: 0.44704, 'm/s': 1 };

/** undefined for an empty field; null for text that is not a plausible running speed (0 < v ≤ 12 m/s). */
export function beltSpeedToMps(text: string, unit: SpeedUnit): number | undefined | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return null;
  const mps = value * TO_MPS[unit];
  return mps > 0 && mps <= 12 ? mps : null;
}
