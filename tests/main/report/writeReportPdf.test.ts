// The PDF report against report.json (issue 5 "How it is checked"): the per-side table's numbers,
// every flag message, page count, paper sizes, embedded fonts, and atomic refusal of bad input.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_INS } from '../../../src/main/report/reportFonts';
import { writeReportPdf } from '../../../src/main/report/writeReportPdf';
import type { AnalysisResult, FlagLevel, MetricId } from '../../../src/shared/contract';
import {
  formatMetricDifference,
  formatMetricInterval,
  formatMetricValue,
  formatSeconds,
  formatSymmetryIndex,
  metricLabel,
  metricUnitLabel,
} from '../../../src/shared/formatMetric';
import { ReportSchemaError, parseReportJson } from '../../../src/shared/reportSchema';
import { pdfFonts, pdfInfo, pdfText, squash } from './pdfTools';
import { loadReportInput, type ReportInput } from './reportInput';
import { makeSampleResult } from './sampleResult';

const dir = mkdtempSync(join(tmpdir(), 'lopsided-report-'));
const DATE = new Date('2026-11-25T12:00:00Z');
let input: ReportInput;
const pdfs: Record<string, string> = {};

async function render(name: string, result: AnalysisResult, paper: 'A4' | 'LETTER'): Promise<string> {
  const out = join(dir, `${name}.pdf`);
  await writeReportPdf(result, out, { paper, runnerName: 'Alex Example', reportDate: DATE });
  return out;
}

