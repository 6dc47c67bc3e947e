// report.json, schemaVersion 1 (design.md "report.json"; issue 5): a zod schema and a parser
// with clear, typed errors. Used by `lopsided report DIR/report.json`, the server and the PDF
// writer, so a wrong or truncated file is refused before anything is drawn.
import { z } from 'zod';
import { CodedError } from '../analysis/codedError';
import type { AnalysisResult, MetricId } from '../analysis/types';

export type ReportSchemaErrorCode = 'REPORT_NOT_JSON' | 'REPORT_SCHEMA_VERSION' | 'REPORT_INVALID';

export class ReportSchemaError extends CodedError<ReportSchemaErrorCode> {
  override name = 'ReportSchemaError';
  /** One line per problem, "path: what is wrong" (at most 8). */
  readonly problems: string[];
  constructor(code: ReportSchemaErrorCode, message: string, problems: string[] = []) {
    super(code, message);
    this.problems = problems;
  }
}

export const REPORT_SCHEMA_VERSION = 1;

export const METRIC_IDS = [
  'contactTimeMs',
  'flightTimeMs',
  'stepTimeMs',
  'dutyFactorPct',
  'kneeFlexionAtStrikeDeg',
  'overstrideDeg',
  'verticalOscillationPx',
  'verticalOscillationCm',
  'stepLengthCm',
  'strideLengthCm',
  'hipDropDeg',
  'stepWidthCm',
  'stepWidthPctHip',
  'lateralSwayPx',
  'hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'trunkLeanDeg', 'armSwingDeg',
] as const satisfies readonly MetricId[];
// Compile-time guard: adding a MetricId in types.ts without listing it here fails tsc here.
type MissingMetricIds = Exclude<MetricId, (typeof METRIC_IDS)[number]>;
const _allMetricIdsListed: MissingMetricIds extends never ? true : MissingMetricIds = true;
void _allMetricIdsListed;

// JSON has no NaN: writers put null where a value is missing; in memory it is NaN again.
const finiteOrMissing = z
  .union([z.number(), z.nan(), z.null()], { error: 'expected a number or null' })
  .transform((v) => (v === null ? Number.NaN : v));
const numberSeries = z.array(finiteOrMissing);
const nullableNumber = z.number().nullable();
const side = z.enum(['left', 'right']);
const metricId = z.enum(METRIC_IDS);
const footStrikeClass = z.enum(['rearfoot', 'midfoot', 'forefoot', 'unclear']);

const metricSummary = z.object({
  unit: z.string(),
  left: nullableNumber,
  right: nullableNumber,
  symmetryIndexPct: nullableNumber,
  differenceCi95: z.tuple([z.number(), z.number()]).nullable(),
  systematic: z.object({ left: z.number(), right: z.number() }).optional(),
  perStep: z.object({ left: numberSeries, right: numberSeries }),
  wholeClip: nullableNumber.optional(),
});

const eventEvidence = z.object({
  visibility: z.number().nullable(), hidden: z.boolean(), zeniOffsetSec: z.number().nullable(),
  // added after the first reports with timing evidence: absent in those, read as unknown / not wandering
  scatterSec: z.number().nullable().default(null), wandering: z.boolean().default(false),
  // issue 13: how many of these events a person set (absent when none)
  handSet: z.number().int().nonnegative().optional(),
  // issue 11: the foot's own pixels (side clips from a video; absent for keypoint CSVs and older reports)
  pixelOffsetSec: z.number().nullable().optional(), pixelScatterSec: z.number().nullable().optional(),
  pixelDisagrees: z.boolean().optional(),
  // a foot outside the picture at its events (feet cut off by the frame's edge); absent when in the picture
  outOfPicture: z.enum(['bottom', 'top', 'left', 'right']).optional(),
});
const footEvidence = z.object({ footStrike: eventEvidence, toeOff: eventEvidence });
const timingReliability = z.object({
  betweenFeetSec: z.object({ footStrike: z.number(), toeOff: z.number() }),
  evidence: z.object({ left: footEvidence, right: footEvidence }),
  floorSec: z.number(),
  basis: z.enum(['clip', 'hand', 'given']),
  handSetSec: z.number().positive().optional(),
});

const stepRow = z.object({
  side,
  strikeTimeSec: z.number(),
  toeOffTimeSec: nullableNumber,
  contactMs: nullableNumber,
  flightMs: nullableNumber,
  stepMs: nullableNumber,
  kneeFlexionAtStrikeDeg: nullableNumber,
  overstrideDeg: nullableNumber,
  hipDropDeg: nullableNumber,
  midStanceTimeSec: nullableNumber.optional(),
  stepWidthCm: nullableNumber.optional(),
  stepWidthPctHip: nullableNumber.optional(),
  crossover: z.boolean().nullable().optional(),
  lateralSwayPx: nullableNumber.optional(),
  hipExtensionAtToeOffDeg: nullableNumber.optional(), kneeDriveDeg: nullableNumber.optional(), footStrikeAngleDeg: nullableNumber.optional(),
  kneeFlexionMidstanceDeg: nullableNumber.optional(), trunkLeanDeg: nullableNumber.optional(), armSwingDeg: nullableNumber.optional(),
  correctedByHand: z.array(z.enum(['footStrike', 'toeOff'])).optional(),
});

