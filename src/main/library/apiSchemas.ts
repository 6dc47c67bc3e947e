// Argument validation shared by both doors (issue 4: "every argument validated"). Anything that
// crosses from the page — HTTP body or IPC argument — is parsed here before it reaches the engine.
import { z } from 'zod';
import type { ExportKind, FrameMeasurement, JobNames } from '../../shared/api';
import type { AnalyseVideoOptions } from '../../shared/contract';
import { EXPORT_KINDS, isValidId } from './jobStore';

export const idSchema = z.string().refine(isValidId, { message: 'not a valid id' });

const point = z.strictObject({ x: z.number().finite().nonnegative(), y: z.number().finite().nonnegative() });

export const analyseOptionsSchema = z.strictObject({
  model: z.enum(['auto', 'lite', 'full', 'heavy', 'movenet-lightning', 'movenet-thunder']),
  workers: z.number().int().min(1).max(64).optional(),
  longSide: z.number().int().min(128).max(4096).optional(),
  view: z.enum(['auto', 'side', 'rear']),
  beltSpeedMps: z.number().finite().gt(0).max(15).optional(),
  pxPerCm: z.number().finite().min(0.1).max(100).optional(),
  pelvisMarks: z.union([z.literal('auto'), z.literal('off'), z.strictObject({ left: point, right: point })]).optional(),
}) satisfies z.ZodType<AnalyseVideoOptions>;

/** Names a clinician types: one line, bounded, no control characters (they reach the PDF and the page). */
// eslint-disable-next-line no-control-regex
const nameText = z.string().max(120).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must be one line of text' });

export const jobNamesSchema = z.strictObject({ sessionName: nameText.optional(), runnerName: nameText.optional() }) satisfies z.ZodType<JobNames>;

const measurementPoint = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
export const measurementsSchema = z.array(z.strictObject({
  id: z.string().min(1).max(64),
  kind: z.enum(['angle', 'vertical', 'horizontal']),
  frame: z.number().int().min(0),
  points: z.array(measurementPoint).min(2).max(3),
  pinned: z.boolean().optional(),
}).refine((m) => m.points.length === (m.kind === 'angle' ? 3 : 2), { message: 'an angle has 3 points, a line 2' })).max(500) satisfies z.ZodType<FrameMeasurement[]>;

export const startJobSchema = z.strictObject({ videoId: idSchema, options: analyseOptionsSchema, names: jobNamesSchema.optional() });

/** Events corrected by hand (issue 13); a 2-hour clip has ~40,000. null reverts to the detected events. */
export const eventsSchema = z.array(z.strictObject({
  side: z.enum(['left', 'right']),
  type: z.enum(['footStrike', 'toeOff']),
  timeSec: z.number().finite().nonnegative(),
  frame: z.number().int().nonnegative(),
  correctedByHand: z.boolean().optional(),
})).max(200_000).nullable();

export const saveEventsSchema = z.strictObject({ events: eventsSchema });

export const exportKindSchema = z.enum(EXPORT_KINDS as [ExportKind, ...ExportKind[]]);

/** A zod failure as one readable sentence (first issue only; the page shows it to a user). */
export function describeZodError(e: z.ZodError): string {
  const first = e.issues[0];
  if (first === undefined) return 'Invalid argument.';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return `Invalid argument — ${where}${first.message}.`;
}

const optionalNumber = (min: number, max: number) => z.number().finite().min(min).max(max).nullable().optional();

export const runnerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  heightCm: optionalNumber(50, 250),
  legLengthCm: optionalNumber(30, 150),
  notes: z.string().max(5000).nullable().optional(),
});

export const sessionMetaSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  name: z.string().max(200).nullable().optional(),
  speedMps: optionalNumber(0.1, 15),
  inclinePct: optionalNumber(-40, 40),
  shoes: z.string().max(200).nullable().optional(),
  note: z.string().max(5000).nullable().optional(),
  painScore: z.number().int().min(0).max(10).nullable().optional(),
});

export const fileSessionSchema = z.strictObject({ meta: sessionMetaSchema, jobIds: z.array(idSchema).min(1).max(3) });
