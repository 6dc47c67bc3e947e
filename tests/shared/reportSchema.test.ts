// report.json schemaVersion 1 (design.md; issue 5): round trip, and clear typed errors for bad files.
import { describe, expect, it } from 'vitest';
import { ReportSchemaError, parseReportJson, validateAnalysisResult } from '../../src/shared/reportSchema';
import { makeSampleResult } from '../main/report/sampleResult';

function sampleJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(makeSampleResult({ view: 'side' }))) as Record<string, unknown>;
}

function errorOf(fn: () => unknown): ReportSchemaError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ReportSchemaError) return err;
    throw err;
  }
  throw new Error('expected a ReportSchemaError, nothing was thrown');
}

describe('parseReportJson', () => {
  it('reads back what the analysis writes, null per-step values becoming NaN again', () => {
    const result = makeSampleResult({ view: 'side' });
    const left = result.metrics.contactTimeMs?.perStep.left ?? [];
    left[2] = Number.NaN; // a step whose contact could not be measured
    const parsed = parseReportJson(JSON.stringify(result));
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(result));
    expect(Number.isNaN(parsed.metrics.contactTimeMs?.perStep.left[2])).toBe(true);
    expect(parsed.steps?.length).toBe(result.steps?.length);
  });

  it('keeps the marks of events corrected by hand (issue 13) and refuses a malformed one', () => {
    const result = makeSampleResult({ view: 'side' });
    result.events[0] = { ...result.events[0]!, correctedByHand: true };
    result.steps![0] = { ...result.steps![0]!, correctedByHand: ['footStrike', 'toeOff'] };
    const seen = { visibility: 0.9, hidden: false, zeniOffsetSec: 0.004, scatterSec: 0.002, wandering: false };
    result.timing = {
      betweenFeetSec: { footStrike: 1 / 30, toeOff: 0.012 }, floorSec: 0.01, basis: 'hand', handSetSec: 1 / 30,
      evidence: { left: { footStrike: { ...seen, handSet: 3 }, toeOff: seen }, right: { footStrike: seen, toeOff: seen } },
    };
    const parsed = parseReportJson(JSON.stringify(result));
    expect(parsed.events[0]!.correctedByHand).toBe(true);
    expect(parsed.steps![0]!.correctedByHand).toEqual(['footStrike', 'toeOff']);
    expect(parsed.timing).toMatchObject({ basis: 'hand', handSetSec: 1 / 30, evidence: { left: { footStrike: { handSet: 3 } } } });
    const bad = sampleJson();
    (bad.events as Record<string, unknown>[])[0]!.correctedByHand = 'yes';
    expect(errorOf(() => validateAnalysisResult(bad)).problems[0]).toMatch(/^events\.0\.correctedByHand: /);
  });

  it('keeps the feet\'s pixel evidence (issue 11; null where the pixels gave too few) and refuses a malformed one', () => {
    const result = makeSampleResult({ view: 'side' });
    const seen = { visibility: 0.9, hidden: false, zeniOffsetSec: 0.004, scatterSec: 0.002, wandering: false };
    const px = { ...seen, pixelOffsetSec: 0.011, pixelScatterSec: 0.007, pixelDisagrees: false };
    result.timing = {
      betweenFeetSec: { footStrike: 1 / 30, toeOff: 1 / 30 }, floorSec: 1 / 30, basis: 'clip',
      evidence: { left: { footStrike: px, toeOff: { ...px, pixelOffsetSec: 0.09, pixelDisagrees: true } }, right: { footStrike: { ...px, pixelOffsetSec: null, pixelScatterSec: null }, toeOff: seen } },
    };
    const parsed = parseReportJson(JSON.stringify(result));
    expect(parsed.timing?.evidence.left.toeOff).toMatchObject({ pixelOffsetSec: 0.09, pixelDisagrees: true });
    expect(parsed.timing?.evidence.right.footStrike.pixelOffsetSec).toBeNull();
    expect(parsed.timing?.evidence.right.toeOff).not.toHaveProperty('pixelOffsetSec');
    const bad = JSON.parse(JSON.stringify(result)) as { timing: { evidence: { left: { toeOff: Record<string, unknown> } } } };
    bad.timing.evidence.left.toeOff.pixelDisagrees = 'yes';
    expect(errorOf(() => validateAnalysisResult(bad)).problems[0]).toMatch(/^timing\.evidence\.left\.toeOff\.pixelDisagrees: /);
  });

  it('reads an older report\'s undecided flag (level normal + unclear: true) as level unclear, so no reader shows it as normal', () => {
    const json = sampleJson();
    const flags = json.flags as { level: string; unclear?: boolean }[];
    flags[0] = { ...flags[0]!, level: 'normal', unclear: true };
    flags[1] = { ...flags[1]!, level: 'normal' };
    const parsed = parseReportJson(JSON.stringify(json));
    expect(parsed.flags[0]).toMatchObject({ level: 'unclear' });
    expect(parsed.flags[0]).not.toHaveProperty('unclear');
    expect(parsed.flags[1]).toMatchObject({ level: 'normal' });
  });

  it('accepts design.md\'s minimal wire format (no frame index, no optional sections)', () => {
    const json = sampleJson();
    for (const key of ['verdict', 'steps', 'facing', 'curves', 'method', 'app']) delete json[key];
    json.events = [{ side: 'left', type: 'footStrike', timeSec: 1.0 }];
    const parsed = parseReportJson(JSON.stringify(json));
    // The frame is derived from the time at the video's frame rate (59.94 fps in the sample).
    expect(parsed.events[0]).toEqual({ side: 'left', type: 'footStrike', timeSec: 1.0, frame: 60 });
    expect(parsed.steps).toBeUndefined();
  });

  it('refuses another schemaVersion, saying which it found and which it reads', () => {
    const err = errorOf(() => parseReportJson(JSON.stringify({ ...sampleJson(), schemaVersion: 2 })));
    expect(err.code).toBe('REPORT_SCHEMA_VERSION');
    expect(err.message).toBe('report.json has schemaVersion 2; this version of Lopsided reads schemaVersion 1 only.');
  });

  it('refuses a file without schemaVersion', () => {
    const json = sampleJson();
    delete json.schemaVersion;
    const err = errorOf(() => parseReportJson(JSON.stringify(json), 'out/report.json'));
    expect(err.code).toBe('REPORT_SCHEMA_VERSION');
    expect(err.message).toMatch(/^out\/report\.json has no schemaVersion/);
  });

  it('names each missing or mistyped field by its path', () => {
    const json = sampleJson();
    delete json.flags;
    const metrics = json.metrics as Record<string, Record<string, unknown>>;
    delete metrics.contactTimeMs?.left;
    (json.video as Record<string, unknown>).fps = 'sixty';
    const err = errorOf(() => parseReportJson(JSON.stringify(json)));
    expect(err.code).toBe('REPORT_INVALID');
    expect(err.problems).toEqual(
      expect.arrayContaining(['video.fps: expected number, received string', 'metrics.contactTimeMs.left: is missing', 'flags: is missing']),
    );
    expect(err.message).toContain('flags: is missing');
  });

  it('refuses unknown metric ids and flag levels', () => {
    const json = sampleJson();
    (json.metrics as Record<string, unknown>).bounceFactor = (json.metrics as Record<string, unknown>).contactTimeMs;
    (json.flags as Record<string, unknown>[])[0]!.level = 'danger';
    const err = errorOf(() => parseReportJson(JSON.stringify(json)));
    expect(err.code).toBe('REPORT_INVALID');
    expect(err.problems.join('\n')).toMatch(/metrics: .*"bounceFactor"/);
    expect(err.problems.join('\n')).toMatch(/flags\.0\.level/);
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    expect(errorOf(() => parseReportJson('')).code).toBe('REPORT_NOT_JSON');
    expect(errorOf(() => parseReportJson('{"schemaVersion":1')).code).toBe('REPORT_NOT_JSON');
    const arr = errorOf(() => parseReportJson('[1,2]'));
    expect(arr.code).toBe('REPORT_INVALID');
    expect(arr.message).toMatch(/an array/);
  });

  it('validateAnalysisResult accepts in-memory results with NaN per-step values', () => {
    const result = makeSampleResult({ view: 'rear' });
    (result.metrics.hipDropDeg?.perStep.right ?? [])[0] = Number.NaN;
    expect(validateAnalysisResult(result).view).toBe('rear');
  });
});
