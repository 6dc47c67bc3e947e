// Shared by the e2e tests (issue 4): Chromium driven by playwright-core (Debian's when installed, else the one
// shipped in an npm package: see tests/helpers/findChromium.ts), screenshots under test-results/screenshots/,
// and the UI walk both e2e tests make.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AnalysisResult } from '../../src/shared/contract';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/main/server/startServer';
import { findChromium } from '../helpers/findChromium';

export const FIXTURE = 'fixtures/videos/treadmill_side_30fps.mp4';
export const SCREENSHOTS = 'test-results/screenshots';
export const LEFT_RGB: [number, number, number] = [0x1f, 0x77, 0xb4]; // src/renderer/format/sideStyle.ts
export const RIGHT_RGB: [number, number, number] = [0xd9, 0x5f, 0x02];

/** Starts Chromium for a test; throws (failing the test) when the UI is not built or no browser starts. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync('dist/renderer/index.html')) throw new Error('dist/renderer is not built: run `npm run build` (npm test does it first)');
  const binary = await findChromium();
  console.info(`e2e browser: ${binary.source} Chromium at ${binary.path}`);
  return chromium.launch({
    executablePath: binary.path,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export interface E2eEnv { dataDir: string; server: RunningServer; browser: Browser }

/**
 * What every e2e describe block stands on: a fresh data folder, the real server on it (options from `serverOptions`,
 * quiet), `prepare` (e.g. jobs started through the service) and one Chromium; all closed and removed after the block.
 * The returned object is filled in before the first test runs.
 */
export function useE2eEnv(prefix: string, serverOptions: () => Omit<StartServerOptions, 'dataDir'> = () => ({}),
  prepare?: (env: Omit<E2eEnv, 'browser'>) => Promise<void>, timeoutMs = 60_000): E2eEnv {
  const env = {} as E2eEnv;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    env.dataDir = await mkdtemp(join(tmpdir(), prefix));
    env.server = await startServer({ dataDir: env.dataDir, log: () => undefined, ...serverOptions() });
    await prepare?.(env);
    env.browser = await launchChromium();
  }, timeoutMs);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    if (env.dataDir) await rm(env.dataDir, { recursive: true, force: true });
  });
  return env;
}

