import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobSummary } from '../../../src/shared/api';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { openJobService, type JobService } from '../../../src/main/library/jobService';
import { JobStoreError } from '../../../src/main/library/jobErrors';
import type { JobEvent } from '../../../src/main/library/jobTypes';
import { createFakeProbe, createFakeRunner } from './fakeRunner';

const MP4_HEAD = Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1');

let dataDir: string;
const services: JobService[] = [];

async function open(runner = createFakeRunner()): Promise<JobService> {
  const s = await openJobService({ dataDir, runner, probe: createFakeProbe() });
  services.push(s);
  return s;
}

async function upload(s: JobService, name = 'run.mp4', bytes: Buffer = MP4_HEAD): Promise<string> {
  const tmp = join(s.tmpDir, `up-${Math.random().toString(16).slice(2)}`);
  await writeFile(tmp, bytes);
  return (await s.addUploadedVideo(tmp, name)).videoId;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves on the job event that reaches `status` (event-driven: no polling budget to run out under load). */
function waitFor(s: JobService, jobId: string, status: JobSummary['status']): Promise<JobSummary> {
  return new Promise((resolve) => {
    const now = s.getJob(jobId);
    if (now.status === status) return resolve(now);
    const off = s.onEvent((e) => {
      if (e.type === 'changed' && e.job.jobId === jobId && e.job.status === status) {
        off();
        resolve(s.getJob(jobId));
      }
    });
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lopsided-jobs-'));
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('videos', () => {
  it('probes an upload, checks capture quality and moves it into the data dir', async () => {
    const s = await open();
    const tmp = join(s.tmpDir, 'upload-1');
    await writeFile(tmp, MP4_HEAD);
    const v = await s.addUploadedVideo(tmp, '../../evil/Run 1.MP4');
    expect(v.name).toBe('Run 1.MP4');
    expect(v.checks.map((c) => c.id)).toEqual(['fps', 'resolution', 'duration']);
    expect(v.checks.find((c) => c.id === 'fps')?.level).toBe('warn'); // 30 fps
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(join(dataDir, 'videos', v.videoId, 'clip.mp4'))).toBe(true);
  });

  it('rejects a file that is not a video with its code and keeps nothing', async () => {
    const s = await open();
    const tmp = join(s.tmpDir, 'upload-2');
    await writeFile(tmp, 'hello, not a video');
    await expect(s.addUploadedVideo(tmp, 'notes.mp4')).rejects.toMatchObject({ code: 'NOT_A_VIDEO' });
    expect(existsSync(tmp)).toBe(false);
    expect(await readdir(join(dataDir, 'videos'))).toEqual([]);
  });

  it('refuses unknown and malformed ids without touching paths', async () => {
    const s = await open();
    await expect(s.startJob('../../etc', DEFAULT_ANALYSE_OPTIONS)).rejects.toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    expect(() => s.getJob('../jobs')).toThrow(JobStoreError);
    expect(() => s.getJob('00000000-0000-4000-8000-000000000000')).toThrow(/No such job/);
  });
});

describe('jobs', () => {
  it('runs a job to done, reporting progress, and keeps result, track and exports on disk', async () => {
    const s = await open(createFakeRunner({ pdf: true }));
    const events: JobEvent[] = [];
    s.onEvent((e) => events.push(e));
    const job = await s.startJob(await upload(s), DEFAULT_ANALYSE_OPTIONS);
    expect(job.status).toBe('queued');
    const done = await waitFor(s, job.jobId, 'done');
    expect(done.exports).toEqual(['report.json', 'report.pdf', 'keypoints.csv', 'events.csv', 'steps.csv']);
    const statuses = events.flatMap((e) => (e.type === 'changed' ? [e.job.progress?.stage ?? e.job.status] : []));
    expect(statuses).toEqual(expect.arrayContaining(['probe', 'decode', 'pose', 'analysis', 'done']));
    const result = await s.getResult(job.jobId);
    expect(result.metrics.contactTimeMs?.left).toBe(251);
    const trackText = await s.getTrackJson(job.jobId);
    expect(trackText).toContain('null'); // NaN gap written as null
    expect((await s.getTrack(job.jobId)).timesSec.length).toBe(120);
    expect(await s.exportPath(job.jobId, 'report.pdf')).toBe(join(dataDir, 'jobs', job.jobId, 'report.pdf'));
    expect(JSON.stringify(s.getJob(job.jobId))).not.toContain('videoPath'); // no file system paths in summaries
  });

  it('runs one job at a time, in order', async () => {
    const gate = deferred();
    const calls: { outDir: string }[] = [];
    const s = await open(createFakeRunner({ gate: gate.promise, calls: calls as never }));
    const videoId = await upload(s);
    const a = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    const b = await s.startJob(videoId, { ...DEFAULT_ANALYSE_OPTIONS, model: 'lite' });
    await waitFor(s, a.jobId, 'running');
    while (calls.length === 0) await new Promise((r) => setImmediate(r));
    expect(s.getJob(b.jobId).status).toBe('queued');
    expect(calls.length).toBe(1);
    gate.resolve();
    await s.whenIdle();
    expect(s.getJob(a.jobId).status).toBe('done');
    expect(s.getJob(b.jobId).status).toBe('done');
    expect(calls.map((c) => c.outDir)).toEqual([join(dataDir, 'jobs', a.jobId), join(dataDir, 'jobs', b.jobId)]);
  });

  it('cancels a running job through its AbortSignal and a queued one without running it', async () => {
    const calls: unknown[] = [];
    const s = await open(createFakeRunner({ gate: new Promise(() => undefined), calls: calls as never }));
    const videoId = await upload(s);
    const a = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    const b = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, a.jobId, 'running');
    await s.cancelJob(b.jobId);
    expect(s.getJob(b.jobId).status).toBe('cancelled');
    await s.cancelJob(a.jobId);
    const cancelled = s.getJob(a.jobId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toBeNull();
    expect(calls.length).toBe(1);
    await expect(s.getResult(a.jobId)).rejects.toMatchObject({ code: 'JOB_NOT_DONE' });
  });

  it('turns runner errors into {code, message}: typed codes kept, anything else INTERNAL without internals', async () => {
    const typed = await open(createFakeRunner({ failWith: Object.assign(new Error('No person found in the video.'), { code: 'NO_POSE' }) }));
    const j1 = await typed.startJob(await upload(typed), DEFAULT_ANALYSE_OPTIONS);
    expect((await waitFor(typed, j1.jobId, 'failed')).error).toEqual({ code: 'NO_POSE', message: 'No person found in the video.' });
    const raw = await open(createFakeRunner({ failWith: new TypeError('cannot read x of undefined at /src/secret.ts:1') }));
    const j2 = await raw.startJob(await upload(raw), DEFAULT_ANALYSE_OPTIONS);
    const err = (await waitFor(raw, j2.jobId, 'failed')).error;
    expect(err?.code).toBe('INTERNAL');
    expect(err?.message).not.toContain('secret');
  });

  it('deletes a job with its folder, and the uploaded clip with its last job', async () => {
    const s = await open();
    const videoId = await upload(s);
    const a = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    const b = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    await s.whenIdle();
    await s.deleteJob(a.jobId);
    expect(existsSync(join(dataDir, 'jobs', a.jobId))).toBe(false);
    expect(existsSync(join(dataDir, 'videos', videoId))).toBe(true);
    await s.deleteJob(b.jobId);
    expect(existsSync(join(dataDir, 'videos', videoId))).toBe(false);
    expect(s.listJobs()).toEqual([]);
    await expect(s.deleteJob(b.jobId)).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  it('never deletes a referenced (Electron) clip', async () => {
    const s = await open();
    const own = join(dataDir, 'mine.mp4');
    await writeFile(own, MP4_HEAD);
    const v = await s.addVideoByPath(own);
    const j = await s.startJob(v.videoId, DEFAULT_ANALYSE_OPTIONS);
    await s.whenIdle();
    await s.deleteJob(j.jobId);
    expect(await readFile(own)).toEqual(MP4_HEAD);
  });

  it('survives a restart: done jobs keep their results, a job that was running comes back failed INTERRUPTED', async () => {
    const first = await open(createFakeRunner({ gate: new Promise(() => undefined) }));
    const done = await open();
    const videoId = await upload(done);
    const finished = await done.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    await done.whenIdle();
    const v2 = await upload(first);
    const interrupted = await first.startJob(v2, DEFAULT_ANALYSE_OPTIONS);
    await waitFor(first, interrupted.jobId, 'running');
    // a new process on the same data dir, while the old one "died" mid-job
    const second = await open();
    expect(second.getJob(finished.jobId).status).toBe('done');
    expect((await second.getResult(finished.jobId)).schemaVersion).toBe(1);
    const back = second.getJob(interrupted.jobId);
    expect(back.status).toBe('failed');
    expect(back.error?.code).toBe('INTERRUPTED');
    const onDisk = JSON.parse(await readFile(join(dataDir, 'jobs', interrupted.jobId, 'job.json'), 'utf8'));
    expect(onDisk.status).toBe('failed');
    expect((await readdir(join(dataDir, 'jobs', interrupted.jobId))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a stop of Lopsided during a job is not a user cancel (issue 15)', () => {
  const INTERRUPTED = { code: 'INTERRUPTED', message: 'The analysis was interrupted because Lopsided stopped; start it again.' };

  it('close() (server stop, SIGTERM, app quit) marks the running and the queued job failed INTERRUPTED, on disk too', async () => {
    const s = await open(createFakeRunner({ gate: new Promise(() => undefined) }));
    const videoId = await upload(s);
    const running = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    const queued = await s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, running.jobId, 'running');
    await s.close();
    for (const jobId of [running.jobId, queued.jobId]) {
      const job = s.getJob(jobId);
      expect(job.status).toBe('failed');
      expect(job.error).toEqual(INTERRUPTED);
      const onDisk = JSON.parse(await readFile(join(dataDir, 'jobs', jobId, 'job.json'), 'utf8'));
      expect(onDisk.status).toBe('failed');
      expect(onDisk.error).toEqual(INTERRUPTED);
    }
    // and a later start of the app still shows it that way
    const again = await open();
    expect(again.getJob(running.jobId).error).toEqual(INTERRUPTED);
  });

  it('a user cancel stays a cancel when the app stops afterwards', async () => {
    const s = await open(createFakeRunner({ gate: new Promise(() => undefined) }));
    const job = await s.startJob(await upload(s), DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, job.jobId, 'running');
    await s.cancelJob(job.jobId);
    await s.close();
    expect(s.getJob(job.jobId)).toMatchObject({ status: 'cancelled', error: null });
  });

  it('a job found running at start-up after a crash says the same thing', async () => {
    const first = await open(createFakeRunner({ gate: new Promise(() => undefined) }));
    const job = await first.startJob(await upload(first), DEFAULT_ANALYSE_OPTIONS);
    await waitFor(first, job.jobId, 'running');
    const second = await open();
    expect(second.getJob(job.jobId)).toMatchObject({ status: 'failed', error: INTERRUPTED });
  });
});

describe('clips that never got a job (issue 15)', () => {
  const DAY_MS = 24 * 60 * 60 * 1000;

  async function age(videoId: string, ms: number): Promise<void> {
    const file = join(dataDir, 'videos', videoId, 'video.json');
    const v = JSON.parse(await readFile(file, 'utf8'));
    v.addedAtIso = new Date(Date.now() - ms).toISOString();
    await writeFile(file, JSON.stringify(v));
  }

  it('deleteVideo discards an unused upload with its folder, and refuses a video that has a job', async () => {
    const s = await open();
    const unused = await upload(s);
    await s.deleteVideo(unused);
    expect(existsSync(join(dataDir, 'videos', unused))).toBe(false);
    await expect(s.startJob(unused, DEFAULT_ANALYSE_OPTIONS)).rejects.toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    await expect(s.deleteVideo(unused)).rejects.toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    await expect(s.deleteVideo('../jobs')).rejects.toMatchObject({ code: 'VIDEO_NOT_FOUND' });

    const used = await upload(s);
    const job = await s.startJob(used, DEFAULT_ANALYSE_OPTIONS);
    await expect(s.deleteVideo(used)).rejects.toMatchObject({ code: 'VIDEO_IN_USE' }); // while queued/running
    await s.whenIdle();
    await expect(s.deleteVideo(used)).rejects.toMatchObject({ code: 'VIDEO_IN_USE' }); // and once done
    expect(existsSync(join(dataDir, 'videos', used))).toBe(true);
    expect(s.getJob(job.jobId).status).toBe('done');
  });

  it('refuses to delete a video while a job for it is being created', async () => {
    const s = await open();
    const videoId = await upload(s);
    const starting = s.startJob(videoId, DEFAULT_ANALYSE_OPTIONS); // not awaited: its job.json is still being written
    await expect(s.deleteVideo(videoId)).rejects.toMatchObject({ code: 'VIDEO_IN_USE' });
    await starting;
    await s.whenIdle();
  });

  it('deleting a referenced (Electron) clip forgets it and leaves the user\'s file alone', async () => {
    const s = await open();
    const own = join(dataDir, 'mine.mp4');
    await writeFile(own, MP4_HEAD);
    const v = await s.addVideoByPath(own);
    await s.deleteVideo(v.videoId);
    expect(await readFile(own)).toEqual(MP4_HEAD);
    expect(existsSync(join(dataDir, 'videos', v.videoId))).toBe(false);
  });

  it('start-up removes unused uploads older than 24 h, and keeps younger ones and any a job uses', async () => {
    const s = await open();
    const old = await upload(s);
    const young = await upload(s);
    const oldButUsed = await upload(s);
    const own = join(dataDir, 'mine.mp4');
    await writeFile(own, MP4_HEAD);
    const oldReferenced = (await s.addVideoByPath(own)).videoId;
    await s.startJob(oldButUsed, DEFAULT_ANALYSE_OPTIONS);
    await s.whenIdle();
    await age(old, DAY_MS + 60_000);
    await age(young, DAY_MS - 60 * 60_000);
    await age(oldButUsed, 3 * DAY_MS);
    await age(oldReferenced, 2 * DAY_MS);
    // a folder whose video.json never got written (crash right after the upload was moved in), long ago
    const orphan = join(dataDir, 'videos', '00000000-0000-4000-8000-0000000000aa');
    await mkdir(orphan, { recursive: true });
    await writeFile(join(orphan, 'clip.mp4'), MP4_HEAD);
    const longAgo = new Date(Date.now() - 2 * DAY_MS);
    await utimes(orphan, longAgo, longAgo);

    const again = await open();
    expect(existsSync(join(dataDir, 'videos', old))).toBe(false);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(join(dataDir, 'videos', oldReferenced))).toBe(false);
    expect(await readFile(own)).toEqual(MP4_HEAD); // the user's own file is never touched
    expect(existsSync(join(dataDir, 'videos', young, 'clip.mp4'))).toBe(true);
    expect(existsSync(join(dataDir, 'videos', oldButUsed, 'clip.mp4'))).toBe(true);
    await expect(again.startJob(old, DEFAULT_ANALYSE_OPTIONS)).rejects.toMatchObject({ code: 'VIDEO_NOT_FOUND' });
    await again.startJob(young, DEFAULT_ANALYSE_OPTIONS);
    await again.whenIdle();
  });
});

describe('no server file paths cross the API (issue 15)', () => {
  it('video records, job summaries and results name the clip, not where the data dir keeps it', async () => {
    const s = await open();
    const tmp = join(s.tmpDir, 'up-paths');
    await writeFile(tmp, MP4_HEAD);
    const video = await s.addUploadedVideo(tmp, 'Sunday run.mp4');
    expect(video.info.path).toBe('Sunday run.mp4');
    const job = await s.startJob(video.videoId, DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, job.jobId, 'done');
    for (const summary of [s.getJob(job.jobId), ...s.listJobs()]) {
      expect(JSON.stringify(summary)).not.toContain(dataDir);
      expect(summary.info.path).toBe('Sunday run.mp4');
    }
    expect((await s.getResult(job.jobId)).video.path).toBe('Sunday run.mp4');
  });

  it('start-up removes temps and backups a crash left in job and video folders, and nothing else', async () => {
    const jobDir = join(dataDir, 'jobs', '00000000-0000-4000-8000-000000000001');
    await mkdir(jobDir, { recursive: true });
    await writeFile(join(jobDir, '.report.pdf.0123456789ab.tmp'), 'half');
    await writeFile(join(jobDir, '.events.csv.0123456789ab.old'), 'old');
    await writeFile(join(jobDir, 'notes.tmp'), 'the user may keep this');
    await open();
    expect((await readdir(jobDir)).sort()).toEqual(['notes.tmp']);
  });
});

describe('naming a session (issue 13)', () => {
  it('passes names given at start to the runner, keeps renames on disk, clears a name with an empty string', async () => {
    const calls: import('../../../src/main/library/jobTypes').JobRunInput[] = [];
    const s = await open(createFakeRunner({ calls }));
    const job = await s.startJob(await upload(s, 'clip 1.mp4'), DEFAULT_ANALYSE_OPTIONS, { sessionName: '  Before orthotics ', runnerName: 'Ana' });
    expect(job.sessionName).toBe('Before orthotics');
    await waitFor(s, job.jobId, 'done');
    expect(calls[0]?.names).toEqual({ sessionName: 'Before orthotics', runnerName: 'Ana' });
    expect(calls[0]?.videoName).toBe('clip 1.mp4');
    expect(s.getJob(job.jobId).resultView).toBe('side'); // the view the analysis found, for the session picker

    const renamed = await s.renameJob(job.jobId, { sessionName: 'After 6 weeks', runnerName: '' });
    expect(renamed.sessionName).toBe('After 6 weeks');
    expect(renamed.runnerName).toBeUndefined();
    await s.close();
    const reopened = await open();
    expect(reopened.getJob(job.jobId)).toMatchObject({ sessionName: 'After 6 weeks', videoName: 'clip 1.mp4' });
    expect(reopened.getJob(job.jobId).runnerName).toBeUndefined();
  });

  it('re-titles a finished job’s PDF with the new names, and an export waits for it', async () => {
    const retitled: unknown[] = [];
    const gate = deferred();
    const s = await openJobService({
      dataDir, runner: createFakeRunner({ pdf: true }), probe: createFakeProbe(),
      retitleReport: async (input) => { await gate.promise; retitled.push(input); },
    });
    services.push(s);
    const job = await s.startJob(await upload(s), DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, job.jobId, 'done');
    await s.renameJob(job.jobId, { sessionName: 'Before', runnerName: 'Ana' });
    let exported = false;
    const exporting = s.exportPath(job.jobId, 'report.pdf').then((p) => { exported = true; return p; });
    await new Promise((r) => setTimeout(r, 20));
    expect(exported).toBe(false); // still re-titling
    gate.resolve();
    expect(await exporting).toMatch(/report\.pdf$/);
    expect(retitled).toEqual([expect.objectContaining({ videoName: 'run.mp4', names: { sessionName: 'Before', runnerName: 'Ana' } })]);
  });
});

describe('the open-library mark a restore checks', () => {
  it('is there while the service is open and gone after it closes', async () => {
    const s = await openJobService({ dataDir, runner: createFakeRunner(), probe: createFakeProbe() });
    const mark = join(dataDir, 'doors', `${process.pid}.json`);
    expect(JSON.parse(await readFile(mark, 'utf8'))).toMatchObject({ pid: process.pid });
    await s.close();
    expect(existsSync(mark)).toBe(false);
  });
});

describe('a report.pdf that cannot be drawn again', () => {
  it('is tried once more at export, and refused in words while it still fails, never handed over as current', async () => {
    let failuresLeft = 2;
    const s = await openJobService({
      dataDir, runner: createFakeRunner({ pdf: true }), probe: createFakeProbe(),
      retitleReport: async () => { if (failuresLeft-- > 0) throw new Error('disk full'); },
    });
    services.push(s);
    const job = await s.startJob(await upload(s), DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, job.jobId, 'done');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await s.renameJob(job.jobId, { sessionName: 'Before' }); // redraw 1 fails
    // the export retries (redraw 2 fails too): refused, naming the reason, the earlier PDF still on disk
    await expect(s.exportPath(job.jobId, 'report.pdf')).rejects.toMatchObject({ code: 'REPORT_STALE', message: expect.stringContaining('(disk full)') as unknown });
    expect(existsSync(join(dataDir, 'jobs', job.jobId, 'report.pdf'))).toBe(true);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
    // the next export's retry succeeds: the PDF is current again and leaves
    expect(await s.exportPath(job.jobId, 'report.pdf')).toMatch(/report\.pdf$/);
    expect(await s.exportPath(job.jobId, 'report.pdf')).toMatch(/report\.pdf$/);
    expect(failuresLeft).toBe(-1); // exactly one more redraw: a current PDF is not drawn again at every export
  });
});

describe('measurements drawn on a job (issue 13)', () => {
  it('keeps them in the job folder across a reopen, and reads a damaged file as none', async () => {
    const s = await open();
    const job = await s.startJob(await upload(s), DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, job.jobId, 'done');
    expect(await s.getMeasurements(job.jobId)).toEqual([]);
    const list = [{ id: 'm1', kind: 'angle' as const, frame: 12, points: [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 2 }] }];
    await s.saveMeasurements(job.jobId, list);
    await s.close();
    const again = await open();
    expect(await again.getMeasurements(job.jobId)).toEqual(list);
    await writeFile(join(dataDir, 'jobs', job.jobId, 'measurements.json'), '[{"id":"x","kind":"angle","frame":1,"points":[]}]');
    expect(await again.getMeasurements(job.jobId)).toEqual([]);
  });

  it('draws the PDF again when a pin changes (not when an unpinned drawing is added), and an export waits for it', async () => {
    const rendered: unknown[] = [];
    let gate = deferred();
    const s = await openJobService({
      dataDir, runner: createFakeRunner({ pdf: true }), probe: createFakeProbe(),
      retitleReport: async (input) => { await gate.promise; rendered.push(input); },
    });
    services.push(s);
    const job = await s.startJob(await upload(s), DEFAULT_ANALYSE_OPTIONS);
    await waitFor(s, job.jobId, 'done');
    const angle = { id: 'm1', kind: 'angle' as const, frame: 12, points: [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 2 }] };
    await s.saveMeasurements(job.jobId, [angle]);
    gate.resolve();
    await s.exportPath(job.jobId, 'report.pdf');
    expect(rendered).toHaveLength(0); // nothing pinned before or after: the PDF is unchanged

    gate = deferred();
    await s.saveMeasurements(job.jobId, [{ ...angle, pinned: true }]);
    expect(await s.getMeasurements(job.jobId)).toEqual([{ ...angle, pinned: true }]);
    let exported = false;
    const exporting = s.exportPath(job.jobId, 'report.pdf').then(() => { exported = true; });
    await new Promise((r) => setTimeout(r, 20));
    expect(exported).toBe(false); // still drawing the pinned frame
    gate.resolve();
    await exporting;
    expect(rendered).toEqual([expect.objectContaining({ videoName: 'run.mp4' })]);

    await s.saveMeasurements(job.jobId, [{ ...angle, pinned: true }, { ...angle, id: 'm2', frame: 20 }]);
    await s.exportPath(job.jobId, 'report.pdf');
    expect(rendered).toHaveLength(1); // an unpinned drawing is not in the PDF
    await s.saveMeasurements(job.jobId, [angle]);
    await s.exportPath(job.jobId, 'report.pdf');
    expect(rendered).toHaveLength(2); // unpinned: drawn again without it
  });
});
