// The one API the renderer talks to (design.md, "Front doors"). The Electron preload
// and the HTTP client (server mode) both implement it; the renderer never knows which.
import { CodedError } from '../analysis/codedError';
import type { LibraryApi } from './library';
import type { AnalyseVideoOptions, AnalysisResult, ErrorInfo, GaitEvent, JobProgress, PoseTrack, VideoInfo } from './contract';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A check of the chosen file before analysis (fps, resolution, duration), shown to the user. */
export interface CaptureCheck {
  id: 'fps' | 'resolution' | 'duration' | 'rotation' | 'variableFrameRate';
  level: 'ok' | 'warn' | 'error';
  message: string;
}

export interface VideoRecord {
  videoId: string;
  name: string;
  info: VideoInfo;
  checks: CaptureCheck[];
}

export interface JobSummary {
  jobId: string;
  videoId: string;
  videoName: string;
  createdAtIso: string;
  status: JobStatus;
  options: AnalyseVideoOptions;
  info: VideoInfo;
  progress: JobProgress | null;
  error: ErrorInfo | null;
  /** Exports present on disk for a done job (report.pdf only when the PDF was written). Empty until done. */
  exports?: ExportKind[];
  /** When the job reached done/failed/cancelled. */
  finishedAtIso?: string;
  /** Set while the job's events carry corrections by hand (issue 13): when they were last saved. Revert clears it. */
  eventsCorrectedAtIso?: string;
  /** A name the clinician gives the session (e.g. "Before orthotics"); the clip's file name is shown when absent. */
  sessionName?: string;
  /** Who ran; printed on the report. */
  runnerName?: string;
  /** The view the analysis found (set when done), so a picker can say "rear view" for a job started on 'auto'. */
  resultView?: 'side' | 'rear';
}

/** A measurement drawn on one frame of a job's clip (measuring tools, issue 13), in video pixels, y down. */
export interface FrameMeasurement {
  id: string;
  kind: 'angle' | 'vertical' | 'horizontal';
  /** Frame index, 0-based as in events.csv. */
  frame: number;
  /** 3 points for an angle (vertex in the middle), 2 for a line. */
  points: { x: number; y: number }[];
  /** Pinned by the clinician: drawn on its frame among the PDF report's key frames. */
  pinned?: boolean;
}

/** The names a clinician can give an analysis (at start or later); an empty string clears one. */
export interface JobNames {
  sessionName?: string;
  runnerName?: string;
}

export type ExportKind = 'report.json' | 'report.pdf' | 'keypoints.csv' | 'events.csv' | 'steps.csv';

/**
 * How every LopsidedApi method fails: the promise rejects with this (never a raw Error
 * from the other side, never a stack trace). `code` is stable (e.g. NOT_A_VIDEO,
 * JOB_NOT_FOUND, JOB_NOT_DONE, TOO_LARGE, UNAUTHORIZED, BAD_ARGUMENT, INTERNAL);
 * `message` is one sentence a user can read.
 */
export class LopsidedApiError extends CodedError implements ErrorInfo {
  override name = 'LopsidedApiError';
}

export function isErrorInfo(v: unknown): v is ErrorInfo {
  return typeof v === 'object' && v !== null && typeof (v as ErrorInfo).code === 'string' && typeof (v as ErrorInfo).message === 'string';
}

/**
 * PoseTrack values are NaN where a keypoint is missing, and JSON writes NaN as null.
 * Both doors send tracks as JSON; this turns the nulls back into NaN in place.
 */
export function reviveTrackNaN(track: PoseTrack): PoseTrack {
  const revive = (arr: number[]) => {
    for (let i = 0; i < arr.length; i++) if (arr[i] === null) arr[i] = Number.NaN;
  };
  for (const series of Object.values(track.keypoints)) for (const arr of [series.x, series.y, series.score]) revive(arr);
  const m = track.footMotion;
  if (m) for (const foot of [m.left, m.right]) for (const s of [foot.heel, foot.toe]) for (const arr of [s.dxPx, s.dyPx, s.ncc]) revive(arr);
  return track;
}

/**
 * The renderer's only door to the engine. Every method rejects with LopsidedApiError.
 * Electron: `window.lopsided` (preload). Browser: `getApi()` from src/renderer/api/httpApi.ts.
 */
export interface LopsidedApi {
  getVersion(): Promise<{ name: string; version: string; door: 'electron' | 'server' }>;
  /** Browser: streams the File to the server; Electron: passes its path. Probes it and checks capture quality. */
  addVideo(file: File): Promise<VideoRecord>;
  /**
   * Discards a clip no analysis uses (the user chose another, or changed their mind). Browser: the uploaded
   * copy is deleted from the server's data folder; Electron: the clip is forgotten, the user's file untouched.
   * Rejects with VIDEO_IN_USE when a job uses it (delete the job instead), VIDEO_NOT_FOUND when already gone.
   */
  deleteVideo(videoId: string): Promise<void>;
  startJob(videoId: string, options: AnalyseVideoOptions, names?: JobNames): Promise<JobSummary>;
  /** Names (or renames) an analysis; the report PDF of a finished one is re-titled with the names. */
  renameJob(jobId: string, names: JobNames): Promise<JobSummary>;
  /** The measurements drawn on the job's frames (empty when none), kept in the job's folder. */
  getMeasurements(jobId: string): Promise<FrameMeasurement[]>;
  /** Replaces the job's measurements (at most 500). */
  saveMeasurements(jobId: string, measurements: FrameMeasurement[]): Promise<void>;
  listJobs(): Promise<JobSummary[]>;
  getJob(jobId: string): Promise<JobSummary>;
  cancelJob(jobId: string): Promise<void>;
  deleteJob(jobId: string): Promise<void>;
  /** Calls back on every progress/status change of that job until unsubscribed (first call: current state). */
  subscribe(jobId: string, onChange: (job: JobSummary) => void): () => void;
  getResult(jobId: string): Promise<AnalysisResult>;
  getTrack(jobId: string): Promise<PoseTrack>;
  /**
   * Saves events corrected by hand with the analysis (issue 13) and resolves with the result recomputed from them;
   * report.json, events.csv, steps.csv and report.pdf are rewritten. null reverts to the detected events.
   */
  saveEvents(jobId: string, events: GaitEvent[] | null): Promise<AnalysisResult>;
  /** A URL the page can use as <video src> for the job's clip. */
  videoUrl(jobId: string): string;
  /**
   * Saves or downloads one export of a finished job (browser: a download; Electron: a save dialog).
   * Rejects with JOB_NOT_DONE before the job is done, EXPORT_MISSING when that file was not written.
   */
  exportFile(jobId: string, kind: ExportKind): Promise<void>;
  /** The runner library (issue 14); absent in test doubles that do not need it. */
  library?: LibraryApi;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    lopsided?: LopsidedApi;
  }
}
