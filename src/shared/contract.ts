// The contract between the stations and front doors (../shared/design.md).
// Runs in Node, in workers and in the renderer: types and tiny pure helpers only.

export type {
  AnalysisOptions,
  AnalysisResult,
  ClipRole,
  Flag,
  FlagLevel,
  FootMotion,
  FootMotionSeries,
  GaitEvent,
  GaitEventType,
  KeypointSeries,
  MetricId,
  MetricSummary,
  PelvisTrackingInfo,
  PoseTrack,
  SceneVertical,
  SessionInfo,
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

/** A model, or 'auto': the model that measured best for the clip's camera view (MODEL_FOR_VIEW). */
export type PoseModelChoice = PoseModelName | 'auto';

/**
 * Measured on the fixture clips (issue 3: `npm run validate`; issue 6: the rear clip through the whole pipeline).
 * Side: BlazePose heavy puts strikes and toe-offs within a frame of the truth (demo clip 0.8 / 0.5 frames, rendered
 * clip contact 9 / 7 ms per side), where full's near-foot toe sits on the shoe's upper at push-off (toe-off 1.5
 * frames early) and its near-foot strikes come ~20 ms late. Rear: full; heavy's feet there lost 6 of 13 left
 * contacts and moved the hip drop by up to 1.5°, full's stayed within 0.5°.
 */
export const MODEL_FOR_VIEW: Readonly<Record<'side' | 'rear', PoseModelName>> = { side: 'heavy', rear: 'full' };

export type JobStage = 'probe' | 'decode' | 'pose' | 'pelvis' | 'feet' | 'analysis' | 'report';

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
  model: PoseModelChoice;
  /** Where the BlazePose landmark model runs (issue 12): 'auto' = ONNX Runtime when it loads, else TF.js WASM. */
  runtime?: 'auto' | 'onnx' | 'tfjs';
  workers?: number;
  longSide?: number;
  view: 'auto' | 'side' | 'rear';
  beltSpeedMps?: number;
  /** Image angle of a true horizontal in degrees when the camera roll is known (0: level camera); rear-view hip drop is levelled against it. */
  horizonDeg?: number;
  /** Image scale at the runner in px per cm, when known: rear-view step width in cm, side-view bounce in cm. */
  pxPerCm?: number;
  /** Rear-view pelvis tracking: 'auto' finds marks/patches; explicit seeds in displayed-video pixels; 'off' skips it. */
  pelvisMarks?: 'auto' | 'off' | { left: { x: number; y: number }; right: { x: number; y: number } };
}

export const DEFAULT_ANALYSE_OPTIONS: AnalyseVideoOptions = { model: 'auto', view: 'auto', pelvisMarks: 'auto' };

/** Errors that cross process/IPC/HTTP boundaries as data, never as crashes. */
export interface ErrorInfo {
  code: string;
  message: string;
}
