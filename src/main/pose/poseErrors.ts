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
