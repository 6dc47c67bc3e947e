// The library commands of the built CLI (issue 14) on a real library in a temp data dir, with the fixture keypoint
// CSVs of one run filmed from both sides and from behind (no pose model runs).
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, squash } from '../report/pdfTools';
import { tempDir } from '../video/makeTestMedia';
import { assertBuilt, runCli as run } from './runBuiltCli';

const P = join(process.cwd(), 'fixtures/posetracks');
const LEFT = join(P, 'RBDS008_T35_left.blazepose-full.csv');
const RIGHT = join(P, 'RBDS008_T35_side.blazepose-full.csv');
const REAR = join(P, 'RBDS008_T35_rear.blazepose-full.csv');
const LEFT_HEAVY = join(P, 'RBDS008_T35_left.blazepose-heavy.csv');
const RIGHT_HEAVY = join(P, 'RBDS008_T35_side.blazepose-heavy.csv');

let dataDir: string;
const cli = (args: string[]) => run(args, { env: { LOPSIDED_DATA_DIR: dataDir } });

interface ProgressJson {
  runner: { name: string };
  sessions: { sessionId: string; date: string; name: string; metrics: Record<string, { left: number; right: number; difference: number; differenceCi95: [number, number] }> }[];
  firstToLast: { metricId: string; verdict: string }[];
}

