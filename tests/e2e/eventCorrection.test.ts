// Events corrected by hand, end to end in Chromium (issue 13): the real server and the real analysis of the demo
// clip (its stored BlazePose heavy track: trackRunner.ts). Moving one foot strike one frame later must shorten that
// step's contact time by exactly one frame (33.3 ms at 30 fps) in the page's step table, the exported events.csv
// and steps.csv and the PDF; revert must bring every original number back; and `lopsided analyse --events` on the
// exported events.csv must give the numbers the page showed.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, StepRow } from '../../src/shared/contract';
import { formatSeconds } from '../../src/shared/formatMetric';
import { formatValue } from '../../src/renderer/format/formatValue';
import { productionProbe } from '../../src/main/library/productionEngine';
import { assertBuilt, runCli } from '../main/cli/runBuiltCli';
import { pdfText, squash } from '../main/report/pdfTools';
import { analyseFixtureInUi, openPage, SCREENSHOTS, shot, useE2eEnv } from './e2eHelpers';
import { createTrackRunner } from './trackRunner';

const TRACK = resolve('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv');

async function download(page: Page, testId: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return d.path();
}

function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

/** Where two results differ by more than tol (numbers) or at all (anything else), as "path: a vs b". */
function differences(a: unknown, b: unknown, tol: number, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tol || (Number.isNaN(a) && Number.isNaN(b)) ? [] : [`${path}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length !== b.length ? [`${path}: length ${a.length} vs ${b.length}`] : a.flatMap((x, i) => differences(x, b[i], tol, `${path}[${i}]`));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol, `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${String(a)} vs ${String(b)}`];
}

/** The PDF step-table row of a strike: "#, side, strike s, toe-off s, contact ms, …" on one layout line. */
function pdfStepContact(text: string, side: 'Left' | 'Right', strikeSec: number): number {
  const line = text.split('\n').map(squash).find((l) => new RegExp(`^\\d+ ${side} ${formatSeconds(strikeSec).replace('.', '\\.')} `).test(l));
  expect(line, `PDF step row of the ${side} strike at ${formatSeconds(strikeSec)} s`).toBeDefined();
  return Number(line!.split(' ')[4]);
}

describe('events corrected by hand, end to end', () => {
  const env = useE2eEnv('lopsided-e2e-edit-', () => {
    assertBuilt();
    return { probe: productionProbe, runner: createTrackRunner(TRACK) };
  });

  it('one strike one frame later: contact one frame shorter in the table, CSVs and PDF; revert restores; the CLI agrees', async () => {
    const { page, problems } = await openPage(env.browser);
    const jobId = await analyseFixtureInUi(page, env.server.url);
    const original = await env.server.service.getResult(jobId);
    const times = (await env.server.service.getTrack(jobId)).timesSec;

    await page.getByTestId('review-tab').click();
    await page.getByTestId('event-editor').waitFor();
    await page.waitForFunction(() => ((document.querySelector('[data-testid="video-player"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 2);

    // a step in the middle of the clip with contact, flight and step times, of a foot whose contact time is compared
    // (the demo clip's far-foot toe-offs wander, so its contact time is not)
    const compared = (['left', 'right'] as const).filter((side) => original.metrics.contactTimeMs?.[side] !== null);
    expect(compared.length).toBeGreaterThan(0);
    const row: StepRow = original.steps!.filter((s) => compared.includes(s.side) && s.contactMs !== null && s.stepMs !== null && s.flightMs !== null)[3]!;
    const strike = original.events.find((e) => e.type === 'footStrike' && e.side === row.side && e.timeSec === row.strikeTimeSec)!;
    const next = original.steps!.find((s) => s.strikeTimeSec > row.strikeTimeSec)!;
    // one frame's duration there, from the clip's own frame times (33.333 ms at 30 fps)
    const frameMs = (times[strike.frame + 1]! - times[strike.frame]!) * 1000;

    // select it on the timeline: the video jumps there and the frame strip shows it selected
    await page.locator(`[data-testid="timeline-event"][data-side="${strike.side}"][data-type="footStrike"][data-time-sec="${strike.timeSec}"]`).click();
    const mark = page.locator(`[data-testid="edit-event"][data-side="${strike.side}"][data-type="footStrike"][data-frame="${strike.frame}"]`);
    await expect.poll(() => mark.getAttribute('data-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('selected-event').getAttribute('data-frame')).toBe(String(strike.frame));
    const stepRow = (frame: number) => page.locator(`[data-testid="step-row"][data-side="${strike.side}"][data-strike-frame="${frame}"]`);
    const cell = async (frame: number, name: string): Promise<number> => Number(await stepRow(frame).locator(`[data-cell="${name}"]`).innerText());
    const contactBefore = await cell(strike.frame, 'contact');
    const stepBefore = await cell(strike.frame, 'step');
    expect(contactBefore).toBeCloseTo(row.contactMs!, 1);
    const sideCell = page.locator(`[data-testid="side-row"][data-metric="contactTimeMs"] [data-cell="${strike.side}"]`);
    const meanBefore = await sideCell.innerText();
    await shot(page, 'edit-01-selected');

    // ] moves it one frame later: that step's contact is one frame shorter, its step one frame longer, at once
    await page.keyboard.press(']');
    await stepRow(strike.frame + 1).waitFor();
    const contactAfter = await cell(strike.frame + 1, 'contact');
    const stepAfter = await cell(strike.frame + 1, 'step');
    console.info(`contact ${contactBefore} → ${contactAfter} ms, step ${stepBefore} → ${stepAfter} ms (one frame = ${frameMs.toFixed(3)} ms)`);
    expect(Math.abs(contactBefore - contactAfter - frameMs)).toBeLessThanOrEqual(0.1 + 1e-9); // the table's 0.1 ms rounding
    expect(Math.abs(stepAfter - stepBefore - frameMs)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(await stepRow(strike.frame + 1).locator('[data-cell="by-hand"]').innerText()).toBe('strike');
    const movedMark = page.locator(`[data-testid="edit-event"][data-side="${strike.side}"][data-type="footStrike"][data-frame="${strike.frame + 1}"]`);
    expect(await movedMark.getAttribute('data-corrected')).toBe('true');
    expect(await movedMark.getAttribute('data-selected')).toBe('true');
    await expect.poll(() => sideCell.innerText()).not.toBe(meanBefore); // the per-side mean follows
    await expect.poll(() => page.getByTestId('event-save-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('saved');
    await shot(page, 'edit-02-moved');
    await page.getByTestId('event-editor').screenshot({ path: join(SCREENSHOTS, 'edit-02b-editor.png') });

    // saved with the analysis: the engine's result is the page's, and is the truth of one frame
    const saved = await env.server.service.getResult(jobId);
    const savedRow = saved.steps!.find((s) => s.side === row.side && s.strikeTimeSec > row.strikeTimeSec - 1e-9 && s.strikeTimeSec < next.strikeTimeSec)!;
    expect(savedRow.contactMs! - row.contactMs!).toBeCloseTo(-frameMs, 6);
    expect(savedRow.correctedByHand).toEqual(['footStrike']);
    expect(await sideCell.innerText()).toBe(formatValue(saved.metrics.contactTimeMs![strike.side], 'ms'));
    expect(env.server.service.getJob(jobId).eventsCorrectedAtIso).toBeDefined();

    // exports carry the correction
    const eventsCsv = await readFile(await download(page, 'export-csv-events'), 'utf8');
    const moved = csvRows(eventsCsv).find((r) => r.side === strike.side && r.type === 'footStrike' && r.frame === String(strike.frame + 1))!;
    expect(moved.corrected_by_hand).toBe('1');
    expect(Number(moved.time_s) - strike.timeSec).toBeCloseTo(frameMs / 1000, 5);
    expect(csvRows(eventsCsv).filter((r) => r.corrected_by_hand === '1')).toHaveLength(1);
    const stepsCsv = csvRows(await readFile(await download(page, 'export-csv-steps'), 'utf8'));
    const csvRow = stepsCsv.find((r) => r.side === strike.side && r.corrected_by_hand === 'strike')!;
    expect(Number(csvRow.contact_ms)).toBeCloseTo(contactAfter, 1);
    const originalCsvContact = Number(row.contactMs!.toFixed(1));
    expect(Math.abs(originalCsvContact - Number(csvRow.contact_ms) - frameMs)).toBeLessThanOrEqual(0.1 + 1e-9);
    const pdf = await download(page, 'export-pdf');
    const pdfLayout = await pdfText(pdf, { layout: true });
    expect(squash(pdfLayout)).toMatch(new RegExp(`Corrected by hand: 1 of ${saved.events.length} events`));
    const sideWord = strike.side === 'left' ? 'Left' : 'Right';
    const pdfContactAfter = pdfStepContact(pdfLayout, sideWord, savedRow.strikeTimeSec);

    // the CLI on the exported events.csv gives the page's numbers
    const cliOut = join(env.dataDir, 'cli-out');
    const cliEvents = join(env.dataDir, 'events-from-app.csv');
    await writeFile(cliEvents, eventsCsv);
    const r = await runCli(['analyse', TRACK, '--events', cliEvents, '--out', cliOut, '--no-pdf', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cli = JSON.parse(await readFile(join(cliOut, 'report.json'), 'utf8')) as AnalysisResult;
    const cliRow = cli.steps!.find((s) => s.side === savedRow.side && Math.abs(s.strikeTimeSec - savedRow.strikeTimeSec) < 1e-5)!;
    expect(cliRow.contactMs!).toBeCloseTo(savedRow.contactMs!, 2);
    expect(cliRow.stepMs!).toBeCloseTo(savedRow.stepMs!, 2);
    // every metric, both sides, intervals and per-step values: the same to 0.01 of its unit (events.csv keeps µs)
    expect(differences(cli.metrics, saved.metrics, 0.01)).toEqual([]);
    expect(cli.flags.map((f) => [f.metricId, f.level])).toEqual(saved.flags.map((f) => [f.metricId, f.level]));
    expect(cli.verdict).toEqual(saved.verdict);

    // revert: every original number is back, on the page and in the files
    await page.getByTestId('revert-events').click();
    await expect.poll(async () => `${await page.getByTestId('event-save-status').getAttribute('data-corrected')} ${await page.getByTestId('event-save-status').innerText()}`, { timeout: 60_000 })
      .toMatch(/^false /); // the engine rewrites report.json, the CSVs and the PDF (key frames: a few seconds)
    await stepRow(strike.frame).waitFor();
    expect(await cell(strike.frame, 'contact')).toBe(contactBefore);
    expect(await cell(strike.frame, 'step')).toBe(stepBefore);
    expect(await sideCell.innerText()).toBe(meanBefore);
    const reverted = await env.server.service.getResult(jobId);
    expect(reverted.metrics).toEqual(original.metrics);
    expect(reverted.steps).toEqual(original.steps);
    expect(reverted.verdict).toEqual(original.verdict);
    expect(env.server.service.getJob(jobId).eventsCorrectedAtIso).toBeUndefined();
    const revertedEvents = await readFile(await download(page, 'export-csv-events'), 'utf8');
    expect(csvRows(revertedEvents).filter((x) => x.corrected_by_hand === '1')).toHaveLength(0);
    const revertedPdf = await pdfText(await download(page, 'export-pdf'), { layout: true });
    expect(squash(revertedPdf)).not.toMatch(/Corrected by hand/);
    const pdfContactBefore = pdfStepContact(revertedPdf, sideWord, row.strikeTimeSec);
    console.info(`PDF contact ${pdfContactBefore} → ${pdfContactAfter} ms`);
    expect(Math.abs(pdfContactBefore - pdfContactAfter - frameMs)).toBeLessThanOrEqual(1); // the PDF's whole-ms rounding
    await shot(page, 'edit-03-reverted');

    // the same correction by dragging the strike one frame along the strip with the mouse
    await mark.scrollIntoViewIfNeeded();
    const box = (await mark.boundingBox())!;
    const strip = (await page.locator('.event-strip-lane').first().boundingBox())!;
    const span = Number(await page.locator('.event-strip').getAttribute('data-end-frame')) - Number(await page.locator('.event-strip').getAttribute('data-start-frame')) + 1;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + (0.6 * strip.width) / span, y, { steps: 4 });
    await page.mouse.move(x + strip.width / span, y, { steps: 4 });
    await page.mouse.up();
    await stepRow(strike.frame + 1).waitFor();
    expect(await cell(strike.frame + 1, 'contact')).toBe(contactAfter);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('event-editor').screenshot({ path: join(SCREENSHOTS, 'edit-04-dragged-1366.png') });
    await page.getByTestId('revert-events').click();
    await expect.poll(() => page.getByTestId('event-save-status').getAttribute('data-corrected'), { timeout: 60_000 }).toBe('false');
    await expect.poll(() => page.getByTestId('event-save-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('saved');
    expect(readFileSync(join(env.dataDir, 'jobs', jobId, 'report.json'), 'utf8')).not.toMatch(/correctedByHand/);
    expect(problems).toEqual([]);
  }, 240_000);
});
