// Naming a finished analysis re-titles its PDF from the job's stored report.json and track.json (issue 13).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';
import { retitleJobReport } from '../../../src/main/pipeline/jobRunner';
import { toReportJson } from '../../../src/main/pipeline/writeJobOutputs';
import { pdfText, squash } from '../report/pdfTools';
import { tempDir } from '../video/makeTestMedia';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lopsided-retitle-');
  const out = await analyseKeypointCsv('fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', { view: 'auto' });
  // as the job folder holds them: the stored copy's path in report.json, NaN written as null in track.json
  await writeFile(join(dir, 'report.json'), toReportJson({ ...out.result, video: { ...out.result.video, path: '/data/videos/x/clip.mp4' } }));
  await writeFile(join(dir, 'track.json'), toReportJson(out.track));
}, 60_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('retitleJobReport', () => {
  it('writes report.pdf titled by the session and runner, naming the clip as the user knows it', async () => {
    await retitleJobReport({ outDir: dir, videoPath: join(dir, 'missing.mp4'), videoName: 'IMG_0412.MOV', names: { sessionName: 'After 6 weeks', runnerName: 'Ana' } });
    const text = squash(await pdfText(join(dir, 'report.pdf')));
    expect(text).toContain('Session After 6 weeks');
    expect(text).toContain('Runner Ana');
    expect(text).toContain('IMG_0412.MOV');
    expect(text).not.toContain('clip.mp4');
    expect((await readFile(join(dir, 'report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});

describe('retitleJobReport with measurements.json (issue 13)', () => {
  it('draws each pinned measurement on its frame of the clip, with its value in the caption', async () => {
    const jobDir = await tempDir('lopsided-pinned-job-');
    try {
      const out = await analyseKeypointCsv('fixtures/posetracks/RBDS008_T35_side.blazepose-full.csv', { view: 'side', width: 1280, height: 720 });
      await writeFile(join(jobDir, 'report.json'), toReportJson(out.result));
      await writeFile(join(jobDir, 'track.json'), toReportJson(out.track));
      // a right angle by construction (90.0°), as the review screen saves it
      const pinned = { id: 'm1', kind: 'angle', frame: 150, points: [{ x: 600, y: 200 }, { x: 600, y: 300 }, { x: 700, y: 300 }], pinned: true };
      await writeFile(join(jobDir, 'measurements.json'), JSON.stringify([pinned, { ...pinned, id: 'm2', frame: 30, pinned: false }]));
      await retitleJobReport({ outDir: jobDir, videoPath: 'fixtures/synthetic/RBDS008_T35_side.mp4', videoName: 'side.mp4', names: {} });
      const text = squash(await pdfText(join(jobDir, 'report.pdf')));
      expect(text).toContain(`Angle 90.0° · frame 150 · ${out.track.timesSec[150]!.toFixed(2)} s`);
      expect(text).not.toContain('frame 30 ·');
    } finally {
      await rm(jobDir, { recursive: true, force: true });
    }
  }, 60_000);
});
