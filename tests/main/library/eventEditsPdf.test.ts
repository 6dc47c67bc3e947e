// Events corrected by hand rewrite report.pdf (issue 13); that PDF keeps what the clinician gave it since the
// analysis: the session's and runner's names and the pinned measurements (measurements.json).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { openJobService, type JobService } from '../../../src/main/library/jobService';
import { createTrackRunner } from '../../e2e/trackRunner';
import { pdfText, squash } from '../report/pdfTools';
import { createFakeProbe, FAKE_INFO } from './fakeRunner';

const TRACK = join(__dirname, '../../../fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv');
const MP4_HEAD = Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1');
const INFO = { ...FAKE_INFO, durationSec: 10, avgFps: 60, realFps: 60, frameCount: 600, width: 1280, height: 720 };

let dataDir: string;
let service: JobService | null = null;
beforeEach(async () => { dataDir = await mkdtemp(join(tmpdir(), 'lopsided-editpdf-')); });
afterEach(async () => {
  await service?.close();
  service = null;
  await rm(dataDir, { recursive: true, force: true });
});

describe('report.pdf after events corrected by hand', () => {
  it('keeps the session’s names and accounts for the pinned measurements', async () => {
    service = await openJobService({ dataDir, runner: createTrackRunner(TRACK), probe: createFakeProbe(INFO) });
    const tmp = join(service.tmpDir, 'up-side.mp4');
    await writeFile(tmp, MP4_HEAD);
    const { jobId } = await service.startJob((await service.addUploadedVideo(tmp, 'side.mp4')).videoId, DEFAULT_ANALYSE_OPTIONS, { sessionName: 'Before orthotics', runnerName: 'Ana' });
    await service.whenIdle();
    await service.saveMeasurements(jobId, [{ id: 'm1', kind: 'angle', frame: 150, points: [{ x: 600, y: 200 }, { x: 600, y: 300 }, { x: 700, y: 300 }], pinned: true }]);
    const original = await service.getResult(jobId);
    const times = (await service.getTrack(jobId)).timesSec;
    const k = original.events.findIndex((e, i) => i > 4 && e.side === 'left' && e.type === 'footStrike');
    const moved = original.events.map((e, i) => (i === k ? { ...e, frame: e.frame + 1, timeSec: times[e.frame + 1]!, correctedByHand: true } : e));
    await service.saveEvents(jobId, moved);
    const text = squash(await pdfText(await service.exportPath(jobId, 'report.pdf')));
    expect(text).toContain('Session Before orthotics');
    expect(text).toContain('Runner Ana');
    // the stand-in clip cannot be decoded, so the PDF says the pinned drawing is missing rather than dropping it silently
    expect(text).toContain('Nor are the 1 measurement(s) pinned on the review screen.');
  }, 60_000);
});