const crossoverCount = z.object({ count: z.number().int().nonnegative(), of: z.number().int().nonnegative() });

const analysisResultSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  video: z.object({
    path: z.string(),
    fps: z.number().positive(),
    durationSec: z.number().nonnegative(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  view: z.enum(['side', 'rear']),
  cadenceSpm: nullableNumber,
  events: z.array(
    z.object({
      side,
      type: z.enum(['footStrike', 'toeOff']),
      timeSec: z.number(),
      // design.md's wire format has no frame index; it is derived from the time when absent.
      frame: z.number().int().nonnegative().optional(),
      // issue 13: true when a person set or moved this event (review screen, `--events`)
      correctedByHand: z.boolean().optional(),
    }),
  ),
  metrics: z.partialRecord(metricId, metricSummary),
  flags: z.array(
    z.object({ id: z.string(), metricId, level: z.enum(['normal', 'watch', 'marked', 'unclear']), message: z.string(), meaning: z.string().optional(), unclear: z.boolean().optional() })
      // Reports written before 'unclear' became a level of its own stored it as level 'normal' + unclear: true;
      // read them as what they meant, so no tool shows them as normal.
      .transform(({ unclear, ...flag }) => (unclear === true && flag.level === 'normal' ? { ...flag, level: 'unclear' as const } : flag)),
  ),
  quality: z.object({
    framesWithPose: z.number().int().nonnegative(),
    framesTotal: z.number().int().nonnegative(),
    warnings: z.array(z.string()),
  }),
  verdict: z.array(z.string()).optional(),
  steps: z.array(stepRow).optional(),
  facing: z.enum(['imageLeft', 'imageRight', 'towardsCamera', 'awayFromCamera']).optional(),
  vertical: z.object({ deg: z.number(), from: z.enum(['scene', 'belt', 'image']) }).optional(),
  timing: timingReliability.optional(),
  session: z.object({
    clips: z.array(z.object({
      role: z.enum(['leftSide', 'rightSide', 'rear']), name: z.string(), why: z.string(), view: z.enum(['side', 'rear']),
      fps: z.number(), durationSec: z.number(),
    })),
    betweenClips: z.partialRecord(metricId, z.number()),
  }).optional(),
  curves: z
    .object({
      kneeAngleCycleDeg: z.object({ left: numberSeries, right: numberSeries }).optional(),
      hipLineDeg: z.object({ timeSec: z.array(z.number()), deg: numberSeries }).optional(),
    })
    .optional(),
  footStrikePattern: z.object({ left: footStrikeClass.nullable(), right: footStrikeClass.nullable() }).optional(),
  method: z.record(z.string(), z.string()).optional(),
  crossover: z.object({ left: crossoverCount, right: crossoverCount }).optional(),
  app: z.object({ name: z.string(), version: z.string() }).optional(),
});

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
  const what = /received undefined/.test(issue.message) ? 'is missing' : issue.message.replace(/^Invalid input: /, '');
  return `${where}: ${what}`;
}

/** Checks an already-parsed value (e.g. an in-memory AnalysisResult) against schemaVersion 1. */
export function validateAnalysisResult(value: unknown, sourceName = 'report.json'): AnalysisResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReportSchemaError('REPORT_INVALID', `${sourceName} must hold a JSON object, not ${Array.isArray(value) ? 'an array' : String(value)}.`);
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== REPORT_SCHEMA_VERSION) {
    const found = version === undefined ? 'has no schemaVersion' : `has schemaVersion ${JSON.stringify(version)}`;
    throw new ReportSchemaError(
      'REPORT_SCHEMA_VERSION',
      `${sourceName} ${found}; this version of Lopsided reads schemaVersion ${REPORT_SCHEMA_VERSION} only.`,
    );
  }
  const parsed = analysisResultSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 8).map(describeIssue);
    const more = parsed.error.issues.length > problems.length ? ` (and ${parsed.error.issues.length - problems.length} more)` : '';
    throw new ReportSchemaError(
      'REPORT_INVALID',
      `${sourceName} is not a valid schemaVersion ${REPORT_SCHEMA_VERSION} report: ${problems.join('; ')}${more}.`,
      problems,
    );
  }
  const data = parsed.data;
  const events = data.events.map((e) => ({ ...e, frame: e.frame ?? Math.round(e.timeSec * data.video.fps) }));
  return { ...data, events } as AnalysisResult;
}

/** Parses the text of a report.json; throws ReportSchemaError with a code and a readable message. */
export function parseReportJson(text: string, sourceName = 'report.json'): AnalysisResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ReportSchemaError('REPORT_NOT_JSON', `${sourceName} is not valid JSON: ${(err as Error).message}`);
  }
  return validateAnalysisResult(value, sourceName);
}
