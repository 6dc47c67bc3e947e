// The job runner the front doors call (design.md, "Front doors"), injected so tests use a fake
// and production wires analyseVideo + writeJobOutputs (src/main/job, issue 2/5).
import type { CaptureCheck, JobNames, JobSummary, VideoRecord } from '../../shared/api';
import type { AnalyseVideoOptions, AnalysisResult, JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';

export interface JobRunInput {
  videoPath: string;
  info: VideoInfo;
  options: AnalyseVideoOptions;
  /** The job's folder: the runner writes report.json, keypoints.csv, events.csv, steps.csv and report.pdf here. */
  outDir: string;
  /** The clip's name as the user knows it (the stored copy is clip.mp4), and the names given to the session. */
  videoName?: string;
  names?: JobNames;
}

/** Re-renders a finished job's report.pdf with new names (the PDF is titled by session and runner, issue 13). */
export type ReportRetitler = (input: { outDir: string; videoPath: string; videoName: string; names: JobNames }) => Promise<void>;

export interface JobRunContext {
  signal: AbortSignal;
  onProgress: (p: JobProgress) => void;
}

export interface JobRunOutput {
  result: AnalysisResult;
  /** Kept as track.json so the review screen can draw the skeleton without re-running pose. */
  track: PoseTrack;
}

export type JobRunner = (input: JobRunInput, ctx: JobRunContext) => Promise<JobRunOutput>;

export type ProbeFn = (path: string) => Promise<VideoInfo>;

/** job.json: the summary the API shows plus where the clip is. */
export interface JobRecord extends JobSummary {
  schemaVersion: 1;
  videoPath: string;
}

/** video.json of videos/<videoId>/: a clip added but not necessarily analysed yet. */
export interface StoredVideo extends VideoRecord {
  schemaVersion: 1;
  path: string;
  /** True when the file was copied/uploaded into the data dir (deleted with its last job); false when referenced. */
  owned: boolean;
  addedAtIso: string;
}

export type JobEvent = { type: 'changed'; job: JobSummary } | { type: 'deleted'; jobId: string };

export type { CaptureCheck };
