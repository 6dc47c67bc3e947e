// End to end in Chromium against the real server with the real probe and an injected fake runner:
// fast and deterministic, so every UI path (progress, cancel, review, side by side, export, reload) is
// exercised on every `npm test`. The real pose pipeline has its own e2e test (serverRealPipeline.test.ts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionProbe } from '../../src/main/library/productionEngine';
import { createFakeRunner } from '../main/library/fakeRunner';
import { FIXTURE, openPage, reviewJob, shot, useE2eEnv } from './e2eHelpers';

let release!: () => void;
const gates: Promise<void>[] = [
  new Promise<void>((r) => (release = r)), // job 1: held until the progress screen was seen
  new Promise<void>(() => undefined), // job 2: never finishes unless cancelled
];
let jobCount = 0;

describe('UI end to end, fake runner', () => {
  const fakes = gates.map((gate) => createFakeRunner({ gate, pdf: true }));
  const env = useE2eEnv('lopsided-e2e-', () => ({
    probe: productionProbe, runner: (input, ctx) => fakes[Math.min(jobCount++, fakes.length - 1)]!(input, ctx),
  }));

  it('opens the fixture, shows progress, reviews the result, compares sides and exports JSON', async () => {
    const { page, problems } = await openPage(env.browser);
    await page.goto(env.server.url);
    // the token leaves the address bar once read
    await expect.poll(() => page.url()).not.toContain('token=');
    await expect.poll(() => page.getByTestId('capture-guide').isVisible()).toBe(true);
    await page.getByTestId('open-video-input').setInputFiles(resolve(FIXTURE));
    await expect.poll(() => page.getByTestId('capture-checks').innerText(), { timeout: 20_000 }).toMatch(/fps/i);
    await shot(page, 'fake-01-open');

    await page.getByTestId('start-analysis').click();
    await expect.poll(() => page.getByTestId('progress-bar').isVisible(), { timeout: 20_000 }).toBe(true);
    // The bar appears at the job's first stage (probe) and moves on as the runner reports: wait for it.
    await expect.poll(() => page.getByTestId('progress-bar').getAttribute('data-stage'), { timeout: 20_000 }).toMatch(/decode|pose/);
    await shot(page, 'fake-02-progress');
    release();

    await expect.poll(() => page.locator('[data-testid="job-item"][data-status="done"]').count(), { timeout: 30_000 }).toBe(1);
    const jobId = await page.locator('[data-testid="job-item"][data-status="done"]').getAttribute('data-job-id');
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    await reviewJob(page, env.server, jobId!, 'fake');

    // results survive a reload (kept on disk, token kept for the tab)
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="job-item"][data-status="done"]').count(), { timeout: 20_000 }).toBe(1);
    expect(problems).toEqual([]);
  }, 120_000);

  it('cancels a running analysis from the progress screen', async () => {
    const { page, problems } = await openPage(env.browser);
    await page.goto(env.server.url);
    await page.getByTestId('new-analysis').click();
    await page.getByTestId('open-video-input').setInputFiles(resolve(FIXTURE));
    await expect.poll(() => page.getByTestId('start-analysis').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('start-analysis').click();
    await expect.poll(() => page.getByTestId('cancel-job').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('cancel-job').click();
    await expect.poll(() => page.locator('[data-testid="job-item"][data-status="cancelled"]').count(), { timeout: 20_000 }).toBe(1);
    await shot(page, 'fake-06-cancelled');
    expect(problems).toEqual([]);
  }, 60_000);
});
