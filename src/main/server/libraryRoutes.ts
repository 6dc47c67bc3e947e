// The HTTP face of the runner library (issue 14): runners, a runner's page (sessions + progress), filing finished
// analyses as a session, deleting a session or a runner (the page asks first), and the progress report as a PDF.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeZodError, fileSessionSchema, idSchema, runnerInputSchema } from '../library/apiSchemas';
import { deleteRunner, deleteSession, deleteThroughService } from '../library/deleteFromLibrary';
import { fileJobsAsSession } from '../library/fileJobsAsSession';
import type { JobService } from '../library/jobService';
import { asLibraryError } from '../library/openLibraryDb';
import { runnerPage } from '../library/runnerPage';
import { addRunner, getRunner, listRunners } from '../library/runnerRecords';
import { analysesOfRunners } from '../library/sessionRecords';
import { renderProgressPdf } from '../report/progressReportPdf';
import { HttpError, sendJson } from './httpReply';
import type { z } from 'zod';

type ReadBody = (req: IncomingMessage) => Promise<unknown>;

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, 'BAD_ARGUMENT', describeZodError(r.error));
  return r.data;
}

export async function handleLibraryApi(req: IncomingMessage, res: ServerResponse, url: URL, parts: readonly string[], service: JobService, readBody: ReadBody): Promise<void> {
  try {
    await route(req, res, url, parts, service, readBody);
  } catch (e) {
    throw asLibraryError(e);
  }
}

async function route(req: IncomingMessage, res: ServerResponse, url: URL, parts: readonly string[], service: JobService, readBody: ReadBody): Promise<void> {
  const db = service.library.db;
  const method = req.method ?? 'GET';
  const [, rawId, action, rawSessionId] = parts;
  if (parts.length === 2 && rawId === 'filed-analyses' && method === 'GET') return sendJson(res, 200, analysesOfRunners(db));
  if (parts.length === 1) {
    if (method === 'GET') return sendJson(res, 200, listRunners(db, url.searchParams.get('search') ?? undefined));
    if (method === 'POST') return sendJson(res, 201, addRunner(db, parse(runnerInputSchema, await readBody(req))));
  }
  const runnerId = parse(idSchema, rawId);
  if (parts.length === 2 && method === 'GET') return sendJson(res, 200, runnerPage(db, runnerId));
  if (parts.length === 2 && method === 'DELETE') {
    await deleteRunner(service.library, runnerId, (id) => deleteThroughService(service, id));
    res.writeHead(204).end();
    return;
  }
  if (parts.length === 3 && action === 'sessions' && method === 'POST') {
    const body = parse(fileSessionSchema, await readBody(req));
    return sendJson(res, 201, await fileJobsAsSession(service, runnerId, body.meta, body.jobIds));
  }
  if (parts.length === 4 && action === 'sessions' && method === 'DELETE') {
    await deleteSession(service.library, runnerId, parse(idSchema, rawSessionId), (id) => deleteThroughService(service, id));
    res.writeHead(204).end();
    return;
  }
  if (parts.length === 3 && action === 'progress.pdf' && method === 'GET') {
    const name = getRunner(db, runnerId).name;
    const bytes = await renderProgressPdf(runnerPage(db, runnerId));
    const file = `${name.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'runner'}-progress.pdf`;
    res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': bytes.length, 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file)}` });
    res.end(bytes);
    return;
  }
  throw new HttpError(404, 'NOT_FOUND', 'No such API route.');
}
