// The HTTP face of LopsidedApi (issue 4, server mode). Each route is a thin translation of a JobService
// method; validation by zod, errors as {code, message}. The client is src/renderer/api/httpApi.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { describeZodError, exportKindSchema, idSchema, jobNamesSchema, measurementsSchema, saveEventsSchema, startJobSchema } from '../library/apiSchemas';
import type { JobService } from '../library/jobService';
import { HttpError, sendJson } from './httpReply';
import { streamJobEvents } from './jobEventStream';
import { handleLibraryApi } from './libraryRoutes';
import { receiveUpload } from './receiveUpload';
import { sendFile } from './sendFile';

export interface ApiContext {
  service: JobService;
  version: { name: string; version: string };
  maxUploadBytes: number;
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ApiContext): Promise<void> {
  const parts = url.pathname.split('/').filter((p) => p !== '').slice(1); // drop 'api'
  const method = req.method ?? 'GET';
  const { service } = ctx;
  const [root, rawId, action, extra] = parts;

  if (root === 'version' && parts.length === 1 && method === 'GET') {
    return sendJson(res, 200, { ...ctx.version, door: 'server' });
  }
  if (root === 'videos' && parts.length === 1 && method === 'POST') {
    const name = url.searchParams.get('name') ?? 'video';
    const tmp = await receiveUpload(req, service.tmpDir, ctx.maxUploadBytes);
    return sendJson(res, 201, await service.addUploadedVideo(tmp, name));
  }
  if (root === 'videos' && parts.length === 2 && method === 'DELETE') {
    await service.deleteVideo(parse(idSchema, rawId));
    res.writeHead(204).end();
    return;
  }
  if (root === 'runners') return handleLibraryApi(req, res, url, parts, service, readJsonBody);
  if (root !== 'jobs') throw new HttpError(404, 'NOT_FOUND', 'No such API route.');
  if (parts.length === 1) {
    if (method === 'GET') return sendJson(res, 200, service.listJobs());
    if (method === 'POST') {
      const body = parse(startJobSchema, await readJsonBody(req));
      return sendJson(res, 201, await service.startJob(body.videoId, body.options, body.names));
    }
    throw methodNotAllowed();
  }
  const jobId = parse(idSchema, rawId);
  if (parts.length === 2) {
    if (method === 'GET') return sendJson(res, 200, service.getJob(jobId));
    if (method === 'PATCH') return sendJson(res, 200, await service.renameJob(jobId, parse(jobNamesSchema, await readJsonBody(req))));
    if (method === 'DELETE') {
      await service.deleteJob(jobId);
      res.writeHead(204).end();
      return;
    }
    throw methodNotAllowed();
  }
  if (parts.length === 3 && action === 'cancel' && method === 'POST') {
    await service.cancelJob(jobId);
    res.writeHead(204).end();
    return;
  }
  if (parts.length === 3 && action === 'events' && method === 'PUT') {
    const body = parse(saveEventsSchema, await readJsonBody(req, MAX_EVENTS_JSON_BYTES));
    return sendJson(res, 200, await service.saveEvents(jobId, body.events));
  }
  if (parts.length === 3 && action === 'measurements' && method === 'PUT') {
    await service.saveMeasurements(jobId, parse(measurementsSchema, await readJsonBody(req)));
    res.writeHead(204).end();
    return;
  }
  if (parts.length === 3 && method === 'GET') {
    if (action === 'measurements') return sendJson(res, 200, await service.getMeasurements(jobId));
    if (action === 'events') return streamJobEvents(req, res, service, jobId);
    if (action === 'result') return sendJson(res, 200, await service.getResult(jobId));
    if (action === 'track') return sendJson(res, 200, await service.getTrackJson(jobId));
  }
  if (parts.length === 3 && action === 'video' && (method === 'GET' || method === 'HEAD')) {
    return sendFile(req, res, service.videoPath(jobId));
  }
  if (parts.length === 4 && action === 'export' && (method === 'GET' || method === 'HEAD')) {
    const kind = parse(exportKindSchema, extra);
    const path = await service.exportPath(jobId, kind);
    const stem = service.getJob(jobId).videoName.replace(/\.[^.]+$/, '');
    return sendFile(req, res, path, { downloadName: `${stem}-${kind}` });
  }
  throw new HttpError(404, 'NOT_FOUND', 'No such API route.');
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, 'BAD_ARGUMENT', describeZodError(r.error));
  return r.data;
}

function methodNotAllowed(): HttpError {
  return new HttpError(405, 'METHOD_NOT_ALLOWED', 'That method is not allowed here.');
}

const MAX_JSON_BYTES = 64 * 1024;
/** A 2-hour clip's ~40,000 events at ~90 bytes each. */
const MAX_EVENTS_JSON_BYTES = 8 * 1024 * 1024;

async function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'TOO_LARGE', 'Request body too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'The request body is not valid JSON.');
  }
}
