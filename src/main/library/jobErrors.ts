// Typed errors of the job store/manager; both doors turn them into {code, message} (issue 4).
import { CodedError } from '../../analysis/codedError';
export type JobStoreErrorCode =
  | 'JOB_NOT_FOUND'
  | 'VIDEO_NOT_FOUND'
  | 'JOB_NOT_DONE'
  | 'JOB_ACTIVE'
  | 'VIDEO_IN_USE'
  | 'JOB_FILED'
  | 'REPORT_STALE'
  | 'EXPORT_MISSING'
  | 'BAD_ARGUMENT'
  | 'INTERRUPTED';

export class JobStoreError extends CodedError<JobStoreErrorCode> {
  override name = 'JobStoreError';
}

/** Any thrown thing → {code, message} safe to show (no stack, no internal paths beyond the message). */
export function toErrorInfo(e: unknown): { code: string; message: string } {
  if (typeof e === 'object' && e !== null) {
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    // Node's own errors (ENOENT with a path, ERR_*) are internals, not user messages.
    const nodeError = 'syscall' in e || 'errno' in e || (typeof code === 'string' && code.startsWith('ERR_'));
    if (!nodeError && typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) && typeof message === 'string' && message !== '') {
      return { code, message };
    }
    if ((e as { name?: unknown }).name === 'AbortError') return { code: 'ABORTED', message: 'Cancelled.' };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside Lopsided; the details are in the log.' };
}

/**
 * A job that Lopsided itself stopped (server stop, SIGTERM, app quit) or found unfinished after a crash:
 * not the user's cancel, so it is 'failed' with this error and the user is told to start it again (issue 15).
 */
export function interruptedError(): { code: 'INTERRUPTED'; message: string } {
  return { code: 'INTERRUPTED', message: 'The analysis was interrupted because Lopsided stopped; start it again.' };
}
