// Typed errors of the pose station: they cross worker/IPC/HTTP boundaries as { code, message }.

export type PoseErrorCode =
  | 'MODELS_MISSING'
  | 'POSE_BACKEND_UNAVAILABLE'
  | 'POSE_WORKER_MISSING'
  | 'POSE_WORKER_CRASHED'
  | 'POSE_FAILED'
  | 'ABORTED';

export class PoseError extends Error {
  readonly code: PoseErrorCode;
  constructor(code: PoseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoseError';
    this.code = code;
  }
}

/** An error a worker reported as { code, message } (pose or video station codes, e.g. TRUNCATED). */
export class WorkerReportedError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = code === 'ABORTED' ? 'AbortError' : 'WorkerReportedError';
    this.code = code;
  }
}

/** The error a cancelled pose run throws (name 'AbortError' like fetch/DOM, plus a code). */
export function poseAbortError(): PoseError {
  const e = new PoseError('ABORTED', 'Cancelled.');
  e.name = 'AbortError';
  return e;
}
