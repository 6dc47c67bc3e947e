// Issue 13's layout checks in Chromium, at 1366×768 and 1920×1080, with the portrait demo clip and a landscape
// clip (the real server and probe, the fake runner): the picture and the player controls are on screen together;
// zoom changes the drawn scale; the two stance panels sit side by side; the arrow keys step one frame in both
// compare loops.
import { resolve } from 'node:path';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { productionProbe } from '../../src/main/library/productionEngine';
import { createFakeRunner } from '../main/library/fakeRunner';
import { FIXTURE, SCREENSHOTS, useE2eEnv } from './e2eHelpers';

const LANDSCAPE = 'fixtures/synthetic/RBDS008_T35_side.mp4';
const VIEWPORTS = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;

const jobIds: Record<'portrait' | 'landscape', string> = { portrait: '', landscape: '' };

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(page: Page, testId: string): Promise<Box> {
  const b = await page.getByTestId(testId).first().boundingBox();
  if (!b) throw new Error(`${testId} has no box`);
  return b;
}

function inside(b: Box, vw: number, vh: number): boolean {
  return b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= vw + 0.5 && b.y + b.height <= vh + 0.5 && b.width > 0 && b.height > 0;
}

/** What the user sees: the viewport only (a full-page capture resizes the window, and the player refits to it). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function openTab(page: Page, jobId: string, tab: 'review' | 'side' | 'sessions'): Promise<void> {
  await page.evaluate(([id, t]) => { location.hash = `#/job/${id}/${t}`; }, [jobId, tab] as const);
}

async function panelFrames(page: Page, testId: string): Promise<number[]> {
  return page.locator(`[data-testid="${testId}"] [data-testid="phase-panel"]`)
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-frame'))));
}

/** Presses → until the loop is paused on a frame (the first press pauses it), then checks → and ← move one frame. */
async function checkArrowSteps(page: Page, testId: string): Promise<void> {
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await panelFrames(page, testId)).every(Number.isFinite)).toBe(true);
  const start = await panelFrames(page, testId);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await panelFrames(page, testId))[0]).toBe(start[0]! + 1);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await panelFrames(page, testId))[0]).toBe(start[0]!);
}

