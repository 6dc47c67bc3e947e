/* global document, location */
// Screenshots of the real app over the real engine: start `lopsided serve`, then
//   node tests/renderer/dev/serverScreens.mjs '<url printed by serve>' [clip]
// Opens the clip, waits for the analysis, and saves test-results/screenshots/server-*.png.
import { openBrowser } from './openBrowser.mjs';

const url = process.argv[2];
const clip = process.argv[3] ?? 'fixtures/synthetic/RBDS008_T35_side.mp4';
const { browser, page, errors, shot } = await openBrowser('server');

await page.goto(url);
await page.getByTestId('open-video-input').setInputFiles(clip);
await page.getByTestId('capture-checks').waitFor({ timeout: 60_000 });
await shot('1-open-checked');
await page.getByTestId('start-analysis').click();
await page.getByTestId('progress-bar').waitFor({ timeout: 60_000 });
await page.waitForTimeout(8000);
await shot('2-progress', false);
const t0 = Date.now();
await page.getByTestId('verdict-panel').waitFor({ timeout: 900_000 });
console.log('analysis took', ((Date.now() - t0) / 1000).toFixed(0), 's after the progress shot');
await page.waitForFunction(() => document.querySelector('video')?.readyState >= 2, null, { timeout: 60_000 });
await page.getByTestId('next-strike').click();
await page.getByTestId('next-strike').click();
await page.waitForTimeout(800);
await shot('3-review');
await page.reload();
await page.getByTestId('verdict-panel').waitFor({ timeout: 60_000 });
console.log('after reload the job is still open:', await page.evaluate(() => location.hash));
await page.getByTestId('side-by-side-tab').click();
await page.waitForTimeout(5000);
await shot('4-stance', false);
console.log(errors.length ? `page errors:\n${errors.join('\n')}` : 'no page errors');
await browser.close();
