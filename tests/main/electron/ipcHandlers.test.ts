import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers, registerIpcHandlers, type IpcDeps } from '../../../src/main/electron/ipcHandlers';
import { IPC_CHANNELS, type IpcReply } from '../../../src/main/electron/ipcContract';
import { isTrustedSender } from '../../../src/main/electron/trustedSender';
import { openJobService, type JobService } from '../../../src/main/library/jobService';
import type { JobSummary, VideoRecord } from '../../../src/shared/api';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { createFakeProbe, createFakeRunner } from '../library/fakeRunner';
import { createElectronMock, FakeFrame, FakeWebContents, fakeInvokeEvent } from './electronMock';

const MP4 = Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1');
let dir: string;
let service: JobService;
let appContents: FakeWebContents;
let mock: ReturnType<typeof createElectronMock>;
let savePath: string | null;

async function invoke(channel: string, event: never, ...args: unknown[]): Promise<IpcReply<unknown>> {
  const handler = mock.ipcMain.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (await handler(event, ...args)) as IpcReply<unknown>;
}
const fromApp = () => fakeInvokeEvent(appContents);
async function ok<T>(p: Promise<IpcReply<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lopsided-ipc-'));
  service = await openJobService({ dataDir: join(dir, 'data'), runner: createFakeRunner({ pdf: true }), probe: createFakeProbe() });
  appContents = new FakeWebContents('lopsided-app://app/index.html');
  mock = createElectronMock();
  savePath = null;
  const deps: IpcDeps = {
    service,
    version: { name: 'lopsided', version: '9.9.9' },
    isTrustedSender: (e) => isTrustedSender(e, () => appContents as never),
    chooseSavePath: async () => savePath,
  };
  registerIpcHandlers(mock.ipcMain, createIpcHandlers(deps));
  await writeFile(join(dir, 'run.mp4'), MP4);
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('IPC handlers', () => {
  it('registers one handler per channel of the contract', () => {
    expect([...mock.ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('runs a whole job for the app window and saves an export where the user chose', async () => {
    expect(await ok(invoke('lopsided:getVersion', fromApp()))).toEqual({ name: 'lopsided', version: '9.9.9', door: 'electron' });
    const video = await ok<VideoRecord>(invoke('lopsided:addVideo', fromApp(), join(dir, 'run.mp4')));
    const job = await ok<JobSummary>(invoke('lopsided:startJob', fromApp(), video.videoId, DEFAULT_ANALYSE_OPTIONS));
    await service.whenIdle();
    expect((await ok<JobSummary>(invoke('lopsided:getJob', fromApp(), job.jobId))).status).toBe('done');
    expect(await ok(invoke('lopsided:getResult', fromApp(), job.jobId))).toMatchObject({ schemaVersion: 1 });
    expect(await ok(invoke('lopsided:exportFile', fromApp(), job.jobId, 'report.pdf'))).toEqual({ saved: false });
    savePath = join(dir, 'saved.pdf');
    expect(await ok(invoke('lopsided:exportFile', fromApp(), job.jobId, 'report.pdf'))).toEqual({ saved: true });
    expect((await readFile(savePath, 'latin1')).startsWith('%PDF')).toBe(true);
    await ok(invoke('lopsided:deleteJob', fromApp(), job.jobId));
    expect(await ok(invoke('lopsided:listJobs', fromApp()))).toEqual([]);
  });

  it('discards a clip no job uses, refuses one a job uses, and never touches the user\'s file (issue 15)', async () => {
    const unused = await ok<VideoRecord>(invoke('lopsided:addVideo', fromApp(), join(dir, 'run.mp4')));
    await ok(invoke('lopsided:deleteVideo', fromApp(), unused.videoId));
    expect(await readFile(join(dir, 'run.mp4'))).toEqual(MP4);
    expect(await invoke('lopsided:deleteVideo', fromApp(), unused.videoId)).toMatchObject({ ok: false, error: { code: 'VIDEO_NOT_FOUND' } });
    const used = await ok<VideoRecord>(invoke('lopsided:addVideo', fromApp(), join(dir, 'run.mp4')));
    await ok(invoke('lopsided:startJob', fromApp(), used.videoId, DEFAULT_ANALYSE_OPTIONS));
    await service.whenIdle();
    expect(await invoke('lopsided:deleteVideo', fromApp(), used.videoId)).toMatchObject({ ok: false, error: { code: 'VIDEO_IN_USE' } });
    expect(await invoke('lopsided:deleteVideo', fromApp(), '../../etc')).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await invoke('lopsided:deleteVideo', fromApp())).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await invoke('lopsided:deleteVideo', fakeInvokeEvent(new FakeWebContents('lopsided-app://app/index.html')), used.videoId))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses other windows, sub-frames and foreign pages in the app window', async () => {
    const other = new FakeWebContents('lopsided-app://app/index.html');
    const refused = { ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } };
    expect(await invoke('lopsided:listJobs', fakeInvokeEvent(other))).toEqual(refused);
    const sub = new FakeFrame('lopsided-app://app/index.html', appContents.mainFrame);
    expect(await invoke('lopsided:listJobs', fakeInvokeEvent(appContents, sub))).toEqual(refused);
    expect(await invoke('lopsided:listJobs', fakeInvokeEvent(appContents, new FakeFrame('https://evil.example/')))).toEqual(refused);
    expect(await invoke('lopsided:listJobs', fakeInvokeEvent(appContents, null))).toEqual(refused);
    appContents.destroyed = true;
    expect(await invoke('lopsided:listJobs', fromApp())).toEqual(refused);
  });

  it('validates every argument and says what is wrong', async () => {
    const bad = async (channel: string, ...args: unknown[]) => {
      const r = await invoke(channel, fromApp(), ...args);
      expect(r.ok).toBe(false);
      return r.ok ? null : r.error;
    };
    expect(await bad('lopsided:addVideo', 'run.mp4')).toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('absolute') });
    expect(await bad('lopsided:addVideo', '/etc/passwd')).toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('video file') });
    expect(await bad('lopsided:addVideo', { path: '/x.mp4' })).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:getJob', 42)).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:getJob', '../../etc')).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:getJob')).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:listJobs', 'extra')).toMatchObject({ code: 'BAD_ARGUMENT' });
    const v = await ok<VideoRecord>(invoke('lopsided:addVideo', fromApp(), join(dir, 'run.mp4')));
    expect(await bad('lopsided:startJob', v.videoId, { ...DEFAULT_ANALYSE_OPTIONS, model: 'gigantic' })).toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('model') });
    expect(await bad('lopsided:startJob', v.videoId, { ...DEFAULT_ANALYSE_OPTIONS, beltSpeedMps: -3 })).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:startJob', v.videoId, { ...DEFAULT_ANALYSE_OPTIONS, __proto__x: 1 })).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:exportFile', v.videoId, 'id_rsa')).toMatchObject({ code: 'BAD_ARGUMENT' });
    // events corrected by hand (issue 13): each event's fields checked, nothing else let through
    expect(await bad('lopsided:saveEvents', v.videoId, [{ side: 'left', type: 'footStrike', timeSec: -1, frame: 0 }])).toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('timeSec') });
    expect(await bad('lopsided:saveEvents', v.videoId, [{ side: 'left', type: 'heelStrike', timeSec: 1, frame: 30 }])).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:saveEvents', v.videoId, [{ side: 'left', type: 'toeOff', timeSec: 1, frame: 30, extra: 1 }])).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect(await bad('lopsided:saveEvents', v.videoId)).toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it('turns engine failures into {code, message} replies, never a rejection', async () => {
    const notFound = await invoke('lopsided:getResult', fromApp(), '0b5e5e4c-1b1a-4c1d-9d1e-2f3a4b5c6d7e');
    expect(notFound).toEqual({ ok: false, error: { code: 'JOB_NOT_FOUND', message: expect.any(String) } });
    const missing = await invoke('lopsided:addVideo', fromApp(), join(dir, 'nope.mp4'));
    expect(missing).toMatchObject({ ok: false, error: { code: 'VIDEO_NOT_FOUND' } });
    await writeFile(join(dir, 'text.mp4'), 'not a video');
    expect(await invoke('lopsided:addVideo', fromApp(), join(dir, 'text.mp4'))).toMatchObject({ ok: false, error: { code: 'NOT_A_VIDEO' } });
    // an engine bug: a raw TypeError becomes INTERNAL without its text
    const broken = createIpcHandlers({
      service: { ...service, listJobs: () => { throw new TypeError('x is undefined at /secret/path.ts'); } },
      version: { name: 'l', version: '0' },
      isTrustedSender: () => true,
      chooseSavePath: async () => null,
    });
    const r = await broken['lopsided:listJobs'](fromApp());
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('secret') } });
  });

  it('serves the runner library to the app window: runners, a page, the progress PDF through a save dialog (issue 14)', async () => {
    const anna = await ok<{ runnerId: string; name: string }>(invoke('lopsided:addRunner', fromApp(), { name: 'Anna Berg', heightCm: 171 }));
    expect(anna.name).toBe('Anna Berg');
    expect((await ok<{ name: string }[]>(invoke('lopsided:listRunners', fromApp(), 'berg'))).map((r) => r.name)).toEqual(['Anna Berg']);
    const page = await ok<{ runner: { heightCm: number }; sessions: unknown[] }>(invoke('lopsided:getRunnerPage', fromApp(), anna.runnerId));
    expect([page.runner.heightCm, page.sessions.length]).toEqual([171, 0]);
    const dup = await invoke('lopsided:addRunner', fromApp(), { name: 'anna berg' });
    expect(dup).toEqual({ ok: false, error: { code: 'RUNNER_EXISTS', message: 'There is already a runner called anna berg.' } });
    const bad = await invoke('lopsided:fileSession', fromApp(), anna.runnerId, { date: '12/11/2026' }, []);
    expect(bad.ok).toBe(false);
    savePath = join(dir, 'progress.pdf');
    expect(await ok(invoke('lopsided:saveProgressPdf', fromApp(), anna.runnerId))).toEqual({ saved: true });
    expect((await readFile(savePath)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await ok(invoke('lopsided:deleteRunner', fromApp(), anna.runnerId))).toBeUndefined();
    expect(await ok(invoke('lopsided:listRunners', fromApp(), ''))).toEqual([]);
  });
});
