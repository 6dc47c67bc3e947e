/* global document */
// Screenshots of every screen over the fake API (run the dev server first, see devMain.tsx):
//   node tests/renderer/dev/screenshots.mjs [baseUrl]
// Saved to test-results/screenshots/renderer-*.png (git-ignored) to be looked at by a person.
import { openBothSidesSession, openBrowser } from './openBrowser.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:5199/';
const { browser, page, errors, shot } = await openBrowser('renderer');

await page.goto(`${base}?tick=100000#/open`);
await page.getByTestId('capture-guide').waitFor();
await page.getByTestId('open-video-input').setInputFiles('fixtures/synthetic/RBDS008_T35_side.mp4');
await page.getByTestId('capture-checks').waitFor();
await shot('1-open');

await page.goto(`${base}?tick=100000#/job/running/review`);
await page.getByTestId('progress-bar').waitFor();
await shot('2-progress');

await page.goto(`${base}#/job/side/review`);
const video = page.getByTestId('video-player');
await video.waitFor();
await page.waitForFunction(() => document.querySelector('video')?.readyState >= 2);
await page.getByTestId('next-strike').click();
await page.getByTestId('next-strike').click();
await page.waitForTimeout(500);
await page.keyboard.press('ArrowRight');
await page.keyboard.press('ArrowRight');
await page.waitForTimeout(500);
console.log('frame', await page.getByTestId('frame-indicator').getAttribute('data-frame'), await page.getByTestId('frame-indicator').getAttribute('data-time-sec'));
await shot('3-review-side');
await page.getByTestId('overlay-canvas').screenshot({ path: 'test-results/screenshots/renderer-3b-overlay.png' });
await page.setViewportSize({ width: 1280, height: 800 });
await page.waitForTimeout(500);
await shot('3c-review-1280', false);
await page.setViewportSize({ width: 1600, height: 1000 });

await page.goto(`${base}#/job/rear/review`);
await page.waitForFunction(() => document.querySelector('video')?.readyState >= 2);
await page.getByTestId('next-strike').click();
await page.waitForTimeout(500);
await shot('4-review-rear');

await page.goto(`${base}#/job/side/side`);
await page.getByTestId('stance-compare').waitFor();
await page.waitForTimeout(2500);
await shot('5-stance-compare');
// Mirroring is offered only from behind (a side view would just turn the runner around).
await page.goto(`${base}#/job/rear/side`);
await page.getByTestId('stance-compare').waitFor();
await page.getByTestId('mirror-toggle').check();
await page.waitForTimeout(1500);
await shot('5b-stance-mirrored', false);

await page.goto(`${base}#/job/side/sessions`);
await page.getByTestId('session-select').selectOption('side-before');
await page.waitForTimeout(6000);
await shot('6-session-compare');

await openBothSidesSession(page, base);
await shot('6b-both-sides-session');

await page.goto(`${base}#/job/failed/review`);
await page.waitForTimeout(800);
await shot('7-failed', false);

console.log(errors.length ? `page errors:\n${errors.join('\n')}` : 'no page errors');
await browser.close();
