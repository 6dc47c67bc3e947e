/* global document */
// Screenshots of every job screen at the two sizes issue 13 names (1366×768 and 1920×1080), over the fake API:
//   node tests/renderer/dev/layoutScreens.mjs [baseUrl]
// Saved to test-results/screenshots/layout-<size>-*.png; prints each screen's player / panel boxes.
import { openBothSidesSession, openBrowser } from './openBrowser.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:5199/';
const { browser, page, errors, shot } = await openBrowser('layout');
const box = async (testId) => page.getByTestId(testId).first().boundingBox();

// LAYOUT_SIZES="3840x2160,1440x900" looks at other sizes.
const sizes = (process.env.LAYOUT_SIZES ?? '1366x768,1920x1080').split(',').map((s) => s.split('x').map(Number));
for (const [w, h] of sizes) {
  await page.setViewportSize({ width: w, height: h });
  const tag = `${w}x${h}`;
  await page.goto(`${base}?tick=100000#/open`);
  await page.getByTestId('capture-guide').waitFor();
  await page.getByTestId('open-video-input').setInputFiles('fixtures/synthetic/RBDS008_T35_side.mp4');
  await page.getByTestId('capture-checks').waitFor();
  await shot(`${tag}-open`, false);
  await page.goto(`${base}?tick=100000#/job/running/review`);
  await page.getByTestId('progress-bar').waitFor();
  await shot(`${tag}-progress`, false);
  await page.goto(`${base}#/job/failed/review`);
  await page.waitForTimeout(600);
  await shot(`${tag}-failed`, false);
  await openBothSidesSession(page, base);
  await shot(`${tag}-both-sides-session`, false);
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
    if (job === 'side') {
      await page.getByTestId('zoom-reset').click();
      await page.getByTestId('measure-angle').click();
      const pic = await box('video-box');
      for (const [fx, fy] of [[0.45, 0.45], [0.5, 0.62], [0.47, 0.8]]) await page.mouse.click(pic.x + fx * pic.width, pic.y + fy * pic.height);
      await page.getByTestId('measure-vertical').click();
      for (const [fx, fy] of [[0.3, 0.3], [0.35, 0.6]]) await page.mouse.click(pic.x + fx * pic.width, pic.y + fy * pic.height);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
      await shot(`${tag}-review-${job}-measure`, false);
    }
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
