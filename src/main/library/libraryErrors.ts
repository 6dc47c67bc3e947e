// Typed errors of the runner library; both doors and the CLI turn them into {code, message} (toErrorInfo).
import { CodedError } from '../../analysis/codedError';
export type LibraryErrorCode =
  | 'LIBRARY_BUSY'
  | 'LIBRARY_TOO_NEW'
  | 'LIBRARY_DAMAGED'
  | 'RUNNER_NOT_FOUND'
  | 'RUNNER_EXISTS'
  | 'SESSION_NOT_FOUND'
  | 'BAD_ARGUMENT'
  | 'BAD_ARCHIVE';

export class LibraryError extends CodedError<LibraryErrorCode> {
  override name = 'LibraryError';
}
