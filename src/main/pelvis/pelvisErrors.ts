// Typed errors of the pelvis tracker (issue 6): every failure has a code the job turns into one clear warning.
import { CodedError } from '../../analysis/codedError';
export type PelvisErrorCode =
  | 'PELVIS_NO_HIPS'
  | 'PELVIS_BAD_SEEDS'
  | 'PELVIS_NOT_TRACKED'
  | 'ABORTED';

export class PelvisError extends CodedError<PelvisErrorCode> {
  constructor(code: PelvisErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = code === 'ABORTED' ? 'AbortError' : 'PelvisError';
  }
}
