// Messages between the main thread and the pixel worker (dist/pixel-worker.js): pelvis marks (issue 6, trackPelvis)
// and foot motion (issue 11, trackFootMotion).
// main → run | feet; worker → progress* then done | feetDone | error; main → cancel at any time.
import type { FootMotion, PoseTrack, VideoInfo } from '../../shared/contract';
import type { PelvisSeeds } from '../pelvis/pelvisSeeds';
import type { PelvisRunResult } from '../pelvis/runPelvisTracking';

export interface PelvisRunMessage {
  type: 'run';
  info: VideoInfo;
  track: PoseTrack;
  marks: 'auto' | PelvisSeeds;
  longSide: number;
}
/** Foot-region image motion of a side clip (src/main/footMotion). */
export interface FeetRunMessage {
  type: 'feet';
  info: VideoInfo;
  track: PoseTrack;
  longSide: number;
}
export interface CancelMessage {
  type: 'cancel';
}
export type ToPixelWorker = PelvisRunMessage | FeetRunMessage | CancelMessage;

export interface ProgressMessage {
  type: 'progress';
  done: number;
}
export interface DoneMessage {
  type: 'done';
  result: PelvisRunResult;
}
export interface FeetDoneMessage {
  type: 'feetDone';
  result: FootMotion;
}
export interface ErrorMessage {
  type: 'error';
  code: string;
  message: string;
}
export type FromPixelWorker = ProgressMessage | DoneMessage | FeetDoneMessage | ErrorMessage;
