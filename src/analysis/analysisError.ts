// Typed errors of the analysis station: they cross worker/IPC/HTTP boundaries as { code, message }
// (common brief: bad input gets a clear, specific error, never a crash).
import { CodedError } from './codedError';

export type AnalysisErrorCode =
  | 'CSV_EMPTY'
  | 'CSV_BAD_HEADER'
  | 'CSV_NO_TIME'
  | 'CSV_BAD_ROW'
  | 'CSV_BAD_NUMBER'
  | 'CSV_TIME_NOT_INCREASING'
  | 'TRACK_INVALID'
  | 'RUNNER_NOT_UPRIGHT'
  | 'EVENTS_CSV_BAD_HEADER'
  | 'EVENTS_CSV_BAD_ROW'
  | 'EVENTS_INVALID';

export class AnalysisError extends CodedError<AnalysisErrorCode> {
  override name = 'AnalysisError';
}
