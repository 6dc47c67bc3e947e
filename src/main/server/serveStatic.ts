// Serves the built renderer (dist/renderer, built by Vite) — only files inside that folder, index.html
// for the app's routes. No token needed for the UI bundle itself; every /api call needs it.
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { HttpError } from './httpReply';
import { sendFile } from './sendFile';

export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, pathname: string): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'BAD_ARGUMENT', 'Bad path.');
  }
  if (rel.includes('\0')) throw new HttpError(400, 'BAD_ARGUMENT', 'Bad path.');
  const root = normalize(rootDir + sep);
  let file = normalize(join(root, rel));
  if (!file.startsWith(root)) throw new HttpError(404, 'NOT_FOUND', 'Not found.');
  const s = await stat(file).catch(() => null);
  if (s === null && rel === '/favicon.ico') {
    res.writeHead(204).end(); // browsers ask for it on their own; no icon is not an error
    return;
  }
  if (s === null || s.isDirectory()) {
    // Unknown paths without a file extension are app routes: hand them index.html.
    if (/\.[a-z0-9]+$/i.test(rel) && s === null) throw new HttpError(404, 'NOT_FOUND', 'Not found.');
    file = join(root, 'index.html');
    const index = await stat(file).catch(() => null);
    if (index === null) {
      throw new HttpError(503, 'UI_NOT_BUILT', 'The user interface is not built; run `npm run build` first.');
    }
  }
  await sendFile(req, res, file);
}
