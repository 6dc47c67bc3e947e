// The contract between the stations and front doors (../shared/design.md).
// Runs in Node, in workers and in the renderer: types and tiny pure helpers only.

export type {
  AnalysisOptions,
  AnalysisResult,
  Flag,
  FlagLevel,
  GaitEvent,
  GaitEventType,
  KeypointSeries,
  MetricId,
  MetricSummary,
  PelvisTrackingInfo,
  PoseTrack,
  Side,
  StepRow,
  View,
} from '../analysis/types';

/** What ffprobe tells about a video file (station 1). Width/height are the displayed size (rotation applied). */
export interface VideoInfo {
  path: string;
  durationSec: number;
  /** Average frame rate (frames / duration). */
  avgFps: number;
  /** The stream's nominal (r_frame_rate) rate. */
  realFps: number;
  frameCount: number;
  width: number;
  height: number;
  codedWidth: number;
  codedHeight: number;
  /** Clockwise rotation to apply to coded frames for display: 0, 90, 180 or 270. */
  rotationDeg: 0 | 90 | 180 | 270;
  codec: string;
  variableFrameRate: boolean;
}

/** One decoded frame, scaled by ffmpeg (long side ~640), rotation already applied. */
export interface RgbFrame {
  index: number;
  /** Presentation time in seconds, from the stream (never index / fps). */
  timeSec: number;
  width: number;
  height: number;
  /** Packed RGB24, width * height * 3 bytes. */
  data: Uint8Array;
  /** Multiply decoded pixel coordinates by this to get displayed-video pixels. */
  scaleToDisplay: number;
}

export interface Keypoint {
  name: string;
  /** Pixels of the displayed video, y down; NaN when missing. */
  x: number;
  y: number;
  score: number;
}

/** The pose of one frame (station 2 output, per frame). */
export interface PoseFrame {
  index: number;
  timeSec: number;
  keypoints: Keypoint[];
}

export type PoseModelName = 'lite' | 'full' | 'heavy' | 'movenet-lightning' | 'movenet-thunder';

export type JobStage = 'probe' | 'decode' | 'pose' | 'pelvis' | 'analysis' | 'report';

export interface JobProgress {
  stage: JobStage;
  done: number;
  total: number | null;
  framesPerSec?: number;
  etaSec?: number;
  message?: string;
}

/** Options of the whole job (video → result). */
export interface AnalyseVideoOptions {
  model: PoseModelName;
  workers?: number;
  longSide?: number;
  view: 'auto' | 'side' | 'rear';
  beltSpeedMps?: number;
  /** Image angle of a true horizontal in degrees when the camera roll is known (0: level camera); rear-view hip drop is levelled against it. */
  horizonDeg?: number;
  /** Rear-view pelvis tracking: 'auto' finds marks/patches; explicit seeds in displayed-video pixels; 'off' skips it. */
  pelvisMarks?: 'auto' | 'off' | { left: { x: number; y: number }; right: { x: number; y: number } };
}

export const DEFAULT_ANALYSE_OPTIONS: AnalyseVideoOptions = { model: 'full', view: 'auto', pelvisMarks: 'auto' };

/** Errors that cross process/IPC/HTTP boundaries as data, never as crashes. */
export interface ErrorInfo {
  code: string;
  message: string;
}
