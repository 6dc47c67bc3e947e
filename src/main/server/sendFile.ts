// Streams a file with Range support (the <video> element seeks with byte ranges) and optional download name.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor, parseRange } from './httpRange';
import { HttpError } from './httpReply';

export interface SendFileOptions {
  downloadName?: string;
  contentType?: string;
}

export async function sendFile(req: IncomingMessage, res: ServerResponse, path: string, opts: SendFileOptions = {}): Promise<void> {
  const s = await stat(path).catch(() => null);
  if (s === null || !s.isFile()) throw new HttpError(404, 'NOT_FOUND', 'That file is gone.');
  const size = s.size;
  const headers: Record<string, string | number> = {
    'Content-Type': opts.contentType ?? contentTypeFor(opts.downloadName ?? path),
    'Accept-Ranges': 'bytes',
  };
  if (opts.downloadName !== undefined) {
    headers['Content-Disposition'] = `attachment; filename="${opts.downloadName.replace(/[^\w.\- ]/g, '_')}"`;
  }
  const range = parseRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` });
    res.end();
    return;
  }
  const start = range.kind === 'range' ? range.start : 0;
  const end = range.kind === 'range' ? range.end : size - 1;
  headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
  if (range.kind === 'range') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range.kind === 'range' ? 206 : 200, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  // The browser aborts range requests all the time while seeking: a closed socket is not an error.
  await pipeline(createReadStream(path, { start, end }), res).catch(() => undefined);
}
