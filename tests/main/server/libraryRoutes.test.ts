// The library's HTTP routes (src/main/server/libraryRoutes.ts) on a real server and a real library file: validation
// in words, status codes, a runner's page, filing a session from finished analyses, and deleting a session or a runner
// with files (an analysis filed under a runner is refused by the job list).
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

  it('keeps a filed analysis out of the job list\'s reach and deletes one session with its files, the other staying', async () => {
    const bo = (await (await fetch(`${base}/runners`, json({ name: 'Bo Lind' }))).json()) as RunnerSummary;
    const sessions: SessionSummary[] = [];
    const jobIds: string[] = [];
    for (const [date, path] of [['2026-10-01', FIXTURE_CLIPS.full.left], ['2026-11-01', FIXTURE_CLIPS.full.right]] as const) {
      const v = await srv.service.addVideoByPath(path);
      const jobId = (await srv.service.startJob(v.videoId, DEFAULT_ANALYSE_OPTIONS)).jobId;
      jobIds.push(jobId);
      await srv.service.whenIdle();
      const filed = await fetch(`${base}/runners/${bo.runnerId}/sessions`, json({ meta: { date, name: date === '2026-10-01' ? 'first' : null }, jobIds: [jobId] }));
      if (filed.status !== 201) throw new Error(await filed.text());
      sessions.push((await filed.json()) as SessionSummary);
    }
    // deleting the analysis from the job list would take a session from Bo's history: refused, in words, nothing lost
    const refused = await fetch(`${base}/jobs/${jobIds[0]}`, { method: 'DELETE', headers: auth });
    expect(refused.status).toBe(409);
    expect((await refused.json()) as { code: string; message: string }).toEqual({
      code: 'JOB_FILED', message: expect.stringMatching(/Bo Lind's session of 2026-10-01 \("first"\).*runner's page/) as unknown as string,
    });
    expect(existsSync(join(dir, 'data', 'jobs', jobIds[0]!))).toBe(true);

    // a session of another runner is not found under this one
    const other = (await (await fetch(`${base}/runners`, json({ name: 'Cy Holm' }))).json()) as RunnerSummary;
    expect((await fetch(`${base}/runners/${other.runnerId}/sessions/${sessions[0]!.sessionId}`, { method: 'DELETE', headers: auth })).status).toBe(404);

    expect((await fetch(`${base}/runners/${bo.runnerId}/sessions/${sessions[0]!.sessionId}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect(existsSync(join(dir, 'data', 'jobs', jobIds[0]!))).toBe(false);
    expect(existsSync(join(dir, 'data', 'sessions', sessions[0]!.sessionId))).toBe(false);
    const page = (await (await fetch(`${base}/runners/${bo.runnerId}`, { headers: auth })).json()) as RunnerPage;
    expect(page.sessions.map((s) => s.date)).toEqual(['2026-11-01']);
    expect(existsSync(join(dir, 'data', 'jobs', jobIds[1]!))).toBe(true);
    const listed = (await (await fetch(`${base}/jobs`, { headers: auth })).json()) as { jobId: string }[];
    expect(listed.map((j) => j.jobId)).not.toContain(jobIds[0]);
    expect(listed.map((j) => j.jobId)).toContain(jobIds[1]);
  }, 60_000);
});
