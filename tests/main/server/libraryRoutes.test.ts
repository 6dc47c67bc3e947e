// The library's HTTP routes (src/main/server/libraryRoutes.ts) on a real server and a real library file: validation
// in words, status codes, a runner's page, filing a session from finished analyses, and deleting a runner with files.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunnerPage, RunnerSummary, SessionSummary } from '../../../src/shared/library';
import { productionProbe, productionRunner } from '../../../src/main/library/productionEngine';
import { startServer, type RunningServer } from '../../../src/main/server/startServer';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { FIXTURE_CLIPS } from '../library/fixtureSessions';

const TOKEN = 'library-routes-token-0123456789abcdef';
let dir: string;
let srv: RunningServer;
let base: string;
const auth = { Authorization: `Bearer ${TOKEN}` };
const json = (body: unknown) => ({ method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lopsided-library-routes-'));
  srv = await startServer({ dataDir: join(dir, 'data'), token: TOKEN, runner: productionRunner, probe: productionProbe, rendererDir: dir, log: () => undefined });
  base = `http://127.0.0.1:${srv.port}/api`;
});
afterAll(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/api/runners', () => {
  it('adds, lists, refuses in words, files a session, and deletes a runner with their files', async () => {
    const add = await fetch(`${base}/runners`, json({ name: 'Anna Berg', heightCm: 171 }));
    expect(add.status).toBe(201);
    const anna = (await add.json()) as RunnerSummary;
    expect((await fetch(`${base}/runners`, json({ name: 'anna berg' }))).status).toBe(409);
    const bad = await fetch(`${base}/runners`, json({ name: 'X', heightCm: -3 }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/heightCm/);
    expect(((await (await fetch(`${base}/runners?search=BERG`, { headers: auth })).json()) as RunnerSummary[]).map((r) => r.name)).toEqual(['Anna Berg']);

    // two finished analyses of keypoint CSVs (the upload path takes them), filed as one session
    const jobIds: string[] = [];
    for (const path of [FIXTURE_CLIPS.full.left, FIXTURE_CLIPS.full.right]) {
      const v = await srv.service.addVideoByPath(path);
      jobIds.push((await srv.service.startJob(v.videoId, DEFAULT_ANALYSE_OPTIONS)).jobId);
    }
    await srv.service.whenIdle();
    const filed = await fetch(`${base}/runners/${anna.runnerId}/sessions`, json({ meta: { date: '2026-10-01', name: 'before', painScore: 2 }, jobIds }));
    if (filed.status !== 201) throw new Error(await filed.text());
    expect(filed.status).toBe(201);
    const session = (await filed.json()) as SessionSummary;
    expect(session.clips.map((c) => c.role)).toEqual(['leftSide', 'rightSide']);
    // the same analyses cannot be filed twice
    const again = await fetch(`${base}/runners/${anna.runnerId}/sessions`, json({ meta: { date: '2026-10-02' }, jobIds }));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { message: string }).message).toMatch(/already in a session of Anna Berg/);

    const page = (await (await fetch(`${base}/runners/${anna.runnerId}`, { headers: auth })).json()) as RunnerPage;
    expect(page.sessions).toHaveLength(1);
    expect(page.progress.sessions[0]?.metrics.contactTimeMs?.differenceCi95).not.toBeNull();
    const pdf = await fetch(`${base}/runners/${anna.runnerId}/progress.pdf?token=${TOKEN}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    expect((await fetch(`${base}/runners/${anna.runnerId}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect(existsSync(join(dir, 'data', 'sessions', session.sessionId))).toBe(false);
    for (const id of jobIds) expect(existsSync(join(dir, 'data', 'jobs', id))).toBe(false);
    // and out of the job list too: no analysis is left listed that would fail to open
    const listed = (await (await fetch(`${base}/jobs`, { headers: auth })).json()) as { jobId: string }[];
    for (const id of jobIds) expect(listed.map((j) => j.jobId)).not.toContain(id);
    expect((await fetch(`${base}/runners/${anna.runnerId}`, { headers: auth })).status).toBe(404);
  }, 60_000);
});
