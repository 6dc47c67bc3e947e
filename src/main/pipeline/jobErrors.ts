// Typed errors of the job runner (issue 2/3): the whole flow's own failures, beside the
// stations' VideoError / PoseError / AnalysisError which pass through unchanged.
import { CodedError } from '../../analysis/codedError';

export type JobErrorCode =
  | 'NO_PERSON' | 'OUTPUT_NOT_WRITABLE' | 'OUTPUT_WRITE_FAILED' | 'OUTPUT_IS_INPUT' | 'OUTPUT_EXISTS' | 'INPUT_NOT_FOUND' | 'INPUT_NOT_READABLE' | 'INPUT_NOT_UTF8';

export class JobError extends CodedError<JobErrorCode> {
  override name = 'JobError';
}

/** A thrown value as { code, message } (never a stack trace across a boundary). */
export function errorCodeOf(e: unknown): string | undefined {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || errorCodeOf(e) === 'ABORTED' || (e as { name?: string } | null)?.name === 'AbortError';
}
