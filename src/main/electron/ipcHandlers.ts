// Main-side IPC handlers (issue 4): every handler first checks that the sender is the app's window
// showing the app's own page (like electron/fiddle src/main/ipc.ts), then validates its arguments with
// zod, then calls the job service. Nothing is thrown across the bridge: replies are {ok, value|error}.
import { copyFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { analyseOptionsSchema, describeZodError, eventsSchema, exportKindSchema, idSchema, jobNamesSchema, measurementsSchema, runnerInputSchema, sessionMetaSchema } from '../library/apiSchemas';
import { deleteRunner, deleteSession, deleteThroughService } from '../library/deleteFromLibrary';
import { fileJobsAsSession } from '../library/fileJobsAsSession';
import { asLibraryError } from '../library/openLibraryDb';
import { runnerPage } from '../library/runnerPage';
import { addRunner, getRunner, listRunners } from '../library/runnerRecords';
import { analysesOfRunners } from '../library/sessionRecords';
import { writeFileAtomic } from '../library/writeFileAtomic';
import { renderProgressPdf } from '../report/progressReportPdf';
import { toErrorInfo } from '../library/jobErrors';
import type { JobService } from '../library/jobService';
import type { IpcArgs, IpcChannel, IpcContract, IpcReply, IpcResult } from './ipcContract';

export interface IpcDeps {
  service: JobService;
  version: { name: string; version: string };
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  /** Asks the user where to save; null when cancelled. */
  chooseSavePath: (defaultName: string) => Promise<string | null>;
}

const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.m4v', '.webm', '.mkv', '.avi']);

/** Only absolute paths of video files: the media protocol later serves this file to the page. */
const videoPathSchema = z.string().min(1).max(4096)
  .refine((p) => /^([a-zA-Z]:[\\/]|\/)/.test(p), { message: 'must be an absolute path' })
  .refine((p) => VIDEO_EXTENSIONS.has(extname(p).toLowerCase()), { message: 'must be a video file (mp4, mov, m4v, webm, mkv, avi)' });

const argSchemas: { [C in IpcChannel]: z.ZodType<IpcArgs<C>> } = {
  'lopsided:getVersion': z.tuple([]),
  'lopsided:addVideo': z.tuple([videoPathSchema]),
  'lopsided:deleteVideo': z.tuple([idSchema]),
  'lopsided:startJob': z.tuple([idSchema, analyseOptionsSchema, jobNamesSchema.optional()]),
  'lopsided:renameJob': z.tuple([idSchema, jobNamesSchema]),
  'lopsided:getMeasurements': z.tuple([idSchema]),
  'lopsided:saveMeasurements': z.tuple([idSchema, measurementsSchema]),
  'lopsided:listJobs': z.tuple([]),
  'lopsided:getJob': z.tuple([idSchema]),
  'lopsided:cancelJob': z.tuple([idSchema]),
  'lopsided:deleteJob': z.tuple([idSchema]),
  'lopsided:getResult': z.tuple([idSchema]),
  'lopsided:getTrack': z.tuple([idSchema]),
  'lopsided:saveEvents': z.tuple([idSchema, eventsSchema]),
  'lopsided:exportFile': z.tuple([idSchema, exportKindSchema]),
  'lopsided:listRunners': z.tuple([z.string().max(200)]),
  'lopsided:addRunner': z.tuple([runnerInputSchema]),
  'lopsided:getRunnerPage': z.tuple([idSchema]),
  'lopsided:deleteRunner': z.tuple([idSchema]),
  'lopsided:deleteSession': z.tuple([idSchema, idSchema]),
  'lopsided:listFiledAnalyses': z.tuple([]),
  'lopsided:fileSession': z.tuple([idSchema, sessionMetaSchema, z.array(idSchema).min(1).max(3)]),
  'lopsided:saveProgressPdf': z.tuple([idSchema]),
};

type Impl = { [C in IpcChannel]: (...args: IpcArgs<C>) => Promise<IpcResult<C>> | IpcResult<C> };

function implementations(deps: IpcDeps): Impl {
  const { service } = deps;
  return {
    'lopsided:getVersion': () => ({ ...deps.version, door: 'electron' as const }),
    'lopsided:addVideo': (path) => service.addVideoByPath(path),
    'lopsided:deleteVideo': (videoId) => service.deleteVideo(videoId),
    'lopsided:startJob': (videoId, options, names) => service.startJob(videoId, options, names),
    'lopsided:renameJob': (jobId, names) => service.renameJob(jobId, names),
    'lopsided:getMeasurements': (jobId) => service.getMeasurements(jobId),
    'lopsided:saveMeasurements': (jobId, measurements) => service.saveMeasurements(jobId, measurements),
    'lopsided:listJobs': () => service.listJobs(),
    'lopsided:getJob': (jobId) => service.getJob(jobId),
    'lopsided:cancelJob': (jobId) => service.cancelJob(jobId),
    'lopsided:deleteJob': (jobId) => service.deleteJob(jobId),
    'lopsided:getResult': (jobId) => service.getResult(jobId),
    'lopsided:getTrack': (jobId) => service.getTrack(jobId),
    'lopsided:saveEvents': (jobId, events) => service.saveEvents(jobId, events),
    'lopsided:exportFile': async (jobId, kind) => {
      const from = await service.exportPath(jobId, kind);
      const stem = service.getJob(jobId).videoName.replace(/\.[^.]+$/, '');
      const to = await deps.chooseSavePath(`${stem}-${kind}`);
      if (to === null) return { saved: false };
      await copyFile(from, to);
      return { saved: true };
    },
    'lopsided:listRunners': (search) => listRunners(service.library.db, search),
    'lopsided:addRunner': (input) => addRunner(service.library.db, input),
    'lopsided:getRunnerPage': (runnerId) => runnerPage(service.library.db, runnerId),
    'lopsided:deleteRunner': (runnerId) => deleteRunner(service.library, runnerId, (id) => deleteThroughService(service, id)),
    'lopsided:deleteSession': (runnerId, sessionId) => deleteSession(service.library, runnerId, sessionId, (id) => deleteThroughService(service, id)),
    'lopsided:listFiledAnalyses': () => analysesOfRunners(service.library.db),
    'lopsided:fileSession': (runnerId, meta, jobIds) => fileJobsAsSession(service, runnerId, meta, jobIds),
    'lopsided:saveProgressPdf': async (runnerId) => {
      const bytes = await renderProgressPdf(runnerPage(service.library.db, runnerId));
      const to = await deps.chooseSavePath(`${getRunner(service.library.db, runnerId).name}-progress.pdf`);
      if (to === null) return { saved: false };
      await writeFileAtomic(to, bytes);
      return { saved: true };
    },
  };
}

export type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>;

export function createIpcHandlers(deps: IpcDeps): Record<IpcChannel, IpcHandler> {
  const impl = implementations(deps);
  const out = {} as Record<IpcChannel, IpcHandler>;
  for (const channel of Object.keys(argSchemas) as IpcChannel[]) {
    out[channel] = async (event, ...args) => {
      try {
        if (!deps.isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This window may not use the Lopsided API.' } };
        const parsed = (argSchemas[channel] as z.ZodType<unknown[]>).safeParse(args);
        if (!parsed.success) return { ok: false, error: { code: 'BAD_ARGUMENT', message: describeZodError(parsed.error) } };
        const fn = impl[channel] as (...a: unknown[]) => unknown;
        return { ok: true, value: await fn(...parsed.data) };
      } catch (e) {
        return { ok: false, error: toErrorInfo(asLibraryError(e)) };
      }
    };
  }
  return out;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: Record<IpcChannel, IpcHandler>): void {
  for (const [channel, handler] of Object.entries(handlers)) ipcMain.handle(channel, handler);
}

export type { IpcContract };
