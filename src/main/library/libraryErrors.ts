// Typed errors of the runner library; both doors and the CLI turn them into {code, message} (toErrorInfo).
export type LibraryErrorCode =
  | 'LIBRARY_BUSY'
  | 'LIBRARY_TOO_NEW'
  | 'LIBRARY_DAMAGED'
  | 'RUNNER_NOT_FOUND'
  | 'RUNNER_EXISTS'
  | 'SESSION_NOT_FOUND'
  | 'BAD_ARGUMENT'
  | 'BAD_ARCHIVE';

export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  constructor(code: LibraryErrorCode, message: string) {
    super(message);
    this.name = 'LibraryError';
    this.code = code;
  }
}
