import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobSummary, LopsidedApi } from '../../../src/shared/api';
import { LopsidedApiError } from '../../../src/shared/api';

const electron = vi.hoisted(() => ({ mock: null as unknown as import('./electronMock').ElectronMock }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock;
});

const JOB = '0b5e5e4c-1b1a-4c1d-9d1e-2f3a4b5c6d7e';
let api: LopsidedApi;

beforeAll(async () => {
  await import('../../../src/main/electron/preload');
  api = electron.mock.contextBridge.exposed.lopsided as LopsidedApi;
});

describe('preload', () => {
  it('exposes exactly one key, the LopsidedApi methods, and no Electron objects', () => {
    expect(electron.mock.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(electron.mock.contextBridge.exposed)).toEqual(['lopsided']);
    expect(Object.keys(api).sort()).toEqual(['addVideo', 'cancelJob', 'deleteJob', 'deleteVideo', 'exportFile', 'getJob', 'getMeasurements', 'getResult', 'getTrack',
      'getVersion', 'library', 'listJobs', 'renameJob', 'saveEvents', 'saveMeasurements', 'startJob', 'subscribe', 'videoUrl']);
    const { library, ...methods } = api;
    for (const value of Object.values(methods)) expect(typeof value).toBe('function');
    // the runner library (issue 14): functions only, each one channel of the contract
    expect(Object.keys(library ?? {}).sort()).toEqual(['addRunner', 'deleteRunner', 'deleteSession', 'fileSession', 'getRunnerPage', 'listFiledAnalyses', 'listRunners', 'saveProgressPdf']);
    for (const value of Object.values(library ?? {})) expect(typeof value).toBe('function');
  });

  it('passes a File as its real path (webUtils.getPathForFile) and refuses files without one', async () => {
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { videoId: 'v' } });
    await api.addVideo({ name: 'run.mp4', path: '/videos/run.mp4' } as unknown as File);
    expect(electron.mock.webUtils.getPathForFile).toHaveBeenCalled();
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenLastCalledWith('lopsided:addVideo', '/videos/run.mp4');
    await expect(api.addVideo({ name: 'pasted.mp4' } as unknown as File)).rejects.toMatchObject({ code: 'NO_FILE_PATH' });
  });

  it('discards a clip over lopsided:deleteVideo (issue 15)', async () => {
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: undefined });
    await api.deleteVideo(JOB);
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenLastCalledWith('lopsided:deleteVideo', JOB);
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'VIDEO_IN_USE', message: 'This video has an analysis.' } });
    await expect(api.deleteVideo(JOB)).rejects.toMatchObject({ code: 'VIDEO_IN_USE' });
  });

  it('turns error replies into LopsidedApiError with their code, and a dead channel into IPC_FAILED', async () => {
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'JOB_NOT_FOUND', message: 'No such job.' } });
    const e = await api.getJob(JOB).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LopsidedApiError);
    expect(e).toMatchObject({ code: 'JOB_NOT_FOUND', message: 'No such job.' });
    electron.mock.ipcRenderer.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'x'"));
    await expect(api.listJobs()).rejects.toMatchObject({ code: 'IPC_FAILED' });
  });

  it('subscribes: current state first, then pushes for that job only, until unsubscribed', async () => {
    const job = (status: JobSummary['status'], jobId = JOB) => ({ jobId, status }) as JobSummary;
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: job('running') });
    const seen: string[] = [];
    const off = api.subscribe(JOB, (j) => seen.push(j.status));
    await vi.waitFor(() => expect(seen).toEqual(['running']));
    electron.mock.ipcRenderer.push('lopsided:jobChanged', job('done', 'ffffffff-1b1a-4c1d-9d1e-2f3a4b5c6d7e'));
    electron.mock.ipcRenderer.push('lopsided:jobChanged', job('done'));
    expect(seen).toEqual(['running', 'done']);
    off();
    expect(electron.mock.ipcRenderer.listenerCount('lopsided:jobChanged')).toBe(0);
    electron.mock.ipcRenderer.push('lopsided:jobChanged', job('failed'));
    expect(seen).toEqual(['running', 'done']);
  });

  it('revives NaN in tracks and points <video> at the media protocol', async () => {
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { timesSec: [0], width: 1, height: 1, keypoints: { nose: { x: [null], y: [1], score: [0.5] } }, source: { kind: 'csv', name: 'x' } } });
    const track = await api.getTrack(JOB);
    expect(Number.isNaN(track.keypoints.nose?.x[0])).toBe(true);
    expect(api.videoUrl(JOB)).toBe(`lopsided-media://job/${JOB}`);
  });
});