beforeAll(async () => {
  input = loadReportInput();
  console.info(`report test drawn from: ${input.source}`);
  pdfs.main = await render('main-a4', input.result, 'A4');
  pdfs.letter = await render('rear-letter', makeSampleResult({ view: 'rear' }), 'LETTER');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The expected per-side row, computed from report.json independently of the report's code. */
function expectedRow(result: AnalysisResult, id: MetricId): string {
  const m = result.metrics[id];
  if (!m) throw new Error(`no metric ${id}`);
  const diff = m.left !== null && m.right !== null ? m.left - m.right : null;
  const rank: Record<FlagLevel, number> = { normal: 0, unclear: 1, watch: 2, marked: 3 };
  const levels = result.flags.filter((f) => f.metricId === id).map((f) => f.level);
  const oneSide = (m.left === null) !== (m.right === null);
  const fewSteps = !oneSide && m.left !== null && Math.min(m.perStep.left.length, m.perStep.right.length) < 8;
  const flag = levels.length ? levels.reduce((a, b) => (rank[b] > rank[a] ? b : a)) : oneSide ? 'not compared' : fewSteps ? 'too few steps' : '–';
  return [
    `${metricLabel(id)} (${metricUnitLabel(id)})`,
    formatMetricValue(id, m.left),
    formatMetricValue(id, m.right),
    formatMetricDifference(id, diff),
    formatMetricInterval(id, m.differenceCi95),
    formatSymmetryIndex(m.symmetryIndexPct),
    flag,
  ].join(' ');
}

describe.each([
  ['main', () => input.result],
  ['letter', () => makeSampleResult({ view: 'rear' })],
] as const)('report %s', (key, resultOf) => {
  it('per-side table: every number equals report.json formatted by the shared formatter', async () => {
    const result = resultOf();
    const page1Lines = (await pdfText(pdfs[key] ?? '', { layout: true, firstPage: 1, lastPage: 2 })).split('\n').map(squash);
    const ids = Object.keys(result.metrics) as MetricId[];
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      const m = result.metrics[id]!;
      const line = page1Lines.find((l) => l.startsWith(`${metricLabel(id)} (${metricUnitLabel(id)})`));
      // a measure with no value on either side (not measured from this view) has no row of dashes
      expect(line, `row for ${id}`).toBe(m.left === null && m.right === null ? undefined : expectedRow(result, id));
    }
  });

  it('shows the verdict and every flag message in full', async () => {
    const result = resultOf();
    const text = squash(await pdfText(pdfs[key] ?? ''));
    // Wrapped lines may break after a dash with no space in the source: compare without whitespace.
    const bare = text.replace(/\s+/g, '');
    // Characters Open Sans lacks (arrows) are printed as their stand-ins.
    const printable = (s: string) => Array.from(s).map((c) => (c !== '−' && STAND_INS[c]) || c).join('');
    const has = (s: string) => expect(bare).toContain(printable(s).replace(/\s+/g, ''));
    expect(result.flags.length).toBeGreaterThan(0);
    for (const flag of result.flags) has(flag.message);
    for (const sentence of result.verdict ?? []) has(sentence);
    for (const warning of result.quality.warnings) has(warning);
    expect(text).toContain('Malisoux');
    expect(text).toContain('Alex Example');
    expect(text).toContain('2026-11-25');
  });

  it('numbers every page "Page N of M" and has a sane page count', async () => {
    const info = await pdfInfo(pdfs[key] ?? '');
    const result = resultOf();
    // Header+table, charts, key frames, steps (~40 rows a page), notes.
    const minPages = 4 + Math.floor((result.steps?.length ?? 0) / 45);
    expect(info.pages).toBeGreaterThanOrEqual(minPages);
    expect(info.pages).toBeLessThanOrEqual(minPages + 3);
    const text = await pdfText(pdfs[key] ?? '');
    for (let n = 1; n <= info.pages; n++) expect(text).toContain(`Page ${n} of ${info.pages}`);
  });

  it('lists every step in the per-step table, header repeated on each page', async () => {
    const result = resultOf();
    const whole = await pdfText(pdfs[key] ?? '', { layout: true });
    const steps = result.steps ?? [];
    expect(whole).toContain(`Every step (${steps.length})`);
    // the side-view angles (issue 16) follow in a second table of the same steps: checked below
    const [text = '', angles = ''] = whole.split('Every step: side-view angles');
    const rows = text.split('\n').map(squash).filter((l) => /^\d+ (Left|Right) \d+\.\d\d /.test(l));
    expect(rows.length).toBe(steps.length);
    // Each row starts with its step's number, side, times and contact, formatted as in report.json.
    [...steps].sort((a, b) => a.strikeTimeSec - b.strikeTimeSec).forEach((st, i) => {
      const side = st.side === 'left' ? 'Left' : 'Right';
      const start = `${i + 1} ${side} ${formatSeconds(st.strikeTimeSec)} ${formatSeconds(st.toeOffTimeSec)} ${formatMetricValue('contactTimeMs', st.contactMs)} `;
      expect(rows[i]?.startsWith(start), `step row ${i + 1}: ${rows[i]} vs ${start}`).toBe(true);
    });
    const headers = text.split('\n').filter((l) => /Strike \(s\)\s+Toe-off \(s\)/.test(l)).length;
    expect(headers).toBeGreaterThanOrEqual(Math.ceil(steps.length / 60));
    const hasAngles = steps.some((st) => Number.isFinite(st.hipExtensionAtToeOffDeg ?? Number.NaN));
    const angleRows = angles.split('\n').map(squash).filter((l) => /^\d+ (Left|Right) \d+\.\d\d /.test(l));
    expect(angleRows.length).toBe(hasAngles ? steps.length : 0);
    // each angle row: number, side, strike time, then the angles measured on that step as report.json has them
    [...steps].sort((a, b) => a.strikeTimeSec - b.strikeTimeSec).forEach((st, i) => {
      if (!hasAngles) return;
      const side = st.side === 'left' ? 'Left' : 'Right';
      expect(angleRows[i]?.startsWith(`${i + 1} ${side} ${formatSeconds(st.strikeTimeSec)} ${formatMetricValue('hipExtensionAtToeOffDeg', st.hipExtensionAtToeOffDeg)} `), `angle row ${i + 1}: ${angleRows[i]}`).toBe(true);
    });
  });

  it('embeds its fonts', async () => {
    const fonts = await pdfFonts(pdfs[key] ?? '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.embedded, f.name).toBe(true);
  });
});

describe('a minimal report.json (design.md fields only)', () => {
  it('renders, saying what is missing instead of drawing empty charts', async () => {
    const minimal = parseReportJson(JSON.stringify({
      schemaVersion: 1,
      video: { path: 'C:\\clips\\run.mov', fps: 30, durationSec: 5, width: 640, height: 480 },
      view: 'rear',
      cadenceSpm: null,
      events: [],
      metrics: { contactTimeMs: { unit: 'ms', left: null, right: 240, symmetryIndexPct: null, differenceCi95: null, perStep: { left: [], right: [240] } } },
      flags: [],
      quality: { framesWithPose: 0, framesTotal: 150, warnings: [] },
    }));
    const out = join(dir, 'minimal.pdf');
    await writeReportPdf(minimal, out, { reportDate: DATE });
    const text = squash(await pdfText(out, { layout: true }));
    expect(text).toContain('Clip run.mov');
    expect(text).toContain('Ground contact time (ms) – 240 – – – not compared');
    expect(text).toContain('No per-step values were available to chart.');
    expect(text).toContain('The analysis raised no flags.');
    expect((await pdfInfo(out)).pages).toBeLessThanOrEqual(3);
  });
});

describe('characters the font lacks', () => {
  it('prints stand-ins instead of empty boxes, in report.json text and the runner name', async () => {
    const result = makeSampleResult({ view: 'side' });
    result.flags[0]!.message = 'Shank (knee→ankle) angle ✓ differs; 李 runs.';
    const out = join(dir, 'glyphs.pdf');
    await writeReportPdf(result, out, { runnerName: 'Zoë → Ørsted', reportDate: DATE });
    const text = squash(await pdfText(out));
    expect(text).toContain('Shank (knee->ankle) angle yes differs; ? runs.');
    expect(text).toContain('Zoë -> Ørsted');
  });
});

describe('paper sizes', () => {
  it('A4 pages are 595.28 × 841.89 pt and Letter pages 612 × 792 pt', async () => {
    const a4 = await pdfInfo(pdfs.main ?? '');
    const letter = await pdfInfo(pdfs.letter ?? '');
    expect(a4.pageSizes.length).toBe(a4.pages);
    for (const [w, h] of a4.pageSizes) expect([w, h]).toEqual([595.28, 841.89]);
    expect(letter.pageSizes.length).toBe(letter.pages);
    for (const [w, h] of letter.pageSizes) expect([w, h]).toEqual([612, 792]);
  });

  it('notes in the PDF that key frames were left out when no video is given', async () => {
    expect(squash(await pdfText(pdfs.letter ?? ''))).toContain('Key frames are not included');
  });
});

describe('bad input never becomes a PDF', () => {
  const good = () => JSON.parse(JSON.stringify(makeSampleResult({ view: 'side' }))) as Record<string, unknown>;

  async function expectRefused(bad: unknown, code: string, messagePart: RegExp): Promise<void> {
    const out = join(dir, `bad-${code}.pdf`);
    writeFileSync(out, 'previous report');
    const err = await writeReportPdf(bad as AnalysisResult, out, { reportDate: DATE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportSchemaError);
    expect((err as ReportSchemaError).code).toBe(code);
    expect((err as Error).message).toMatch(messagePart);
    // The old file is untouched and no temp file is left beside it.
    expect(readFileSync(out, 'utf8')).toBe('previous report');
    expect(readdirSync(dir).filter((f) => f.startsWith(`bad-${code}.pdf.`))).toEqual([]);
  }

  it('refuses a wrong schemaVersion', async () => {
    await expectRefused({ ...good(), schemaVersion: 2 }, 'REPORT_SCHEMA_VERSION', /schemaVersion 2.*reads schemaVersion 1/);
  });

  it('refuses a result with missing fields, naming them', async () => {
    const bad = good();
    delete bad.quality;
    delete (bad.video as Record<string, unknown>).fps;
    await expectRefused(bad, 'REPORT_INVALID', /video\.fps: is missing.*quality: is missing/);
  });

  it('parseReportJson gives the same typed errors for report.json text', () => {
    expect(() => parseReportJson('{"schemaVersion": 1,')).toThrow(expect.objectContaining({ code: 'REPORT_NOT_JSON' }));
    expect(() => parseReportJson('{"view":"side"}')).toThrow(/has no schemaVersion/);
  });

  it('a write failure leaves nothing behind and says where', async () => {
    const out = join(dir, 'no-such-dir', 'report.pdf');
    await expect(writeReportPdf(makeSampleResult({ view: 'side' }), out, { reportDate: DATE })).rejects.toMatchObject({ code: 'REPORT_WRITE_FAILED' });
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});

describe('file size', () => {
  it('stays small without key frames (vector charts, subset fonts)', () => {
    expect(statSync(pdfs.letter ?? '').size).toBeLessThan(400_000);
  });
});

describe('titled by the session (issue 13)', () => {
  it('prints the session and runner, the clip by the name the user knows, never the stored copy’s name', async () => {
    const result = makeSampleResult({ view: 'side' });
    result.video.path = '/data/lopsided/videos/3f2a/clip.mp4';
    const out = join(dir, 'named.pdf');
    await writeReportPdf(result, out, { runnerName: 'Ana Example', sessionName: 'Before orthotics', clipName: 'IMG_0412.MOV', reportDate: DATE });
    const text = squash(await pdfText(out));
    expect(text).toContain('Session Before orthotics');
    expect(text).toContain('Runner Ana Example');
    expect(text).toContain('IMG_0412.MOV');
    expect(text).not.toContain('clip.mp4');
    // the page footers and the document title name the session
    expect(text).toMatch(/Before orthotics · 2026-11-25/);
    expect(readFileSync(out).toString('latin1')).toContain('Running gait report: Before orthotics');
  });
});

describe('a foot this clip could not time (issue 11)', () => {
  it('says its events and the values resting on them are greyed, and says it only then', async () => {
    const timed = makeSampleResult({ view: 'side' });
    const seen = { visibility: 0.9, hidden: false, zeniOffsetSec: 0.01, scatterSec: 0.002, wandering: false };
    const untimed: AnalysisResult = {
      ...timed, facing: 'imageRight',
      timing: { betweenFeetSec: { footStrike: 0.033, toeOff: 0.033 }, floorSec: 0.033, basis: 'clip', evidence: { left: { footStrike: seen, toeOff: seen }, right: { footStrike: seen, toeOff: { ...seen, scatterSec: 0.03, wandering: true } } } },
    };
    const [a, b] = [join(dir, 'untimed.pdf'), join(dir, 'timed.pdf')];
    await writeReportPdf(untimed, a, { reportDate: DATE });
    await writeReportPdf({ ...timed, timing: { ...untimed.timing!, evidence: { left: { footStrike: seen, toeOff: seen }, right: { footStrike: seen, toeOff: seen } } } }, b, { reportDate: DATE });
    expect(squash(await pdfText(a))).toContain('Grey: a foot’s events this clip could not time, and the values resting on them');
    expect(squash(await pdfText(b))).not.toContain('Grey:');
  });
});
