// The PDF's hip-drop chart speaks the verdict's convention (issue 13): + = the swing side lower per stance side,
// its marks are the table's per-step values, and the convention is written on the chart. Drawn from the real
// analysis of the rendered rear clip's keypoint track (fixtures/posetracks, fixtures/synthetic/README.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';
import { hipDropChartData } from '../../../src/main/report/hipDropChart';
import { writeReportPdf } from '../../../src/main/report/writeReportPdf';
import type { AnalysisResult } from '../../../src/shared/contract';
import { pdfText, squash } from './pdfTools';

const dir = mkdtempSync(join(tmpdir(), 'lopsided-hipchart-'));
let result: AnalysisResult;
beforeAll(async () => {
  result = (await analyseKeypointCsv('fixtures/posetracks/RBDS008_T35_rear.blazepose-full.csv', { view: 'rear' })).result;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hipDropChartData', () => {
  it('marks each step at mid-stance with the table’s hip drop, per stance side', () => {
    const data = hipDropChartData(result)!;
    expect(data).not.toBeNull();
    for (const side of ['left', 'right'] as const) {
      const own = (result.steps ?? []).filter((s) => s.side === side && s.hipDropDeg !== null && Number.isFinite(s.hipDropDeg));
      expect(own.length).toBeGreaterThan(6);
      expect(data[side].steps.map((p) => p.y)).toEqual(own.map((s) => s.hipDropDeg));
      // at the moment each value was read (the rear view's mid-stance), not at the detected contact's midpoint
      expect(own.every((s) => typeof s.midStanceTimeSec === 'number')).toBe(true);
      expect(data[side].steps.map((p) => p.x)).toEqual(own.map((s) => s.midStanceTimeSec));
      expect(data[side].meanDeg).toBe(result.metrics.hipDropDeg![side]);
    }
  });

  it('draws the pelvis line only during a stance, as that stance’s drop (right lower = + standing on the left, − on the right)', () => {
    const data = hipDropChartData(result)!;
    const curve = result.curves!.hipLineDeg!;
    let checked = 0;
    curve.timeSec.forEach((t, i) => {
      const raw = curve.deg[i]!;
      const l = data.left.stance[i]!;
      const r = data.right.stance[i]!;
      expect(l.x).toBe(t);
      // one foot on the ground at a time in running: never both stances at once
      expect(l.y !== null && r.y !== null).toBe(false);
      if (l.y !== null) { expect(l.y).toBe(raw); checked++; }
      if (r.y !== null) { expect(r.y).toBe(-raw); checked++; }
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('is null when no step has a hip drop (side view)', () => {
    expect(hipDropChartData({ ...result, steps: (result.steps ?? []).map((s) => ({ ...s, hipDropDeg: null })) })).toBeNull();
  });
});

describe('the PDF’s hip-drop chart', () => {
  it('writes the verdict’s sign convention on the chart', async () => {
    const out = join(dir, 'rear.pdf');
    await writeReportPdf(result, out, { reportDate: new Date('2026-12-06T12:00:00Z') });
    const text = squash(await pdfText(out));
    expect(text).toContain('Hip drop during each stance (rear view)');
    expect(text).toContain('+ = pelvis lower on the swing side (a drop), − = it rises');
    expect(text).toContain('Standing on left');
  }, 60_000);
});
