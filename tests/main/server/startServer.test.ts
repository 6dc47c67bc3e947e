import { request } from 'node:http';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/main/server/startServer';
import type { JobSummary, VideoRecord } from '../../../src/shared/api';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { createFakeProbe, createFakeRunner } from '../library/fakeRunner';

const TOKEN = 'test-token-0123456789abcdef';
const MP4 = Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1'), Buffer.alloc(1000, 7)]);
let dir: string;
let srv: RunningServer;
let base: string;
const auth = { Authorization: `Bearer ${TOKEN}` };

/** Raw request: lets a test send any Host header or path (fetch normalises both). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: srv.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function upload(bytes: Buffer, name = 'run.mp4'): Promise<Response> {
  return fetch(`${base}/api/videos?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { ...auth, 'Content-Type': 'video/mp4' }, body: new Uint8Array(bytes) });
}

/** Reads SSE `job` events until the job is finished. */
async function followJob(jobId: string): Promise<JobSummary[]> {
  const res = await fetch(`${base}/api/jobs/${jobId}/events?token=${TOKEN}`);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const seen: JobSummary[] = [];
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += new TextDecoder().decode(value);
    let at: number;
    while ((at = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, at);
      buf = buf.slice(at + 2);
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (block.startsWith('event: job') && data !== undefined) seen.push(JSON.parse(data) as JobSummary);
    }
    const last = seen.at(-1);
    if (last !== undefined && ['done', 'failed', 'cancelled'].includes(last.status)) {
      await reader.cancel();
      break;
    }
  }
  return seen;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lopsided-server-'));
  await mkdir(join(dir, 'ui'));
  await writeFile(join(dir, 'ui', 'index.html'), '<!doctype html><title>Lopsided</title>');
  srv = await startServer({
    dataDir: join(dir, 'data'), token: TOKEN, runner: createFakeRunner(), probe: createFakeProbe(),
    rendererDir: join(dir, 'ui'), maxUploadBytes: 64 * 1024, log: () => undefined,
  });
  base = `http://127.0.0.1:${srv.port}`;
});
afterAll(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

describe('locks', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/?token=${TOKEN}`);
  });
  it('refuses /api without the right token (401 JSON), accepts header or query token', async () => {
    const none = await fetch(`${base}/api/jobs`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await fetch(`${base}/api/jobs?token=wrong-token-0123456789abcdef`)).status).toBe(401);
    expect((await fetch(`${base}/api/jobs`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${base}/api/version?token=${TOKEN}`)).status).toBe(200);
  });
  it('refuses foreign Host headers (DNS rebinding) and foreign Origins', async () => {
    const r = await raw(`/api/version?token=${TOKEN}`, { Host: `evil.example:${srv.port}` });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ code: 'FORBIDDEN_HOST' });
    expect((await raw(`/api/version?token=${TOKEN}`, { Host: `localhost:${srv.port}` })).status).toBe(200);
    const cross = await raw(`/api/version?token=${TOKEN}`, { Host: `127.0.0.1:${srv.port}`, Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });
  it('serves the UI with a strict CSP, and nothing outside its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await raw('/%2e%2e/%2e%2e/package.json', { Host: `127.0.0.1:${srv.port}` })).status).toBe(404);
    expect((await fetch(`${base}/review/123`)).status).toBe(200); // app route → index.html
  });
  it('refuses binding anything but 127.0.0.1', async () => {
    await expect(startServer({ host: '0.0.0.0' as '127.0.0.1', runner: createFakeRunner(), probe: createFakeProbe() })).rejects.toThrow(/127\.0\.0\.1/);
  });
});

