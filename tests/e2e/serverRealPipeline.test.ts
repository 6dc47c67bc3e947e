// End to end with the REAL engine (issue 4): `lopsided serve`'s server with the production probe and
// runner (ffmpeg decode → BlazePose full in worker threads → analysis → report files), the real fixture
// clip, and the same UI walk as the fake-runner test. Never skipped: a missing browser, UI build or pose
// model fails it with the reason (npm install provides all three).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../src/analysis/keypointCsv';
import { FIXTURE, openPage, reviewJob, shot, useE2eEnv } from './e2eHelpers';

describe('UI end to end, real pipeline', () => {
  const env = useE2eEnv('lopsided-e2e-real-');

  it('analyses the treadmill fixture and reviews it in the browser', async () => {
    const { page, problems } = await openPage(env.browser);
    await page.goto(env.server.url);
    await page.getByTestId('open-video-input').setInputFiles(resolve(FIXTURE));
    await expect.poll(() => page.getByTestId('start-analysis').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('start-analysis').click();
    await expect.poll(() => page.getByTestId('progress-bar').getAttribute('data-stage'), { timeout: 60_000 }).toBe('pose');
    // screenshot mid-pose, once frames/s and ETA exist
    const poseFramesDone = (): number => {
      const j = env.server.service.listJobs()[0];
      if (j === undefined) return 0;
      if (j.status !== 'queued' && j.status !== 'running') return Infinity; // already past pose
      const p = j.progress;
      return p?.stage === 'pose' ? p.done : p !== null && ['pelvis', 'analysis', 'report'].includes(p.stage) ? Infinity : 0;
    };
    await expect.poll(poseFramesDone, { timeout: 600_000 }).toBeGreaterThan(40);
    await shot(page, 'real-02-progress');

    const finished = page.locator('[data-testid="job-item"][data-status="done"], [data-testid="job-item"][data-status="failed"]');
    await finished.first().waitFor({ timeout: 900_000 });
    const jobId = (await finished.first().getAttribute('data-job-id'))!;
    const job = env.server.service.getJob(jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    expect(job.exports).toEqual(expect.arrayContaining(['report.json', 'report.pdf', 'keypoints.csv', 'events.csv', 'steps.csv']));

    const exported = await reviewJob(page, env.server, jobId, 'real');
    // the chain is real: cadence against the source repository's pixel-measured truth (168.9 ± 0.5 spm)
    const truth = JSON.parse(readFileSync('fixtures/videos/treadmill_side_30fps.source-groundtruth.json', 'utf8')) as unknown;
    expect(JSON.stringify(truth)).toContain('168.9');
    expect(exported.view).toBe('side');
    expect(exported.cadenceSpm).not.toBeNull();
    expect(Math.abs(exported.cadenceSpm! - 168.9)).toBeLessThan(8);
    expect(problems).toEqual([]);

    // a 1366×768 laptop, the event editor open under the player: the picture keeps its room (the editor and its step
    // table inside the window-high column once left it 0 px)
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('review-tab').click();
    await page.getByTestId('step-table').waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await page.locator('.review-video video').boundingBox())?.height ?? 0, { timeout: 10_000 }).toBeGreaterThan(250);

    // the job's own keypoints.csv, analysed again, keeps the feet's pixel evidence and so the same verdict, to the
    // word (its frame times rounded to the µs once moved a refused foot's figures: gait/pixelStance.ts)
    const csvPath = await env.server.service.exportPath(jobId, 'keypoints.csv');
    const again = analyseTrack(parseKeypointCsv(readFileSync(csvPath, 'utf8'), { name: 'keypoints.csv', width: exported.video.width, height: exported.video.height }),
      { view: 'auto' }, exported.video);
    expect(exported.timing?.evidence.left.toeOff.pixelOffsetSec).toEqual(expect.any(Number));
    for (const side of ['left', 'right'] as const) {
      for (const type of ['footStrike', 'toeOff'] as const) {
        const [a, b] = [exported.timing!.evidence[side][type], again.timing!.evidence[side][type]];
        expect(b.pixelDisagrees).toBe(a.pixelDisagrees);
        expect(b.wandering).toBe(a.wandering);
        expect(Math.abs(b.pixelOffsetSec! - a.pixelOffsetSec!)).toBeLessThan(1e-3);
      }
    }
    expect(again.verdict).toEqual(exported.verdict);
    // …and the vertical its angles were read against: the demo's cupboards and walls, not its belt slanting 7° from
    // a camera looking across it (src/analysis/worldVertical.ts)
    expect(exported.vertical?.from).toBe('scene');
    expect(Math.abs(exported.vertical!.deg)).toBeLessThan(2);
    expect(again.vertical?.from).toBe('scene');
    expect(Math.abs(again.vertical!.deg - exported.vertical!.deg)).toBeLessThan(1e-3);
    expect(again.metrics.trunkLeanDeg?.left).toBeCloseTo(exported.metrics.trunkLeanDeg!.left!, 3);
  }, 1_200_000);
});
