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
