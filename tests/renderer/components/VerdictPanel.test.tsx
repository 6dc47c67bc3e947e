// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { mergeSession } from '../../../src/analysis/mergeSession';
import { mirroredDemoTrack } from '../../../scripts/validate/mirroredDemo';
import { posetrackPath } from '../../../scripts/validate/truthLoaders';
import { VerdictPanel } from '../../../src/renderer/components/VerdictPanel';
import { formatInterval, formatValue } from '../../../src/renderer/format/formatValue';
import type { AnalysisResult, MetricId } from '../../../src/shared/contract';
import { createFakeApi, fakeJob } from '../fakeApi';
import { loadFixtureSession } from '../loadFixtureSession';

let result: AnalysisResult;
beforeAll(() => { result = loadFixtureSession('rear').result; });
afterEach(cleanup);

function setup(exports = fakeJob().exports) {
  const api = createFakeApi([{ job: fakeJob({ exports }), result, videoUrl: '' }]);
  render(<VerdictPanel api={api} jobId="job-1" result={result} exports={exports} />);
  return api;
}

describe('VerdictPanel, side view (issue 16)', () => {
  it('shows the side-view angles in the table and each foot\'s strike class and the whole-clip trunk lean as the result has them', () => {
    // the real analysis of the rendered clip's cached BlazePose heavy track (fixtures/posetracks)
    const csv = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv'), 'utf8');
    const side = analyseTrack(parseKeypointCsv(csv, { name: 'RBDS008_T35_side.blazepose-heavy.csv' }), { view: 'auto' }, { path: 'RBDS008_T35_side.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 });
    const api = createFakeApi([{ job: fakeJob(), result: side, videoUrl: '' }]);
    render(<VerdictPanel api={api} jobId="job-1" result={side} />);
    const shown = screen.getAllByTestId('side-row').map((r) => r.dataset.metric);
    const measured = (['hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'trunkLeanDeg', 'armSwingDeg'] as MetricId[])
      .filter((id) => side.metrics[id] && (side.metrics[id]!.left !== null || side.metrics[id]!.right !== null));
    expect(measured.length).toBeGreaterThan(2);
    for (const id of measured) expect(shown).toContain(id);
    const facts = screen.getAllByTestId('side-facts').map((p) => p.textContent).join(' ');
    const p = side.footStrikePattern!;
    expect(facts).toContain(`left ${p.left ?? 'not measured'}, right ${p.right ?? 'not measured'}`);
    expect(facts).toContain(`${side.metrics.trunkLeanDeg!.wholeClip!.toFixed(1)}° forward`);
  });
});

describe('VerdictPanel, a foot not timed (issue 11)', () => {
  it('says "not compared" in the level column of a measure with one side only, never a bare dash that reads as fine', () => {
    // the demo clip's stored BlazePose heavy track: its far (right) foot's toe-offs wander, so contact is left only
    const csv = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv'), 'utf8');
    const demo = analyseTrack(parseKeypointCsv(csv, { name: 'treadmill_side_30fps.blazepose-heavy.csv' }), { view: 'auto' }, { path: 'treadmill_side_30fps.mp4', fps: 30, durationSec: 12, width: 720, height: 1280 });
    expect(demo.metrics.contactTimeMs!.left).not.toBeNull();
    expect(demo.metrics.contactTimeMs!.right).toBeNull();
    const api = createFakeApi([{ job: fakeJob(), result: demo, videoUrl: '' }]);
    render(<VerdictPanel api={api} jobId="job-1" result={demo} />);
    const level = (id: MetricId) => screen.getAllByTestId('side-row').find((r) => r.dataset.metric === id)!.querySelector('[data-cell="level"]')!;
    expect(level('contactTimeMs').textContent).toBe('not compared');
    // both sides measured: its own level (step time is unclear on this 30 fps clip)
    expect(level('stepTimeMs').querySelector('[data-level]')).not.toBeNull();
  });

  it('says "too few steps" where both sides are measured on fewer than 8 steps of one, not a bare dash beside an interval', () => {
    // the demo and the same clip mirrored as one session: each arm is seen in only a few strides (6 and 2)
    const read = (path: string) => analyseTrack(parseKeypointCsv(readFileSync(path, 'utf8'), { name: path }), { view: 'auto' }, { path, fps: 30, durationSec: 12, width: 720, height: 1280 });
    const s = mergeSession([
      { name: 'demo.mp4', result: read(posetrackPath('treadmill_side_30fps.blazepose-heavy.csv')) },
      { name: 'mirrored.mp4', result: read(mirroredDemoTrack('heavy')) },
    ]);
    const arm = s.metrics.armSwingDeg!;
    expect(arm.differenceCi95).not.toBeNull();
    expect(Math.min(arm.perStep.left.length, arm.perStep.right.length)).toBeLessThan(8);
    render(<VerdictPanel api={createFakeApi([{ job: fakeJob(), result: s, videoUrl: '' }])} jobId="job-1" result={s} />);
    const cell = screen.getAllByTestId('side-row').find((r) => r.dataset.metric === 'armSwingDeg')!.querySelector('[data-cell="level"]')!;
    expect(cell.textContent).toBe('too few steps');
    expect(cell.querySelector('span')?.getAttribute('title')).toMatch(/Fewer than 8 steps of one side/);
    // a session's unclear measures are what these clips, not this clip, cannot tell
    expect(screen.getByText(/for the unclear ones these clips cannot tell/)).toBeTruthy();
  });
});

describe('VerdictPanel', () => {
  it('shows every measured metric with the result’s own left, right and interval', () => {
    setup();
    const rows = screen.getAllByTestId('side-row');
    const ids = Object.keys(result.metrics) as MetricId[];
    expect(rows.map((r) => r.dataset.metric).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      const m = result.metrics[row.dataset.metric as MetricId]!;
      expect(within(row).getByText(formatValue(m.left, m.unit), { selector: '[data-cell="left"]' })).toBeTruthy();
      expect(row.querySelector('[data-cell="right"]')!.textContent).toBe(formatValue(m.right, m.unit));
      expect(row.querySelector('[data-cell="difference"]')!.textContent).toContain(formatInterval(m.differenceCi95, m.unit));
    }
    // The fixture's real numbers: RBDS008 force-plate contact times 247.8 vs 242.3 ms over the clip.
    const contact = rows.find((r) => r.dataset.metric === 'contactTimeMs')!;
    expect(contact.querySelector('[data-cell="left"]')!.textContent).toMatch(/^24\d ms$/);
  });

  it('lists flags with their level word and the verdict sentences', () => {
    setup();
    const items = screen.getAllByTestId('flag-item');
    expect(items).toHaveLength(result.flags.length);
    // Most severe first; every item says its level in words, not colour alone.
    const rank = { marked: 0, watch: 1, normal: 2 } as const;
    const levels = items.map((i) => i.dataset.level as keyof typeof rank);
    expect(levels).toEqual([...levels].sort((a, b) => rank[a] - rank[b]));
    items.forEach((i) => expect(i.textContent).toMatch(/Normal|Watch|Marked|Unclear/));
    const hipFlag = result.flags.find((f) => f.metricId === 'hipDropDeg')!;
    expect(items.find((i) => i.dataset.level === hipFlag.level && i.textContent!.includes(hipFlag.message))).toBeTruthy();
    for (const sentence of result.verdict ?? []) expect(screen.getAllByText(sentence).length).toBeGreaterThan(0);
  });

  it('shows what a watch/marked finding may mean under it, and the crossover count per side (issue 16)', () => {
    const flags = result.flags.map((f, i) => (i === 0 ? { ...f, level: 'watch' as const, meaning: 'One foot lands closer to the midline than the other.' } : f));
    const withRear = { ...result, flags, crossover: { left: { count: 3, of: 12 }, right: { count: 0, of: 12 } } };
    const api = createFakeApi([{ job: fakeJob(), result: withRear, videoUrl: '' }]);
    render(<VerdictPanel api={api} jobId="job-1" result={withRear} exports={fakeJob().exports} />);
    expect(screen.getAllByTestId('flag-meaning').map((e) => e.textContent)).toEqual(['What this may mean: One foot lands closer to the midline than the other.']);
    expect(screen.getByTestId('crossover').textContent).toBe('A foot landed across the midline (crossover): the left in 3 of 12 stances, the right in 0 of 12.');
  });

  it('says "Unclear", not "Normal", for a difference beyond the band whose interval cannot decide', () => {
    const flags = result.flags.map((f, i) => (i === 0 ? { ...f, level: 'unclear' as const } : { ...f, level: 'normal' as const }));
    const unclearId = flags[0]!.metricId;
    const api = createFakeApi([{ job: fakeJob(), result: { ...result, flags }, videoUrl: '' }]);
    render(<VerdictPanel api={api} jobId="job-1" result={{ ...result, flags }} exports={fakeJob().exports} />);
    const row = screen.getAllByTestId('side-row').find((r) => r.dataset.metric === unclearId)!;
    expect(row.querySelector('[data-cell="level"]')!.textContent).toMatch(/Unclear/);
    for (const other of screen.getAllByTestId('side-row').filter((r) => r.dataset.metric !== unclearId && flags.some((f) => f.metricId === r.dataset.metric))) {
      expect(other.querySelector('[data-cell="level"]')!.textContent).toMatch(/Normal/);
    }
    expect(screen.getByText(/not flagged: \d+ within the normal band, 1 unclear/)).toBeTruthy();
    expect(screen.getByText(/No difference between the sides stands out clearly/)).toBeTruthy();
  });

  it('shows the quality warnings, or says there are none', () => {
    setup();
    const box = screen.getByTestId('quality-warnings');
    expect(box.textContent).toContain(result.quality.warnings[0]!);
    cleanup();
    const clean = { ...result, quality: { ...result.quality, warnings: [] } };
    render(<VerdictPanel api={createFakeApi([])} jobId="job-1" result={clean} />);
    expect(screen.getByTestId('quality-warnings').textContent).toContain('No warnings');
  });

  it('export buttons call api.exportFile with the kind, and show a refusal as an error', async () => {
    const api = setup(['report.json', 'steps.csv']);
    fireEvent.click(screen.getByTestId('export-json'));
    fireEvent.click(await screen.findByTestId('export-csv-steps'));
    await screen.findByText('Steps CSV');
    expect(api.calls.filter((c) => c.method === 'exportFile').map((c) => c.args)).toEqual([['job-1', 'report.json'], ['job-1', 'steps.csv']]);
    // Not written for this job: disabled, not a silent failure.
    expect((screen.getByTestId('export-pdf') as HTMLButtonElement).disabled).toBe(true);
  });

  it('reports an export the engine refuses', async () => {
    const api = createFakeApi([{ job: fakeJob({ exports: [] }), result, videoUrl: '' }]);
    render(<VerdictPanel api={api} jobId="job-1" result={result} />);
    fireEvent.click(screen.getByTestId('export-pdf'));
    const err = await screen.findByTestId('error-message');
    expect(err.dataset.code).toBe('EXPORT_MISSING');
  });
});
