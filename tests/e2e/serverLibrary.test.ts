// End to end in Chromium (issue 14): the real server with the production probe and runner (a keypoint CSV is
// analysed without pose), the fixture keypoint CSVs of one run filmed from the runner's left and right uploaded
// through the open screen; then a runner added, two sessions filed from those analyses, and the runner's page with
// the progress chart (two points with interval bars, the band shaded) and the before/after table.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CLIPS } from '../main/library/fixtureSessions';
import { openPage, shot, useE2eEnv } from './e2eHelpers';

async function analyse(page: Page, csv: string, expectedDone: number): Promise<void> {
  await page.getByTestId('new-analysis').click();
  await page.getByTestId('open-video-input').setInputFiles(resolve(csv));
  await expect.poll(() => page.getByTestId('start-analysis').isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('start-analysis').click();
  await expect.poll(() => page.locator('[data-testid="job-item"][data-status="done"]').count(), { timeout: 60_000 }).toBe(expectedDone);
}

async function fileSession(page: Page, date: string, name: string, clipNames: string[]): Promise<void> {
  await page.getByTestId('session-date').fill(date);
  await page.getByTestId('session-name').fill(name);
  for (const clip of clipNames) {
    await page.locator('[data-testid="session-clips"] li', { hasText: clip }).getByTestId('session-clip').check();
  }
  await page.getByTestId('file-session').click();
}

describe('UI end to end, runner library', () => {
  const env = useE2eEnv('lopsided-e2e-library-');

  it('adds a runner, files two sessions from fixture clips and shows their progress', async () => {
    const { page, problems } = await openPage(env.browser);
    await page.goto(env.server.url);
    const clips = [FIXTURE_CLIPS.full.left, FIXTURE_CLIPS.full.right, FIXTURE_CLIPS.heavy.left, FIXTURE_CLIPS.heavy.right];
    for (const [i, c] of clips.entries()) await analyse(page, c, i + 1);

    await page.getByTestId('runners').click();
    await page.getByTestId('runner-name').fill('Anna Berg');
    await page.getByTestId('runner-heightCm').fill('171');
    await page.getByTestId('runner-add').click();
    await expect.poll(() => page.getByTestId('runner-screen').isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(page, 'library-01-new-runner');

    await fileSession(page, '2026-10-01', 'before', ['RBDS008_T35_left.blazepose-full.csv', 'RBDS008_T35_side.blazepose-full.csv']);
    await expect.poll(() => page.getByTestId('session-item').count(), { timeout: 30_000 }).toBe(1);
    await fileSession(page, '2026-11-12', 'after', ['RBDS008_T35_left.blazepose-heavy.csv', 'RBDS008_T35_side.blazepose-heavy.csv']);
    await expect.poll(() => page.getByTestId('session-item').count(), { timeout: 30_000 }).toBe(2);
    // filed analyses leave only with their session: the job list offers no Delete for them
    await expect.poll(() => page.getByTestId('job-filed').count(), { timeout: 10_000 }).toBe(4);
    // every analysis is now in a session: the form offers none again
    await expect.poll(() => page.getByTestId('session-clip').count(), { timeout: 10_000 }).toBe(0);

    // each session's clips were read as the runner's left and right side
    expect(await page.getByTestId('session-item').first().innerText()).toMatch(/left side: RBDS008_T35_left\.blazepose-full\.csv, right side: RBDS008_T35_side\.blazepose-full\.csv/);
    const charts = page.getByTestId('progress-chart');
    await expect.poll(() => charts.count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="progress-chart"][data-metric="contactTimeMs"]').getAttribute('data-points')).toBe('2');
    // the chart is drawn: its canvas holds the band's green and the black points, not a blank box
    const painted = await page.locator('[data-testid="progress-chart"][data-metric="contactTimeMs"] canvas').evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let green = 0;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3]! > 0 && d[i + 1]! > d[i]! + 8 && d[i + 1]! > d[i + 2]! + 8) green++;
        if (d[i + 3]! > 200 && d[i]! < 60 && d[i + 1]! < 60 && d[i + 2]! < 60) dark++;
      }
      return { green, dark };
    });
    expect(painted.green).toBeGreaterThan(500);
    expect(painted.dark).toBeGreaterThan(50);

    // before/after: the first and the last session by default, each difference the engine's
    expect(await page.getByTestId('before-session').inputValue()).not.toBe(await page.getByTestId('after-session').inputValue());
    const rows = page.locator('[data-testid="before-after-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    const verdicts = await page.getByTestId('change-verdict').allInnerTexts();
    for (const v of verdicts) expect(['changed', 'no change shown', 'unclear', 'not measured in both']).toContain(v);
    // the table's verdicts are the engine's: the same words as `lopsided progress` (firstToLast)
    const engine = await (await fetch(`${env.server.url.replace(/\?.*$/, '')}api/runners`, { headers: { Authorization: `Bearer ${env.server.token}` } })).json() as { runnerId: string }[];
    const pageJson = await (await fetch(`${env.server.url.replace(/\?.*$/, '')}api/runners/${engine[0]!.runnerId}`, { headers: { Authorization: `Bearer ${env.server.token}` } })).json() as {
      progress: { firstToLast: { metricId: string; verdict: string }[]; sessions: { metrics: Record<string, { difference: number }> }[] };
    };
    const after = pageJson.progress.sessions[1]!.metrics.contactTimeMs!.difference;
    expect(await page.locator('[data-testid="before-after-table"] tr[data-metric="contactTimeMs"] td').nth(1).innerText()).toMatch(new RegExp(`^\\+${Math.round(after)} \\(`));
    const words: Record<string, string> = { changed: 'changed', noChangeShown: 'no change shown', unclear: 'unclear' };
    for (const c of pageJson.progress.firstToLast) {
      expect(await page.locator(`[data-testid="before-after-table"] tr[data-metric="${c.metricId}"] [data-testid="change-verdict"]`).innerText()).toBe(words[c.verdict]);
    }
    await shot(page, 'library-02-runner-page');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'library-02b-runner-page-1366x768');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator('[data-testid="progress-chart"][data-metric="contactTimeMs"]').screenshot({ path: 'test-results/screenshots/library-03-chart.png' });

    // deleting the first session asks, then only that session goes (its analysis leaves the job list with it)
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.accept(); });
    await page.getByTestId('session-item').first().getByTestId('session-delete').click();
    await expect.poll(() => page.getByTestId('session-item').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('job-item').count(), { timeout: 10_000 }).toBe(2);
    expect(asked).toMatch(/^Delete the session of \d{4}-\d{2}-\d{2} ".+" with its 2 clips and reports\? This cannot be undone\.$/);
    expect(problems).toEqual([]);
  }, 240_000);
});