describe('uploads', () => {
  it('refuses a file that is not a video with a JSON error, no stack, nothing kept', async () => {
    const res = await upload(Buffer.from('just some text, not a video at all'), 'notes.mp4');
    expect(res.status).toBe(415);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    expect(body.code).toBe('NOT_A_VIDEO');
    expect(await readdir(join(dir, 'data', 'tmp'))).toEqual([]);
  });
  it('refuses an upload past the size limit with 413 and removes the partial file', async () => {
    const res = await upload(Buffer.alloc(200 * 1024, 1));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'TOO_LARGE' });
    expect(await readdir(join(dir, 'data', 'tmp'))).toEqual([]);
  });
  it('cuts a chunked upload (no Content-Length) once it passes the limit', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port: srv.port, path: '/api/videos?name=big.mp4', method: 'POST', headers: { ...auth, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(16 * 1024, 2));
      req.end();
    });
    expect(status).toBe(413);
    expect(await readdir(join(dir, 'data', 'tmp'))).toEqual([]);
  });
  it('refuses bad job arguments with BAD_ARGUMENT / BAD_JSON', async () => {
    const post = (body: string) => fetch(`${base}/api/jobs`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body });
    expect(await (await post('{nope')).json()).toMatchObject({ code: 'BAD_JSON' });
    const bad = await post(JSON.stringify({ videoId: '../../etc/passwd', options: DEFAULT_ANALYSE_OPTIONS }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_ARGUMENT' });
    const v = (await (await upload(MP4)).json()) as VideoRecord;
    const badOpts = await post(JSON.stringify({ videoId: v.videoId, options: { ...DEFAULT_ANALYSE_OPTIONS, model: 'huge' } }));
    expect(badOpts.status).toBe(400);
    expect(((await badOpts.json()) as { message: string }).message).toContain('model');
  });
});

