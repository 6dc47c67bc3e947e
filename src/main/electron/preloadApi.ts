// The LopsidedApi on the Electron side of the bridge (issue 4): built from an `invoke` function so it is
// testable without Electron. Only these functions cross contextBridge — never ipcRenderer itself.
import { LopsidedApiError, reviveTrackNaN, type JobSummary, type LopsidedApi } from '../../shared/api';
import { JOB_CHANGED_CHANNEL, JOB_DELETED_CHANNEL, MEDIA_SCHEME, type IpcArgs, type IpcChannel, type IpcReply, type IpcResult } from './ipcContract';

export interface PreloadDeps {
  invoke: (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;
  /** Listens to a main → renderer channel; returns the unsubscribe. */
  on: (channel: string, listener: (payload: unknown) => void) => () => void;
  /** Electron's webUtils.getPathForFile: the real path of a dropped or chosen File ('' when it has none). */
  pathForFile: (file: File) => string;
}

export function createPreloadApi(deps: PreloadDeps): LopsidedApi {
  async function call<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
    let reply: IpcReply<IpcResult<C>>;
    try {
      reply = (await deps.invoke(channel, ...args)) as IpcReply<IpcResult<C>>;
    } catch {
      throw new LopsidedApiError('IPC_FAILED', 'The Lopsided engine did not answer; restart the app.');
    }
    if (reply.ok) return reply.value;
    throw new LopsidedApiError(reply.error.code, reply.error.message);
  }

  return {
    getVersion: () => call('lopsided:getVersion'),
    async addVideo(file: File) {
      const path = deps.pathForFile(file);
      if (path === '') throw new LopsidedApiError('NO_FILE_PATH', 'This file has no path on disk; save it first, then open it.');
      return call('lopsided:addVideo', path);
    },
    deleteVideo: (videoId) => call('lopsided:deleteVideo', videoId),
    startJob: (videoId, options, names) => (names ? call('lopsided:startJob', videoId, options, names) : call('lopsided:startJob', videoId, options)),
    renameJob: (jobId, names) => call('lopsided:renameJob', jobId, names),
    getMeasurements: (jobId) => call('lopsided:getMeasurements', jobId),
    saveMeasurements: (jobId, measurements) => call('lopsided:saveMeasurements', jobId, measurements),
    listJobs: () => call('lopsided:listJobs'),
    getJob: (jobId) => call('lopsided:getJob', jobId),
    cancelJob: (jobId) => call('lopsided:cancelJob', jobId),
    deleteJob: (jobId) => call('lopsided:deleteJob', jobId),
    subscribe(jobId, onChange) {
      let live = true;
      const offChanged = deps.on(JOB_CHANGED_CHANNEL, (payload) => {
        const job = payload as JobSummary;
        if (live && job.jobId === jobId) onChange(job);
      });
      const offDeleted = deps.on(JOB_DELETED_CHANNEL, () => undefined);
      call('lopsided:getJob', jobId).then((job) => live && onChange(job), () => undefined);
      return () => {
        live = false;
        offChanged();
        offDeleted();
      };
    },
    getResult: (jobId) => call('lopsided:getResult', jobId),
    getTrack: async (jobId) => reviveTrackNaN(await call('lopsided:getTrack', jobId)),
    saveEvents: (jobId, events) => call('lopsided:saveEvents', jobId, events),
    videoUrl: (jobId) => `${MEDIA_SCHEME}://job/${encodeURIComponent(jobId)}`,
    async exportFile(jobId, kind) {
      await call('lopsided:exportFile', jobId, kind);
    },
    library: {
      listRunners: (search) => call('lopsided:listRunners', search ?? ''),
      addRunner: (input) => call('lopsided:addRunner', input),
      getRunnerPage: (runnerId) => call('lopsided:getRunnerPage', runnerId),
      deleteRunner: (runnerId) => call('lopsided:deleteRunner', runnerId),
      deleteSession: (runnerId, sessionId) => call('lopsided:deleteSession', runnerId, sessionId),
      listFiledAnalyses: () => call('lopsided:listFiledAnalyses'),
      fileSession: (runnerId, meta, jobIds) => call('lopsided:fileSession', runnerId, meta, [...jobIds]),
      async saveProgressPdf(runnerId) {
        await call('lopsided:saveProgressPdf', runnerId);
      },
    },
  };
}
