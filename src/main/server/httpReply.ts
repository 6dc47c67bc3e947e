// Replies of the server: JSON bodies, and errors as {code, message} — never a stack trace (issue 4).
import type { ServerResponse } from 'node:http';
import { toErrorInfo } from '../library/jobErrors';

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const STATUS_OF_CODE: Record<string, number> = {
  JOB_NOT_FOUND: 404, VIDEO_NOT_FOUND: 404, EXPORT_MISSING: 404, NOT_FOUND: 404, RUNNER_NOT_FOUND: 404, SESSION_NOT_FOUND: 404,
  RUNNER_EXISTS: 409, LIBRARY_BUSY: 503, REPORT_STALE: 503,
  JOB_NOT_DONE: 409, JOB_ACTIVE: 409, VIDEO_IN_USE: 409, JOB_FILED: 409,
  BAD_ARGUMENT: 400, BAD_JSON: 400,
  NOT_A_VIDEO: 415, NO_VIDEO_STREAM: 415, STILL_IMAGE: 415, EMPTY_FILE: 415, TRUNCATED: 415, UNSUPPORTED_TYPE: 415,
  TOO_LARGE: 413, UNAUTHORIZED: 401, FORBIDDEN_HOST: 403, FORBIDDEN_ORIGIN: 403,
};

export function sendError(res: ServerResponse, e: unknown, log: (msg: string) => void = () => undefined): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HttpError) {
    sendJson(res, e.status, { code: e.code, message: e.message });
    return;
  }
  const info = toErrorInfo(e);
  if (info.code === 'INTERNAL') log(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  sendJson(res, STATUS_OF_CODE[info.code] ?? (info.code === 'INTERNAL' ? 500 : 422), info);
}