describe('discarding a clip that never got a job (issue 15)', () => {
  it('DELETE /api/videos/:id removes the upload, needs the token, refuses bad ids and videos a job uses', async () => {
    const video = (await (await upload(MP4, 'spare.mp4')).json()) as VideoRecord;
    const folder = join(dir, 'data', 'videos', video.videoId);
    expect((await readdir(folder)).sort()).toEqual(['clip.mp4', 'video.json']);
    const noToken = await fetch(`${base}/api/videos/${video.videoId}`, { method: 'DELETE' });
    expect(noToken.status).toBe(401);
    expect((await fetch(`${base}/api/videos/${video.videoId}?token=wrong-token-0123456789abcdef`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${base}/api/videos/..%2f..%2fjobs`, { method: 'DELETE', headers: auth })).status).toBe(400);
    const del = await fetch(`${base}/api/videos/${video.videoId}`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    expect(await readdir(join(dir, 'data', 'videos'))).not.toContain(video.videoId);
    const again = await fetch(`${base}/api/videos/${video.videoId}`, { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'VIDEO_NOT_FOUND' });

    const used = (await (await upload(MP4, 'used.mp4')).json()) as VideoRecord;
    const job = (await (await fetch(`${base}/api/jobs`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ videoId: used.videoId, options: DEFAULT_ANALYSE_OPTIONS }) })).json()) as JobSummary;
    await srv.service.whenIdle();
    const refused = await fetch(`${base}/api/videos/${used.videoId}`, { method: 'DELETE', headers: auth });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'VIDEO_IN_USE' });
    await fetch(`${base}/api/jobs/${job.jobId}`, { method: 'DELETE', headers: auth });
  });
});

describe('a job through the API', () => {
  it('uploads, runs with SSE progress, serves result, track, video ranges and exports, then deletes', async () => {
    const up = await upload(MP4, 'Morning run.mp4');
    expect(up.status).toBe(201);
    const video = (await up.json()) as VideoRecord;
    expect(video.name).toBe('Morning run.mp4');
    expect(video.checks.length).toBeGreaterThan(0);

    const started = await fetch(`${base}/api/jobs`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ videoId: video.videoId, options: DEFAULT_ANALYSE_OPTIONS }) });
    expect(started.status).toBe(201);
    const job = (await started.json()) as JobSummary;
    const events = await followJob(job.jobId);
    expect(events.at(-1)?.status).toBe('done');
    expect(events.at(-1)?.exports).toContain('report.json');

    const result = await (await fetch(`${base}/api/jobs/${job.jobId}/result`, { headers: auth })).json();
    expect(result).toMatchObject({ schemaVersion: 1, view: 'side' });
    const track = await (await fetch(`${base}/api/jobs/${job.jobId}/track`, { headers: auth })).text();
    expect(track).toContain('"timesSec"');

    const part = await fetch(`${base}/api/jobs/${job.jobId}/video?token=${TOKEN}`, { headers: { Range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${MP4.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('ftypisom');
    expect((await fetch(`${base}/api/jobs/${job.jobId}/video?token=${TOKEN}`, { headers: { Range: `bytes=${MP4.length}-` } })).status).toBe(416);

    const exp = await fetch(`${base}/api/jobs/${job.jobId}/export/steps.csv?token=${TOKEN}`);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toBe('attachment; filename="Morning run-steps.csv"');
    const head = await fetch(`${base}/api/jobs/${job.jobId}/export/steps.csv?token=${TOKEN}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const pdf = await fetch(`${base}/api/jobs/${job.jobId}/export/report.pdf?token=${TOKEN}`);
    expect(pdf.status).toBe(404);
    expect(await pdf.json()).toMatchObject({ code: 'EXPORT_MISSING' });
    expect((await fetch(`${base}/api/jobs/${job.jobId}/export/secrets.txt?token=${TOKEN}`)).status).toBe(400);

    // events corrected by hand (issue 13): validated, checked against the clip, revert without edits is a no-op
    const put = (body: string) => fetch(`${base}/api/jobs/${job.jobId}/events`, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/json' }, body });
    const badEvents = await put(JSON.stringify({ events: [{ side: 'middle', type: 'footStrike', timeSec: 1, frame: 30 }] }));
    expect(badEvents.status).toBe(400);
    expect(await badEvents.json()).toMatchObject({ code: 'BAD_ARGUMENT' });
    const outside = await put(JSON.stringify({ events: [{ side: 'left', type: 'footStrike', timeSec: 999, frame: 30, correctedByHand: true }] }));
    expect(outside.status).toBe(422);
    expect(await outside.json()).toMatchObject({ code: 'EVENTS_INVALID', message: expect.stringContaining('left foot strike at 999 s lies outside the clip') });
    expect(await readdir(join(dir, 'data', 'jobs', job.jobId))).not.toContain('report.detected.json'); // refused: nothing changed
    const noEdits = await put(JSON.stringify({ events: null }));
    expect(noEdits.status).toBe(200);
    expect(await noEdits.json()).toMatchObject({ schemaVersion: 1 });
    // names (issue 13): PATCH sets them, one line of text only
    const json = { ...auth, 'Content-Type': 'application/json' };
    const named = await fetch(`${base}/api/jobs/${job.jobId}`, { method: 'PATCH', headers: json, body: JSON.stringify({ sessionName: 'Before orthotics', runnerName: 'Ana' }) });
    expect(named.status).toBe(200);
    expect(await named.json()).toMatchObject({ sessionName: 'Before orthotics', runnerName: 'Ana' });
    const badName = await fetch(`${base}/api/jobs/${job.jobId}`, { method: 'PATCH', headers: json, body: JSON.stringify({ sessionName: 'a\nb' }) });
    expect(badName.status).toBe(400);
    expect(await badName.json()).toMatchObject({ code: 'BAD_ARGUMENT' });
    expect((await fetch(`${base}/api/jobs/${job.jobId}`, { method: 'PATCH', headers: json, body: JSON.stringify({ title: 'x' }) })).status).toBe(400);
    // measurements (issue 13): PUT replaces them, GET reads them back, malformed ones are refused
    const drawn = [{ id: 'm1', kind: 'vertical', frame: 3, points: [{ x: 1, y: 2 }, { x: 3, y: 40 }] }, { id: 'm3', kind: 'angle', frame: 5, points: [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 9, y: 2 }], pinned: true }];
    expect((await fetch(`${base}/api/jobs/${job.jobId}/measurements`, { method: 'PUT', headers: json, body: JSON.stringify(drawn) })).status).toBe(204);
    expect(await (await fetch(`${base}/api/jobs/${job.jobId}/measurements`, { headers: auth })).json()).toEqual(drawn);
    const badDrawing = [{ id: 'm2', kind: 'angle', frame: 3, points: [{ x: 1, y: 2 }, { x: 3, y: 4 }] }];
    expect((await fetch(`${base}/api/jobs/${job.jobId}/measurements`, { method: 'PUT', headers: json, body: JSON.stringify(badDrawing) })).status).toBe(400);
    const badPin = [{ ...drawn[0], pinned: 'yes' }];
    expect((await fetch(`${base}/api/jobs/${job.jobId}/measurements`, { method: 'PUT', headers: json, body: JSON.stringify(badPin) })).status).toBe(400);

    const del = await fetch(`${base}/api/jobs/${job.jobId}`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    const gone = await fetch(`${base}/api/jobs/${job.jobId}`, { headers: auth });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'JOB_NOT_FOUND' });
  });
});

describe('a server stopped during a job (issue 15)', () => {
  it('keeps the job as failed INTERRUPTED with a plain message, not as a user\'s cancel', async () => {
    const dataDir = join(dir, 'data-stop');
    const first = await startServer({ dataDir, token: TOKEN, runner: createFakeRunner({ gate: new Promise(() => undefined) }), probe: createFakeProbe(), rendererDir: join(dir, 'ui'), log: () => undefined });
    const at = `http://127.0.0.1:${first.port}`;
    const video = (await (await fetch(`${at}/api/videos?name=run.mp4`, { method: 'POST', headers: auth, body: new Uint8Array(MP4) })).json()) as VideoRecord;
    const job = (await (await fetch(`${at}/api/jobs`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ videoId: video.videoId, options: DEFAULT_ANALYSE_OPTIONS }) })).json()) as JobSummary;
    while (first.service.getJob(job.jobId).status !== 'running') await new Promise((r) => setTimeout(r, 5));
    await first.close(); // what `lopsided serve` does on Ctrl-C / SIGTERM
    const second = await startServer({ dataDir, token: TOKEN, runner: createFakeRunner(), probe: createFakeProbe(), rendererDir: join(dir, 'ui'), log: () => undefined });
    try {
      const back = (await (await fetch(`http://127.0.0.1:${second.port}/api/jobs/${job.jobId}`, { headers: auth })).json()) as JobSummary;
      expect(back.status).toBe('failed');
      expect(back.error).toEqual({ code: 'INTERRUPTED', message: 'The analysis was interrupted because Lopsided stopped; start it again.' });
    } finally {
      await second.close();
    }
  });
});

