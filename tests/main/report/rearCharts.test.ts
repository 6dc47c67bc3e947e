// A rear-view report draws no contact- or step-time chart (from behind those are not measured, and a chart of
// them showed a 400 vs 340 ms step-time gap on a symmetric rendered run); its hip-drop chart stays.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { renderReportPdf } from '../../../src/main/report/writeReportPdf';
import { pdfText, squash } from './pdfTools';

describe('rear-view report charts', () => {
  it('has the hip-drop chart and no contact- or step-time chart', async () => {
    const track = parseKeypointCsv(readFileSync('fixtures/posetracks/RBDS008_T35_rear.blazepose-full.csv', 'utf8'), { name: 'rear.csv', width: 1280, height: 720 });
    const result = analyseTrack(track, { view: 'auto' }, { path: 'rear.csv', fps: 60, durationSec: 10, width: 1280, height: 720 });
    expect(result.view).toBe('rear');
    // not measured from behind: no step carries a contact or step time (steps.csv, the tables), only its events
    expect((result.steps ?? []).every((s) => s.stepMs === null && s.contactMs === null)).toBe(true);
    expect((result.steps ?? []).filter((s) => s.toeOffTimeSec !== null).length).toBeGreaterThan(10);
    const dir = await mkdtemp(join(tmpdir(), 'lopsided-rear-charts-'));
    try {
      const path = join(dir, 'report.pdf');
      await writeFile(path, await renderReportPdf(result, { track }));
      const text = squash(await pdfText(path));
      expect(text).toContain('Hip drop during each stance');
      expect(text).not.toContain('Ground contact time per step');
      expect(text).not.toContain('Step time per step');
      // nor a contact, flight or step column in the steps table; the hip drop column is there
      expect(text).not.toContain('Contact (ms)');
      expect(text).not.toContain('Step (ms)');
      expect(text).toContain('Hip drop (°)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