describe('review layout (issue 13)', () => {
  const env = useE2eEnv('lopsided-layout-', () => ({ probe: productionProbe, runner: createFakeRunner() }), async ({ server }) => {
    for (const [kind, path] of [['portrait', FIXTURE], ['landscape', LANDSCAPE]] as const) {
      const video = await server.service.addVideoByPath(resolve(path));
      jobIds[kind] = (await server.service.startJob(video.videoId, { model: 'full', view: 'side' }, { sessionName: `${kind} session` })).jobId;
    }
    await server.service.whenIdle();
  }, 120_000);

  for (const viewport of VIEWPORTS) {
    for (const kind of ['portrait', 'landscape'] as const) {
      it(`${viewport.width}×${viewport.height}, ${kind} clip: player on screen, zoom, side-by-side panels, frame steps in the loops`, async () => {
        const context = await env.browser.newContext({ viewport });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(env.server.url);
        await expect.poll(() => page.url()).not.toContain('token=');
        const jobId = jobIds[kind];
        await openTab(page, jobId, 'review');
        await page.waitForFunction(() => ((document.querySelector('[data-testid="video-player"]') as HTMLVideoElement | null)?.readyState ?? 0) >= 2);
        const tag = `layout-${viewport.width}x${viewport.height}-${kind}`;

        // picture, controls and timeline inside the viewport at once
        const picture = await boxOf(page, 'video-box');
        for (const id of ['video-box', 'play-pause', 'step-forward', 'next-strike', 'frame-indicator', 'timeline']) {
          expect(inside(await boxOf(page, id), viewport.width, viewport.height), `${id} inside ${viewport.width}×${viewport.height}`).toBe(true);
        }
        // the picture keeps the clip's shape (not cropped, not stretched)
        const aspect = await page.getByTestId('video-player').evaluate((v) => (v as HTMLVideoElement).videoWidth / (v as HTMLVideoElement).videoHeight);
        expect(Math.abs(picture.width / picture.height - aspect)).toBeLessThan(0.02);
        await shot(page, `${tag}-review`);

        // zoom: the wheel over the picture enlarges the drawn video and skeleton canvas; "Whole" restores it
        const drawnBefore = await boxOf(page, 'overlay-canvas');
        await page.mouse.move(picture.x + picture.width / 2, picture.y + picture.height * 0.8);
        await page.mouse.wheel(0, -300);
        await expect.poll(async () => Number(await page.getByTestId('video-box').getAttribute('data-zoom'))).toBeGreaterThan(1.5);
        const drawnZoomed = await boxOf(page, 'overlay-canvas');
        expect(drawnZoomed.width / drawnBefore.width).toBeGreaterThan(1.5);
        expect((await boxOf(page, 'video-player')).width / drawnBefore.width).toBeGreaterThan(1.5);
        // the picture's box itself does not grow: the controls stay where they were
        expect((await boxOf(page, 'video-box')).height).toBeCloseTo(picture.height, 0);
        await page.getByTestId('zoom-reset').click();
        await expect.poll(async () => Number(await page.getByTestId('video-box').getAttribute('data-zoom'))).toBe(1);
        // measuring tool: three clicks make the angle at the middle one, in the clip's own pixels
        await page.getByTestId('measure-angle').click();
        // the picture's box as it is now: panels that load later (the event editor's strip) may have refitted it
        const now = await boxOf(page, 'video-box');
        const at = (fx: number, fy: number) => page.mouse.click(now.x + fx * now.width, now.y + fy * now.height);
        await at(0.3, 0.3); await at(0.5, 0.5); await at(0.7, 0.3);
        const expected = (2 * Math.atan2(0.2 * now.width, 0.2 * now.height) * 180) / Math.PI;
        const shown = await page.getByTestId('measurement').first().getAttribute('data-value');
        // within 2°: clicks land on whole CSS pixels, and a portrait picture at 1366×768 is only ~250 px wide
        expect(Math.abs(Number.parseFloat(shown ?? '') - expected)).toBeLessThan(2);
        await page.keyboard.press('Escape');
        // kept with the analysis: in the job's folder, through the API
        await expect.poll(async () => (await env.server.service.getMeasurements(jobId)).some((m) => m.kind === 'angle')).toBe(true);
        await page.keyboard.press('f'); // feet preset from the keypoints
        await expect.poll(async () => Number(await page.getByTestId('video-box').getAttribute('data-zoom'))).toBeGreaterThan(1);
        await shot(page, `${tag}-feet`);

        // left and right stance side by side: same top, same size, no overlap, both on screen
        await openTab(page, jobId, 'side');
        await page.getByTestId('stance-compare').waitFor();
        const views = await page.locator('.phase-view').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box & { top: number; right: number; bottom: number; left: number }));
        expect(views).toHaveLength(2);
        const [a, b] = views as [typeof views[0], typeof views[0]];
        expect(Math.abs(a.top - b.top)).toBeLessThan(1);
        expect(a.right).toBeLessThanOrEqual(b.left);
        expect(Math.abs(a.width - b.width)).toBeLessThan(1);
        expect(Math.abs(a.height - b.height)).toBeLessThan(1);
        expect(b.bottom).toBeLessThanOrEqual(viewport.height);
        expect(inside(await boxOf(page, 'loop-step-forward'), viewport.width, viewport.height)).toBe(true);
        await checkArrowSteps(page, 'stance-compare');
        await page.waitForTimeout(1000); // the panels' videos finish their seek (a shot taken at once shows them black)
        await shot(page, `${tag}-stance`);

        // two sessions next to each other, synchronised on strikes; arrow keys step there too; before/after numbers
        await openTab(page, jobId, 'sessions');
        const other = kind === 'portrait' ? jobIds.landscape : jobIds.portrait;
        // the picker names each session (name, clip, date and time, view, options)
        const optionText = await page.locator(`[data-testid="session-select"] option[value="${other}"]`).innerText();
        expect(optionText).toMatch(new RegExp(`^${kind === 'portrait' ? 'landscape' : 'portrait'} session · .+\\.mp4 · .+ · side view · model full$`));
        await page.getByTestId('session-select').selectOption(other);
        await page.getByTestId('session-loop').waitFor();
        await checkArrowSteps(page, 'session-loop');
        await expect.poll(() => page.locator('[data-testid="before-after-metric"]').count()).toBeGreaterThan(0);
        await page.waitForTimeout(1000);
        await shot(page, `${tag}-sessions`);
        // naming the session from the header reaches the server and the header
        await page.getByTestId('rename-job').click();
        await page.getByTestId('job-runner-name').fill(`Runner ${viewport.width}`);
        await page.getByTestId('job-names-save').click();
        await expect.poll(() => env.server.service.getJob(jobId).runnerName).toBe(`Runner ${viewport.width}`);
        await expect.poll(() => page.locator('.job-title').innerText()).toContain(`Runner ${viewport.width}`);
        expect(problems).toEqual([]);
        await context.close();
      }, 120_000);
    }
  }
});