describe('with the real probe (ffprobe)', () => {
  it('answers a text file renamed .mp4 with 415 and a plain sentence', async () => {
    const { productionProbe } = await import('../../../src/main/library/productionEngine');
    const real = await startServer({ dataDir: join(dir, 'data3'), token: TOKEN, runner: createFakeRunner(), probe: productionProbe, rendererDir: join(dir, 'ui'), log: () => undefined });
    try {
      const res = await fetch(`http://127.0.0.1:${real.port}/api/videos?name=notes.mp4`, { method: 'POST', headers: auth, body: 'these are my notes, not a video' });
      expect(res.status).toBe(415);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toMatch(/NOT_A_VIDEO|NO_VIDEO_STREAM/);
      expect(body.message).not.toMatch(/\n\s+at /); // no stack trace
      // the user's file name, never the server's temp path (issue 15)
      expect(body.message).toContain('notes.mp4');
      expect(body.message).not.toMatch(/upload-|data3|\/tmp\//);
      expect(await readdir(join(dir, 'data3', 'tmp'))).toEqual([]);
    } finally {
      await real.close();
    }
  });
});

describe('without a built UI', () => {
  it('says how to build it instead of a blank page', async () => {
    const other = await startServer({ dataDir: join(dir, 'data2'), runner: createFakeRunner(), probe: createFakeProbe(), rendererDir: join(dir, 'nothing'), log: () => undefined });
    try {
      expect(other.token.length).toBeGreaterThanOrEqual(32);
      const res = await fetch(`http://127.0.0.1:${other.port}/`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ code: 'UI_NOT_BUILT' });
    } finally {
      await other.close();
    }
  });
});
