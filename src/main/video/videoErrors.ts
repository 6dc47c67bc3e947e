// Typed errors of the video station: every bad input gets a code the CLI, the
// server and the UI can show as one clear sentence (issue 2, "Bad input").
import { CodedError } from '../../analysis/codedError';

export type VideoErrorCode =
  | 'FFMPEG_NOT_FOUND'
  | 'FILE_NOT_FOUND'
  | 'IS_DIRECTORY'
  | 'EMPTY_FILE'
  | 'NOT_READABLE'
  | 'NOT_A_VIDEO'
  | 'NO_VIDEO_STREAM'
  | 'STILL_IMAGE'
  | 'TRUNCATED'
  | 'DECODE_FAILED'
  | 'ABORTED';

export class VideoError extends CodedError<VideoErrorCode> {
  override name = 'VideoError';
  /** Tail of ffmpeg's stderr when it helps a developer; never shown as the message. */
  readonly detail?: string;

  constructor(code: VideoErrorCode, message: string, detail?: string) {
    super(code, message);
    if (detail !== undefined) this.detail = detail;
  }
}

export function isVideoError(e: unknown): e is VideoError {
  return e instanceof VideoError;
}

/** The error an aborted job throws (name 'AbortError' like fetch/DOM, plus a code). */
export function abortError(): VideoError {
  const e = new VideoError('ABORTED', 'Cancelled.');
  e.name = 'AbortError';
  return e;
}