beforeAll(async () => {
  assertBuilt();
  dataDir = await tempDir('lopsided-library-cli-');
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('lopsided runner / session / progress', () => {
  it('adds runners and refuses a second of the same name (exit 2)', async () => {
    expect((await cli(['runner', 'add', 'Anna Berg', '--birth-year', '1990', '--height', '171'])).code).toBe(0);
    expect((await cli(['runner', 'add', 'Ben Cole'])).code).toBe(0);
    const dup = await cli(['runner', 'add', 'anna berg']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('already a runner called anna berg');
    expect((await cli(['runner', 'add', 'X', '--height', 'tall'])).stderr).toContain('--height must be a height in centimetres');
    const list = await cli(['runner', 'list']);
    expect(list.stdout.split('\n').slice(1, 3).map((l) => l.split(/\s{2,}/)[0])).toEqual(['Anna Berg', 'Ben Cole']);
  });

  it('refuses a clip given as the wrong side, saying which side it shows, and files nothing', async () => {
    const r = await cli(['session', 'add', '--runner', 'Anna Berg', '--side-left', RIGHT, '--no-pdf', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--side-left RBDS008_T35_side\.blazepose-full\.csv: this clip shows the runner.s right side \(the runner faces image-right.*\), not the runner.s left side\. Give it as --side-right\./);
    expect((await cli(['runner', 'show', 'Anna Berg'])).stdout).toContain('No sessions yet');
    // found as soon as that clip is analysed, before the next clip (here a file that is not there) is started
    const early = await cli(['session', 'add', '--runner', 'Anna Berg', '--side-left', RIGHT, '--side-right', 'not-there.csv', '--no-pdf', '--quiet']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/--side-left RBDS008_T35_side\.blazepose-full\.csv: this clip shows the runner.s right side/);
  });

  it('files two sessions and prints their progress as JSON, under report.json metric ids', async () => {
    const a = await cli(['session', 'add', '--runner', 'anna berg', '--date', '2026-10-01', '--name', 'before', '--speed', '12.6km/h', '--pain', '3',
      '--side-left', LEFT, '--side-right', RIGHT, '--rear', REAR, '--no-pdf', '--quiet']);
    expect(a.stderr).toBe('');
    expect(a.stdout).toMatch(/^Filed 2026-10-01 "before" for Anna Berg: 3 clips\./);
    const b = await cli(['session', 'add', '--runner', 'Anna Berg', '--date', '2026-11-12', '--name', 'after', '--side-left', LEFT_HEAVY, '--side-right', RIGHT_HEAVY, '--quiet']);
    expect(b.code).toBe(0);
    const show = await cli(['runner', 'show', 'Anna Berg']);
    expect(show.stdout).toMatch(/2026-10-01 +before +12\.6 km\/h +left side, right side, from behind +3\/10/);
    expect(show.stdout).toContain('First to last session (2026-10-01 → 2026-11-12):');

    const p = JSON.parse((await cli(['progress', '--runner', 'Anna Berg', '--json'])).stdout) as ProgressJson;
    expect(p.runner.name).toBe('Anna Berg');
    expect(p.sessions.map((s) => s.name)).toEqual(['before', 'after']);
    // every number is the session report's own (sessions/<id>/report.json, the merged result)
    for (const s of p.sessions) {
      const report = JSON.parse(await readFile(join(dataDir, 'sessions', s.sessionId, 'report.json'), 'utf8')) as { metrics: Record<string, { left: number; right: number; differenceCi95: [number, number] }> };
      expect(Object.keys(s.metrics).sort()).toEqual(Object.keys(report.metrics).sort());
      for (const [id, m] of Object.entries(s.metrics)) {
        expect([m.left, m.right, m.differenceCi95]).toEqual([report.metrics[id]!.left, report.metrics[id]!.right, report.metrics[id]!.differenceCi95]);
        expect(m.difference).toBeCloseTo(m.left - m.right, 9);
      }
    }
    expect(p.sessions[0]!.metrics.hipDropDeg).toBeDefined(); // from the rear clip
    expect(p.sessions[1]!.metrics.hipDropDeg).toBeUndefined();
    expect(p.firstToLast.map((c) => c.metricId)).toContain('contactTimeMs');
    expect(existsSync(join(dataDir, 'sessions', p.sessions[1]!.sessionId, 'report.pdf'))).toBe(true);
    const text = await cli(['progress', '--runner', 'Anna Berg']);
    expect(text.stdout).toMatch(/Ground contact time \(ms\)\n +Date +Session +Left +Right +L − R +95% interval\n +2026-10-01 +before/);
  });

  it('writes the progress report: per metric its table of sessions and the first-to-last sentence', async () => {
    const out = join(dataDir, 'progress.pdf');
    const r = await cli(['report', '--progress', 'Anna Berg', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    const text = squash(await pdfText(out));
    const p = JSON.parse((await cli(['progress', '--runner', 'Anna Berg', '--json'])).stdout) as ProgressJson & { metrics: { metricId: string }[] };
    expect(text).toContain('Progress: Anna Berg');
    expect(text).toContain('Ground contact time (ms)');
    // the table's rows are the JSON's numbers, rounded as everywhere else (formatMetric)
    const before = p.sessions[0]!.metrics.contactTimeMs!;
    expect(text).toContain(`2026-10-01 before ${Math.round(before.left)} ${Math.round(before.right)}`);
    expect(p.metrics.length).toBeGreaterThan(5);
    expect(text.match(/Left − right difference per session/g)?.length).toBe(p.metrics.length);
    expect((await cli(['report', '--progress', 'Anna Berg'])).stderr).toContain('--progress needs --out');
  });

  it('export → import on a fresh data dir prints the identical progress; a backup restores it too', async () => {
    const archive = join(dataDir, 'anna.lopsided');
    const exp = await cli(['library', 'export', 'Anna Berg', '--out', archive, '--with-clips']);
    expect(exp.stdout).toMatch(/^Exported Anna Berg: 2 sessions, \d+ result files and the clips/);
    expect((await cli(['library', 'export', 'Anna Berg', '--out', archive])).code).toBe(2); // exists: --force to replace
    const fresh = await tempDir('lopsided-library-cli-fresh-');
    try {
      const there = (args: string[]) => run(args, { env: { LOPSIDED_DATA_DIR: fresh } });
      expect((await there(['library', 'import', archive])).stdout).toBe('Imported Anna Berg with 2 sessions.\n');
      const here = await cli(['progress', '--runner', 'Anna Berg', '--json']);
      expect((await there(['progress', '--runner', 'Anna Berg', '--json'])).stdout).toBe(here.stdout);
      expect((await there(['progress', '--runner', 'Anna Berg'])).stdout).toBe((await cli(['progress', '--runner', 'Anna Berg'])).stdout);
      const backup = join(dataDir, 'all.backup');
      expect((await cli(['library', 'backup', '--out', backup])).code).toBe(0);
      const restored = await tempDir('lopsided-library-cli-restored-');
      try {
        const back = (args: string[]) => run(args, { env: { LOPSIDED_DATA_DIR: restored } });
        expect((await back(['library', 'restore', backup])).stdout).toBe('Restored 2 runners and 2 sessions.\n');
        expect((await back(['progress', '--runner', 'Anna Berg', '--json'])).stdout).toBe(here.stdout);
      } finally {
        await rm(restored, { recursive: true, force: true });
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('names an unknown runner in words (exit 2)', async () => {
    const r = await cli(['progress', '--runner', 'Anna']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No runner called Anna (did you mean Anna Berg?)');
  });

  it('deletes one session only with --yes, named by its day, the runner\'s others staying', async () => {
    expect((await cli(['session', 'add', '--runner', 'Anna Berg', '--date', '2026-12-01', '--name', 'extra', '--side-left', LEFT, '--no-pdf', '--quiet'])).code).toBe(0);
    const p = JSON.parse((await cli(['progress', '--runner', 'Anna Berg', '--json'])).stdout) as ProgressJson;
    const extra = p.sessions.find((s) => s.name === 'extra')!;
    const wrongDay = await cli(['session', 'delete', '--runner', 'Anna Berg', '--date', '2026-12-02', '--yes']);
    expect(wrongDay.code).toBe(2);
    expect(wrongDay.stderr).toContain('Anna Berg has no session on 2026-12-02.');
    const ask = await cli(['session', 'delete', '--runner', 'Anna Berg', '--date', '2026-12-01']);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('This deletes Anna Berg\'s session of 2026-12-01 "extra" with its 1 clip and reports from the library, files included. Run it again with --yes');
    expect(existsSync(join(dataDir, 'sessions', extra.sessionId))).toBe(true);
    const del = await cli(['session', 'delete', '--runner', 'Anna Berg', '--date', '2026-12-01', '--yes']);
    expect(del.code).toBe(0);
    expect(existsSync(join(dataDir, 'sessions', extra.sessionId))).toBe(false);
    const after = JSON.parse((await cli(['progress', '--runner', 'Anna Berg', '--json'])).stdout) as ProgressJson;
    expect(after.sessions.map((s) => s.name)).toEqual(['before', 'after']);
  });

  it('deletes a runner only with --yes, files included', async () => {
    const p = JSON.parse((await cli(['progress', '--runner', 'Anna Berg', '--json'])).stdout) as ProgressJson;
    const ask = await cli(['runner', 'delete', 'Anna Berg']);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('This deletes Anna Berg and their 2 sessions with every report from the library, files included. Run it again with --yes');
    expect(existsSync(join(dataDir, 'sessions', p.sessions[0]!.sessionId))).toBe(true);
    const del = await cli(['runner', 'delete', 'Anna Berg', '--yes']);
    expect(del.code).toBe(0);
    for (const s of p.sessions) expect(existsSync(join(dataDir, 'sessions', s.sessionId))).toBe(false);
    expect((await cli(['runner', 'list'])).stdout).not.toContain('Anna');
  });
});
