// The one API the renderer talks to (design.md, "Front doors"). The Electron preload
// and the HTTP client (server mode) both implement it; the renderer never knows which.
import type { AnalyseVideoOptions, AnalysisResult, ErrorInfo, JobProgress, PoseTrack, VideoInfo } from './contract';

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
}

export type ExportKind = 'report.json' | 'report.pdf' | 'keypoints.csv' | 'events.csv' | 'steps.csv';

export interface LopsidedApi {
  getVersion(): Promise<{ name: string; version: string; door: 'electron' | 'server' }>;
  /** Browser: streams the File to the server; Electron: passes its path. Probes it and checks capture quality. */
  addVideo(file: File): Promise<VideoRecord>;
  startJob(videoId: string, options: AnalyseVideoOptions): Promise<JobSummary>;
  listJobs(): Promise<JobSummary[]>;
  getJob(jobId: string): Promise<JobSummary>;
  cancelJob(jobId: string): Promise<void>;
  deleteJob(jobId: string): Promise<void>;
  /** Calls back on every progress/status change until unsubscribed. */
  subscribe(jobId: string, onChange: (job: JobSummary) => void): () => void;
  getResult(jobId: string): Promise<AnalysisResult>;
  getTrack(jobId: string): Promise<PoseTrack>;
  /** A URL the page can use as <video src> for the job's clip. */
  videoUrl(jobId: string): string;
  /** Saves or downloads one export of a finished job. */
  exportFile(jobId: string, kind: ExportKind): Promise<void>;
}
