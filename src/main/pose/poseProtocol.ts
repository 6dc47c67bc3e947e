// The typed message protocol between the pose pool (main thread) and each pose worker (issue 2).
// Sequence: main → init; worker → ready; main → chunk; worker → progress* / frame*; worker → done | error.
// main → cancel at any time. Keypoint values travel as transferable Float32Array buffers.
import type { PoseModelName, VideoInfo } from '../../shared/contract';
import type { PoseRuntimeName, PoseRuntimePreference } from './createPoseEstimator';
import type { BackendPreference, PoseBackendName } from './tfBackend';

export interface InitMessage {
  type: 'init';
  model: PoseModelName;
  modelsDir: string;
  backend: BackendPreference;
  runtime: PoseRuntimePreference;
}

/** One contiguous time chunk: frames with startSec ≤ timeSec < endSec are reported. */
export interface ChunkMessage {
  type: 'chunk';
  info: VideoInfo;
  longSide: number;
  startSec: number;
  /** Infinity for the last chunk (structured clone keeps it). */
  endSec: number;
  /** Decode from startSec − warmupSec and discard those frames, so BlazePose's ROI tracking has settled. */
  warmupSec: number;
}

export interface CancelMessage {
  type: 'cancel';
}

export type ToWorkerMessage = InitMessage | ChunkMessage | CancelMessage;

export interface ReadyMessage {
  type: 'ready';
  backend: PoseBackendName;
  runtime: PoseRuntimeName;
  /** describePoseRuntime: names the runtime (and a fallback's reason) in the track and report. */
  backendDescription: string;
  /** shortRuntimeLabel: "ONNX Runtime 1.30.0", or "TF.js WASM (…)" with a fallback's reason. */
  runtimeLabel: string;
  keypointNames: string[];
}

export interface FrameMessage {
  type: 'frame';
  index: number;
  timeSec: number;
  /** x, y, score per keypoint in keypointNames order, displayed-video pixels; NaN when no pose. */
  values: Float32Array;
}

export interface ProgressMessage {
  type: 'progress';
  /** Frames of the chunk decoded so far (warm-up frames excluded) and the chunk's total. */
  done: number;
  total: number | null;
  /** PIDs of this worker's running ffmpeg/ffprobe, so the pool can kill them if the thread must be terminated. */
  decoderPids: number[];
}

export interface DoneMessage {
  type: 'done';
  frames: number;
  warmupFrames: number;
}

export interface ErrorMessage {
  type: 'error';
  code: string;
  message: string;
}

export type FromWorkerMessage = ReadyMessage | FrameMessage | ProgressMessage | DoneMessage | ErrorMessage;
