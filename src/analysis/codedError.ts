// The one shape of Lopsided's typed errors: a code a program branches on and a message a person can read. They
// cross worker, IPC and HTTP boundaries as { code, message } (toErrorInfo), so each station only names its codes
// and its error's name.
export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
