// End to end in Chromium (issue 11, "the same in the app: a session of up to three clips"): the real server with the
// production probe and runner, the fixture keypoint CSVs of one run filmed from the runner's left and right added
// together on the both-sides screen; each is analysed, picked when it finishes, its side read from the clip and
// confirmed, and the merged verdict shown with each side from the clip where it was near.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CLIPS } from '../main/library/fixtureSessions';
import { openPage, shot, useE2eEnv } from './e2eHelpers';

describe('UI end to end, both-sides session from new clips', () => {
  const env = useE2eEnv('lopsided-e2e-session-');

  it('analyses two clips added on the session screen and merges them once their sides are confirmed', async () => {
    const { page, problems } = await openPage(env.browser);
    await page.goto(env.server.url);
    await page.getByTestId('new-session').click();
    await page.getByTestId('session-add-clips').setInputFiles([resolve(FIXTURE_CLIPS.full.left), resolve(FIXTURE_CLIPS.full.right)]);
    await expect.poll(() => page.locator('[data-testid="session-roles"] li').count(), { timeout: 60_000 }).toBe(2);
    const roles = await page.getByTestId('session-roles').innerText();
    expect(roles).toMatch(/Left side: RBDS008_T35_left\.blazepose-full\.csv/);
    expect(roles).toMatch(/Right side: RBDS008_T35_side\.blazepose-full\.csv/);
    expect(await page.getByTestId('session-result').count()).toBe(0); // nothing merged before the sides are confirmed
    await page.getByTestId('session-confirm').check();
    await expect.poll(() => page.getByTestId('session-result').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('session-result').innerText()).toContain('Each side is measured in the clip where it was the near one.');
    expect(await page.locator('[data-testid="job-item"][data-status="done"]').count()).toBe(2);
    await shot(page, 'session-01-added-clips');
    for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await shot(page, `session-02-${w}x${h}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
