/* global document */
// Screenshots of every job screen at the two sizes issue 13 names (1366×768 and 1920×1080), over the fake API:
//   node tests/renderer/dev/layoutScreens.mjs [baseUrl]
// Saved to test-results/screenshots/layout-<size>-*.png; prints each screen's player / panel boxes.
import { openBrowser } from './openBrowser.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:5199/';
const { browser, page, errors, shot } = await openBrowser('layout');
const box = async (testId) => page.getByTestId(testId).first().boundingBox();

for (const [w, h] of [[1366, 768], [1920, 1080]]) {
  await page.setViewportSize({ width: w, height: h });
  const tag = `${w}x${h}`;
  for (const job of ['side', 'rear']) {
    await page.goto(`${base}#/job/${job}/review`);
    await page.getByTestId('video-player').waitFor();
    await page.waitForFunction(() => document.querySelector('video')?.readyState >= 2);
    await page.getByTestId('next-strike').click();
    await page.waitForTimeout(600);
    console.log(tag, job, 'video', JSON.stringify(await box('video-box')), 'controls', JSON.stringify(await box('play-pause')),
      'timeline', JSON.stringify(await box('timeline')));
    await shot(`${tag}-review-${job}`, false);
    await page.getByTestId('zoom-feet').click();
    await page.waitForTimeout(400);
    await shot(`${tag}-review-${job}-feet`, false);
  }
  await page.goto(`${base}#/job/side/side`);
  await page.getByTestId('stance-compare').waitFor();
  await page.waitForTimeout(2500);
  const panels = await page.locator('.phase-view').evaluateAll((els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())));
  console.log(tag, 'stance panels', panels.join(' '));
  await shot(`${tag}-stance`, false);
  await page.goto(`${base}#/job/side/sessions`);
  await page.getByTestId('session-select').selectOption('side-before');
  await page.waitForTimeout(4000);
  await shot(`${tag}-sessions`, false);
  await shot(`${tag}-sessions-full`);
}
console.log(errors.length ? `page errors:\n${errors.join('\n')}` : 'no page errors');
await browser.close();
