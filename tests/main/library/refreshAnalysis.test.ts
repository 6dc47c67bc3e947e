// Events corrected by hand after an analysis was filed (issues 13 and 14): the library's session reads the analysis
// again, so the progress shows the corrected numbers and the file hashes match the rewritten files; the rewritten
// report.pdf keeps the session's names and the pinned measurements.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { sha256File } from '../../../src/main/library/fileHashes';
import { openJobService, type JobService } from '../../../src/main/library/jobService';
import { listSessions } from '../../../src/main/library/sessionRecords';
import { createTrackRunner } from '../../e2e/trackRunner';
import { createFakeProbe, FAKE_INFO } from './fakeRunner';
import { pdfText, squash } from '../report/pdfTools';

const TRACK = join(__dirname, '../../../fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv');
const MP4_HEAD = Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1');
const INFO = { ...FAKE_INFO, durationSec: 10, avgFps: 60, realFps: 60, frameCount: 600, width: 1280, height: 720 };

let dataDir: string;
let service: JobService | null = null;

beforeEach(async () => { dataDir = await mkdtemp(join(tmpdir(), 'lopsided-refresh-')); });
afterEach(async () => {
  await service?.close();
  service = null;
  await rm(dataDir, { recursive: true, force: true });
});

describe('refreshAnalysis', () => {
  it('a strike moved by hand reaches the session metrics and the file hashes; revert restores them', async () => {
    service = await openJobService({ dataDir, runner: createTrackRunner(TRACK), probe: createFakeProbe(INFO) });
    const tmp = join(service.tmpDir, 'up-side.mp4');
    await writeFile(tmp, MP4_HEAD);
    const { jobId } = await service.startJob((await service.addUploadedVideo(tmp, 'side.mp4')).videoId, DEFAULT_ANALYSE_OPTIONS);
    await service.whenIdle();
    const lib = service.library;
    // filed when the job ended (after whenIdle: the filing queue runs behind the job's end)
    await expect.poll(() => listSessions(lib.db, null).some((s) => s.clips[0]?.analysisId === jobId)).toBe(true);
    const session = listSessions(lib.db, null).find((s) => s.clips[0]?.analysisId === jobId)!;
    const contactLeft = (): number => lib.db.prepare("SELECT left_value FROM session_metrics WHERE session_id = ? AND metric_id = 'contactTimeMs'").pluck().get(session.sessionId) as number;
    const reportHash = (): string => lib.db.prepare("SELECT f.sha256 FROM clip_files f JOIN clips c ON c.id = f.clip_id WHERE c.analysis_id = ? AND f.name = 'report.json'").pluck().get(jobId) as string;
    const original = await service.getResult(jobId);
    expect(contactLeft()).toBeCloseTo(original.metrics.contactTimeMs!.left!, 9);

    // one left strike one frame later: that contact one frame (16.7 ms) shorter
    const times = (await service.getTrack(jobId)).timesSec;
    const k = original.events.findIndex((e, i) => i > 4 && e.side === 'left' && e.type === 'footStrike');
    const moved = original.events.map((e, i) => (i === k ? { ...e, frame: e.frame + 1, timeSec: times[e.frame + 1]!, correctedByHand: true } : e));
    const corrected = await service.saveEvents(jobId, moved);
    expect(corrected.metrics.contactTimeMs!.left).not.toBeCloseTo(original.metrics.contactTimeMs!.left!, 3);
    expect(contactLeft()).toBeCloseTo(corrected.metrics.contactTimeMs!.left!, 9);
    expect(reportHash()).toBe(await sha256File(join(dataDir, 'jobs', jobId, 'report.json')));

    await service.saveEvents(jobId, null);
    expect(contactLeft()).toBeCloseTo(original.metrics.contactTimeMs!.left!, 9);
    expect(reportHash()).toBe(await sha256File(join(dataDir, 'jobs', jobId, 'report.json')));
  }, 60_000);
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
