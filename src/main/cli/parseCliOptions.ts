// Pure parsers of CLI option values: each bad value is a UsageError naming the option.
import type { AnalyseVideoOptions, PoseModelChoice } from '../../shared/contract';
import { UsageError } from './cliErrors';

export const MODELS: readonly PoseModelChoice[] = ['auto', 'heavy', 'full', 'lite', 'movenet-lightning', 'movenet-thunder'];

export function parseModel(v: string): PoseModelChoice {
  if ((MODELS as readonly string[]).includes(v)) return v as PoseModelChoice;
  throw new UsageError(`--model must be one of ${MODELS.join(', ')} (got "${v}").`);
}

export const RUNTIMES = ['auto', 'onnx', 'tfjs'] as const;
export type RuntimeChoice = (typeof RUNTIMES)[number];

/** --runtime: where the BlazePose landmark model runs (issue 12); auto = ONNX Runtime when it loads, else TF.js WASM. */
export function parseRuntime(v: string): RuntimeChoice {
  if ((RUNTIMES as readonly string[]).includes(v)) return v as RuntimeChoice;
  throw new UsageError(`--runtime must be one of ${RUNTIMES.join(', ')} (got "${v}").`);
}

function parseIntIn(name: string, v: string, min: number, max: number): number {
  if (!/^\d+$/.test(v.trim())) throw new UsageError(`${name} must be a whole number (got "${v}").`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max} (got ${n}).`);
  return n;
}

export const parseWorkers = (v: string): number => parseIntIn('--workers', v, 1, 64);
export const parseLongSide = (v: string): number => parseIntIn('--long-side', v, 128, 4096);
export const parsePort = (v: string): number => parseIntIn('--port', v, 0, 65535);

/** Frame rates phones and lab cameras record at lie well inside 1–1000 fps; outside it is a typo (0.001, 30000). */
export function parseFps(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 1 || n > 1000) throw new UsageError(`--fps must be a frame rate between 1 and 1000 frames per second, e.g. 30 (got "${v}").`);
  return n;
}

/**
 * --horizon DEG: the image angle of a true horizontal (0 for a level camera, positive when its image-right end is
 * lower). Rear-view hip drop is levelled against it; without it the scene's edges, or the mean pelvis line, are used.
 */
export function parseHorizon(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || Math.abs(n) > 45) throw new UsageError(`--horizon must be an angle in degrees between -45 and 45, e.g. 0 for a level camera (got "${v}").`);
  return n;
}

/**
 * --px-per-cm N: the image scale at the runner (e.g. a ruler or a tape of known length filmed at the runner's
 * distance). Rear view: step width in cm instead of a share of hip width; side view: bounce in cm. 0.1–100 px per cm
 * spans a far 480p camera to a close 4K one; outside it is a typo.
 */
export function parsePxPerCm(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0.1 || n > 100) throw new UsageError(`--px-per-cm must be the image scale at the runner in pixels per centimetre, between 0.1 and 100, e.g. 5 (got "${v}").`);
  return n;
}

export function parseView(v: string): 'auto' | 'side' | 'rear' {
  if (v === 'auto' || v === 'side' || v === 'rear') return v;
  throw new UsageError(`--view must be side, rear or auto (got "${v}").`);
}

export function parsePaper(v: string): 'A4' | 'LETTER' {
  const u = v.toUpperCase();
  if (u === 'A4' || u === 'LETTER') return u;
  throw new UsageError(`--paper must be a4 or letter (got "${v}").`);
}

/** "auto", "off", or "x1,y1,x2,y2": left then right mark, pixels of the displayed video. */
export function parsePelvisMarks(v: string): NonNullable<AnalyseVideoOptions['pelvisMarks']> {
  if (v === 'auto' || v === 'off') return v;
  const parts = v.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((s) => s === '') || nums.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new UsageError(`--pelvis-marks must be auto, off or x1,y1,x2,y2 (left mark then right mark, in video pixels; got "${v}").`);
  }
  const [x1, y1, x2, y2] = nums as [number, number, number, number];
  return { left: { x: x1, y: y1 }, right: { x: x2, y: y2 } };
}
