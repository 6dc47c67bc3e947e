// The two custom schemes (issue 4): lopsided-app:// serves the built renderer with a strict CSP (a real
// origin instead of file://, so 'self' means our bundle only), and lopsided-media:// streams a job's clip
// with Range support for the <video> element. Pure Request → Response functions: tested without Electron.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { normalize, join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { contentTypeFor, parseRange } from '../server/httpRange';
import { isValidId } from '../library/jobStore';
import { MEDIA_SCHEME } from './ipcContract';

export const ELECTRON_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  `media-src ${MEDIA_SCHEME}: blob:`,
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS = { 'Content-Security-Policy': ELECTRON_CSP, 'X-Content-Type-Options': 'nosniff' };

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
}

async function fileResponse(path: string, rangeHeader: string | null): Promise<Response> {
  const s = await stat(path).catch(() => null);
  if (s === null || !s.isFile()) return notFound();
  const size = s.size;
  const range = parseRange(rangeHeader, size);
  const base = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(path), 'Accept-Ranges': 'bytes' };
  if (range.kind === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}` } });
  const start = range.kind === 'range' ? range.start : 0;
  const end = range.kind === 'range' ? range.end : size - 1;
  const body = size === 0 ? null : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>);
  const headers: Record<string, string> = { ...base, 'Content-Length': String(size === 0 ? 0 : end - start + 1) };
  if (range.kind === 'range') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  return new Response(body, { status: range.kind === 'range' ? 206 : 200, headers });
}

/** lopsided-app://app/<file>: files of the built renderer only. */
export async function handleAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== 'app') return notFound();
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return notFound();
  }
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, rel === '/' ? 'index.html' : rel));
  if (!file.startsWith(root) || rel.includes('\0')) return notFound();
  return fileResponse(file, null);
}

/** lopsided-media://job/<jobId>: the job's clip, resolved by the job service (never a path from the page). */
export async function handleMediaRequest(request: Request, videoPathOf: (jobId: string) => string): Promise<Response> {
  const url = new URL(request.url);
  const jobId = url.pathname.replace(/^\//, '');
  if (url.host !== 'job' || !isValidId(jobId)) return notFound();
  let path: string;
  try {
    path = videoPathOf(jobId);
  } catch {
    return notFound();
  }
  return fileResponse(path, request.headers.get('range'));
}

export function mediaUrl(jobId: string): string {
  return `${MEDIA_SCHEME}://job/${jobId}`;
}
