// Messages between trackPelvis (main thread) and the pelvis worker (issue 6).
// main → run; worker → progress* then done | error; main → cancel at any time.
import type { PoseTrack, VideoInfo } from '../../shared/contract';
import type { PelvisSeeds } from './pelvisSeeds';
import type { PelvisRunResult } from './runPelvisTracking';

export interface RunMessage {
  type: 'run';
  info: VideoInfo;
  track: PoseTrack;
  marks: 'auto' | PelvisSeeds;
  longSide: number;
}
export interface CancelMessage {
  type: 'cancel';
}
export type ToPelvisWorker = RunMessage | CancelMessage;

export interface ProgressMessage {
  type: 'progress';
  done: number;
}
export interface DoneMessage {
  type: 'done';
  result: PelvisRunResult;
}
export interface ErrorMessage {
  type: 'error';
  code: string;
  message: string;
}
export type FromPelvisWorker = ProgressMessage | DoneMessage | ErrorMessage;
