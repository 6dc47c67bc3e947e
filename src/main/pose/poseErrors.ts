// Typed errors of the pose station: they cross worker/IPC/HTTP boundaries as { code, message }.
import { CodedError } from '../../analysis/codedError';

export type PoseErrorCode =
  | 'MODELS_MISSING'
  | 'POSE_BACKEND_UNAVAILABLE'
  | 'POSE_WORKER_MISSING'
  | 'POSE_WORKER_CRASHED'
  | 'POSE_FAILED'
  | 'ABORTED';

export class PoseError extends CodedError<PoseErrorCode> {
  override name = 'PoseError';
}

/** An error a worker reported as { code, message } (pose or video station codes, e.g. TRUNCATED). */
export class WorkerReportedError extends CodedError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = code === 'ABORTED' ? 'AbortError' : 'WorkerReportedError';
  }
}

/** The error a cancelled pose run throws (name 'AbortError' like fetch/DOM, plus a code). */
export function poseAbortError(): PoseError {
  const e = new PoseError('ABORTED', 'Cancelled.');
  e.name = 'AbortError';
  return e;
}
