// The IPC contract as one map of channel → function type (like alex8088 typed-ipc), shared by the
// preload (invoke side) and main (handle side) so both are checked by the compiler. Types only, plus
// channel names: the sandboxed preload imports this and nothing of Node.
import type { ExportKind, FrameMeasurement, JobNames, JobSummary, VideoRecord } from '../../shared/api';
import type { AnalyseVideoOptions, AnalysisResult, ErrorInfo, GaitEvent, PoseTrack } from '../../shared/contract';
import type { RunnerInput, RunnerPage, RunnerSummary, SessionMeta, SessionSummary } from '../../shared/library';

export interface IpcContract {
  'lopsided:getVersion': () => { name: string; version: string; door: 'electron' };
  'lopsided:addVideo': (path: string) => VideoRecord;
  /** Forgets a clip no job uses; the user's file is never touched. */
  'lopsided:deleteVideo': (videoId: string) => void;
  'lopsided:startJob': (videoId: string, options: AnalyseVideoOptions, names?: JobNames) => JobSummary;
  'lopsided:renameJob': (jobId: string, names: JobNames) => JobSummary;
  'lopsided:getMeasurements': (jobId: string) => FrameMeasurement[];
  'lopsided:saveMeasurements': (jobId: string, measurements: FrameMeasurement[]) => void;
  'lopsided:listJobs': () => JobSummary[];
  'lopsided:getJob': (jobId: string) => JobSummary;
  'lopsided:cancelJob': (jobId: string) => void;
  'lopsided:deleteJob': (jobId: string) => void;
  'lopsided:getResult': (jobId: string) => AnalysisResult;
  'lopsided:getTrack': (jobId: string) => PoseTrack;
  /** Events corrected by hand (issue 13); null reverts to the detected ones. */
  'lopsided:saveEvents': (jobId: string, events: GaitEvent[] | null) => AnalysisResult;
  /** Shows a save dialog and copies the export there; `saved: false` when the user cancelled. */
  'lopsided:exportFile': (jobId: string, kind: ExportKind) => { saved: boolean };
  // the runner library (issue 14)
  'lopsided:listRunners': (search: string) => RunnerSummary[];
  'lopsided:addRunner': (input: RunnerInput) => RunnerSummary;
  'lopsided:getRunnerPage': (runnerId: string) => RunnerPage;
  'lopsided:deleteRunner': (runnerId: string) => void;
  'lopsided:deleteSession': (runnerId: string, sessionId: string) => void;
  'lopsided:listFiledAnalyses': () => string[];
  'lopsided:fileSession': (runnerId: string, meta: SessionMeta, jobIds: string[]) => SessionSummary;
  /** Shows a save dialog and writes the runner's progress report there. */
  'lopsided:saveProgressPdf': (runnerId: string) => { saved: boolean };
}

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = Parameters<IpcContract[C]>;
export type IpcResult<C extends IpcChannel> = ReturnType<IpcContract[C]>;

/** Errors cross the bridge as data: Electron would otherwise mangle a thrown Error's message and drop its code. */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const IPC_CHANNELS: readonly IpcChannel[] = [
  'lopsided:getVersion', 'lopsided:addVideo', 'lopsided:deleteVideo', 'lopsided:startJob', 'lopsided:listJobs', 'lopsided:getJob',
  'lopsided:renameJob', 'lopsided:getMeasurements', 'lopsided:saveMeasurements', 'lopsided:cancelJob', 'lopsided:deleteJob', 'lopsided:getResult', 'lopsided:getTrack', 'lopsided:saveEvents', 'lopsided:exportFile',
  'lopsided:listRunners', 'lopsided:addRunner', 'lopsided:getRunnerPage', 'lopsided:deleteRunner', 'lopsided:deleteSession', 'lopsided:listFiledAnalyses', 'lopsided:fileSession', 'lopsided:saveProgressPdf',
];

/** Main → renderer push of job changes (one-way). */
export const JOB_CHANGED_CHANNEL = 'lopsided:jobChanged';
export const JOB_DELETED_CHANNEL = 'lopsided:jobDeleted';

/** The app's own origins: the renderer bundle and the clip stream (see appProtocols.ts). */
export const APP_SCHEME = 'lopsided-app';
export const MEDIA_SCHEME = 'lopsided-media';
export const APP_ENTRY_URL = `${APP_SCHEME}://app/index.html`;