/** A page that records console errors, CSP violations and uncaught exceptions for the test to assert on. */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // resource failures are reported with their URL by the response listener below
    if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${new URL(r.url()).pathname}`);
  });
  return { page, problems };
}

/** Opens the app, chooses the fixture clip and starts its analysis; resolves with the job id once it is done. */
export async function analyseFixtureInUi(page: Page, url: string, timeoutMs = 60_000): Promise<string> {
  await page.goto(url);
  await page.getByTestId('open-video-input').setInputFiles(resolve(FIXTURE));
  await expect.poll(() => page.getByTestId('start-analysis').isEnabled(), { timeout: 30_000 }).toBe(true);
  await page.getByTestId('start-analysis').click();
  const done = page.locator('[data-testid="job-item"][data-status="done"]');
  await done.first().waitFor({ timeout: timeoutMs });
  return (await done.first().getAttribute('data-job-id')) as string;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Counts overlay pixels near the left and right skeleton colours (the canvas is read back, not trusted). */
export async function overlayColourCounts(page: Page): Promise<{ left: number; right: number; painted: number; width: number }> {
  return page.getByTestId('overlay-canvas').evaluate((el, [l, r]) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return { left: 0, right: 0, painted: 0, width: canvas.width };
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const near = (i: number, c: readonly number[] | undefined) => c !== undefined && Math.abs(data[i]! - c[0]!) + Math.abs(data[i + 1]! - c[1]!) + Math.abs(data[i + 2]! - c[2]!) < 60;
    let left = 0;
    let right = 0;
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 128) continue;
      painted++;
      if (near(i, l)) left++;
      else if (near(i, r)) right++;
    }
    return { left, right, painted, width: canvas.width };
  }, [LEFT_RGB, RIGHT_RGB]);
}

async function frameOf(page: Page): Promise<{ frame: number; timeSec: number }> {
  const el = page.getByTestId('frame-indicator');
  return { frame: Number(await el.getAttribute('data-frame')), timeSec: Number(await el.getAttribute('data-time-sec')) };
}

async function waitFrameChange(page: Page, from: number): Promise<{ frame: number; timeSec: number }> {
  await page.waitForFunction((f) => Number(document.querySelector('[data-testid="frame-indicator"]')?.getAttribute('data-frame')) !== f, from);
  return frameOf(page);
}

/**
 * The review walk both e2e tests make once a job is done: overlay pixels, frame stepping, jump to a strike,
 * verdict, side-by-side, export JSON. Returns the downloaded report.json.
 */
export async function reviewJob(page: Page, server: RunningServer, jobId: string, prefix: string): Promise<AnalysisResult> {
  const result = await server.service.getResult(jobId);
  await page.getByTestId('review-tab').click();
  const video = page.getByTestId('video-player');
  await expect.poll(() => video.getAttribute('src')).toContain(`/api/jobs/${jobId}/video`);
  // the clip must really play in Chromium (H.264 through the Range-capable route), not just have a src
  await page.waitForFunction(() => ((document.querySelector('[data-testid="video-player"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 2);

  // step until the overlay has both sides drawn (the first frames may have no pose)
  await page.getByTestId('step-forward').click();
  await expect.poll(async () => {
    const c = await overlayColourCounts(page);
    return Math.min(c.left, c.right);
  }, { timeout: 20_000 }).toBeGreaterThan(20);
  const counts = await overlayColourCounts(page);
  expect(counts.width).toBe(result.video.width);
  await shot(page, `${prefix}-03-review`);

  // frame stepping: +1 then −1
  const start = await frameOf(page);
  await page.getByTestId('step-forward').click();
  const next = await waitFrameChange(page, start.frame);
  expect(next.frame).toBe(start.frame + 1);
  await page.getByTestId('step-back').click();
  expect((await waitFrameChange(page, next.frame)).frame).toBe(start.frame);

  // jump to the next foot strike: lands within one frame of an event of the result
  const strikes = result.events.filter((e) => e.type === 'footStrike').map((e) => e.timeSec);
  expect(strikes.length).toBeGreaterThan(4);
  await page.getByTestId('next-strike').click();
  const atStrike = await waitFrameChange(page, start.frame);
  const nearest = Math.min(...strikes.map((t) => Math.abs(t - atStrike.timeSec)));
  expect(nearest).toBeLessThanOrEqual(1 / result.video.fps + 1e-3);
  await shot(page, `${prefix}-04-at-foot-strike`);

  // verdict, per-side table, timeline marks per foot
  const verdict = (await page.getByTestId('verdict-panel').innerText()).trim();
  expect(verdict.length).toBeGreaterThan(20);
  await expect.poll(() => page.locator('[data-testid="side-row"][data-metric="contactTimeMs"]').count()).toBe(1);
  expect(await page.locator('[data-testid="timeline-event"][data-side="left"][data-type="footStrike"]').count()).toBeGreaterThan(1);
  expect(await page.locator('[data-testid="timeline-event"][data-side="right"][data-type="footStrike"]').count()).toBeGreaterThan(1);
  await expect.poll(() => page.getByTestId('quality-warnings').isVisible()).toBe(true);

  // side by side: left stance next to right stance
  await page.getByTestId('side-by-side-tab').click();
  await expect.poll(() => page.getByTestId('stance-compare').isVisible()).toBe(true);
  // both stance clips decoded and looping (their <video> elements are fed by the same Range route)
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-testid="stance-compare"]');
    const videos = [...(root?.querySelectorAll('video') ?? [])];
    return videos.length === 2 && videos.every((v) => v.readyState >= 2) && !root?.querySelector('[role="status"]');
  }, undefined, { timeout: 30_000 });
  await shot(page, `${prefix}-05-side-by-side`);

  // export report.json as a download and check it is the job's result
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as AnalysisResult;
  expect(download.suggestedFilename()).toMatch(/report\.json$/);
  expect(exported.schemaVersion).toBe(1);
  expect(exported.events.length).toBe(result.events.length);
  return exported;
}
