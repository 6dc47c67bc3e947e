// Uploads stream straight to the data dir's tmp folder (never buffered in memory) with a size limit:
// past the limit the request is cut and the partial file removed (issue 4: "size-limited, 413").
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './httpReply';

export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export async function receiveUpload(req: IncomingMessage, tmpDir: string, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const path = join(tmpDir, `upload-${randomBytes(8).toString('hex')}`);
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      received += chunk.length;
      if (received > maxBytes) cb(tooLarge(maxBytes));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(req, limiter, createWriteStream(path, { flags: 'wx' }));
  } catch (e) {
    await rm(path, { force: true });
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'UPLOAD_FAILED', 'The upload was interrupted; try again.');
  }
  if (received === 0) {
    await rm(path, { force: true });
    throw new HttpError(415, 'EMPTY_FILE', 'The file is empty.');
  }
  return path;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'TOO_LARGE', `The video is larger than ${(maxBytes / 1024 ** 3).toFixed(1)} GB; trim it to 20–30 s of running.`);
}
