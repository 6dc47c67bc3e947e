// A runner exported as one archive and imported into a fresh library gives the same progress, number for number;
// a whole-library backup restores the same; a damaged archive imports nothing.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/main/library/library';
import { backupLibrary, restoreLibrary } from '../../../src/main/library/libraryBackup';
import { exportRunner, importRunner } from '../../../src/main/library/runnerArchive';
import { runnerPage } from '../../../src/main/library/runnerPage';
import { addRunner, findRunner, nameKey } from '../../../src/main/library/runnerRecords';
import { fileFixtureSession } from './fixtureSessions';

let root: string;
let source: Library;
const opened: Library[] = [];
const fresh = async (name: string) => {
  const lib = openLibrary(join(root, name));
  opened.push(lib);
  return lib;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lopsided-archive-'));
  source = await fresh('source');
  const anna = addRunner(source.db, { name: 'Anna Berg', heightCm: 171 });
  addRunner(source.db, { name: 'Ben Cole' });
  await fileFixtureSession(source, anna.runnerId, { date: '2026-10-01', name: 'before', painScore: 4 }, 'full', true);
  await fileFixtureSession(source, anna.runnerId, { date: '2026-11-12', name: 'after' }, 'heavy');
}, 60_000);
afterAll(async () => {
  for (const l of opened) l.close();
  await rm(root, { recursive: true, force: true });
});

const progressOf = (lib: Library) => runnerPage(lib.db, findRunner(lib.db, 'Anna Berg').runnerId);

describe('runner archive', () => {
  it('export → import on a fresh data dir gives identical progress and sessions', async () => {
    const file = join(root, 'anna.lopsided');
    const s = await exportRunner(source, findRunner(source.db, 'Anna Berg').runnerId, file, { withClips: true });
    expect(s.sessions).toBe(2);
    const target = await fresh('target');
    expect(await importRunner(target, file)).toEqual({ runnerName: 'Anna Berg', sessions: 2 });
    const [a, b] = [progressOf(source), progressOf(target)];
    expect(b.progress).toEqual(a.progress);
    expect(b.sessions.map((x) => [x.date, x.name, x.painScore, x.clips.map((c) => [c.role, c.analysisId])]))
      .toEqual(a.sessions.map((x) => [x.date, x.name, x.painScore, x.clips.map((c) => [c.role, c.analysisId])]));
    // only Anna travelled, with her files and clips
    expect(target.db.prepare('SELECT name FROM runners').pluck().all()).toEqual(['Anna Berg']);
    const clip = b.sessions[0]!.clips[0]!;
    expect((await readdir(target.analysisDir(clip.analysisId))).filter((f) => f.startsWith('clip-'))).toEqual([`clip-${clip.clipName}`]);
    expect(existsSync(join(target.sessionDir(b.sessions[1]!.sessionId), 'report.json'))).toBe(true);
    // a second import says so and adds nothing
    await expect(importRunner(target, file)).rejects.toThrow(/already a runner called Anna Berg/);
    expect(target.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);
    // renamed here since: still the same person, said in words
    target.db.prepare("UPDATE runners SET name = 'Anna B.', name_key = ? WHERE name = 'Anna Berg'").run(nameKey('Anna B.'));
    await expect(importRunner(target, file)).rejects.toThrow(/Anna Berg is already in this library as Anna B\./);
    expect(target.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);
  });

  it('imports nothing from an archive whose file does not match its checksum', async () => {
    const file = join(root, 'damaged.lopsided');
    await exportRunner(source, findRunner(source.db, 'Anna Berg').runnerId, file, { withClips: false });
    const db = new Database(file);
    db.prepare("UPDATE archive_files SET bytes = CAST('tampered' AS BLOB) WHERE path LIKE 'sessions/%report.json'").run();
    db.close();
    const target = await fresh('target-damaged');
    await expect(importRunner(target, file)).rejects.toThrow(/The archive is damaged: sessions\/.*report\.json does not match its checksum; nothing was imported/);
    expect(target.db.prepare('SELECT count(*) FROM runners').pluck().get()).toBe(0);
    expect(existsSync(target.jobsDir) ? await readdir(target.jobsDir) : []).toEqual([]);
  });
  it('refuses an archive that would write outside its own analyses and sessions, and leaves the library as it was', async () => {
    const file = join(root, 'hostile.lopsided');
    await exportRunner(source, findRunner(source.db, 'Anna Berg').runnerId, file, { withClips: false });
    const target = await fresh('target-hostile');
    const victim = join(target.dataDir, 'victim.txt');
    await writeFile(victim, 'precious');
    const bystander = join(target.jobsDir, 'someone-else', 'report.json');
    await mkdir(dirname(bystander), { recursive: true });
    await writeFile(bystander, 'another runner');
    const hostile = [
      'jobs/zz/../../victim.txt', // a normalising check would read this as victim.txt
      'jobs/someone-else/report.json', // another analysis of this library, no '..' at all
      'library.sqlite',
    ];
    for (const path of hostile) {
      const copy = join(root, `hostile-${hostile.indexOf(path)}.lopsided`);
      await copyFile(file, copy);
      const db = new Database(copy);
      db.prepare("INSERT INTO archive_files (path, sha256, bytes) VALUES (?, ?, CAST('evil' AS BLOB))").run(path, createHash('sha256').update('evil').digest('hex'));
      db.close();
      await expect(importRunner(target, copy)).rejects.toThrow(/not one of its runner's results|outside the library/);
    }
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(bystander, 'utf8')).toBe('another runner');
    expect(target.db.prepare('SELECT count(*) FROM runners').pluck().get()).toBe(0);
  });
});

describe('library backup', () => {
  it('restores the whole library from one file into an empty data dir, and refuses a full one without --force', async () => {
    const file = join(root, 'all.backup');
    await backupLibrary(source, file, { withClips: false });
    const dir = join(root, 'restored');
    expect(await restoreLibrary(dir, file, { force: false })).toEqual({ runners: 2, sessions: 2 });
    const restored = await fresh('restored');
    expect(progressOf(restored).progress).toEqual(progressOf(source).progress);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const reports = progressOf(restored).sessions.map((s) => existsSync(join(restored.sessionDir(s.sessionId), 'report.json')));
    expect(reports).toEqual([true, true]);
    restored.close();
    await expect(restoreLibrary(dir, file, { force: false })).rejects.toThrow(/This library is not empty/);
    await expect(restoreLibrary(join(root, 'other'), join(root, 'anna.lopsided'), { force: false })).rejects.toThrow(/one runner's export; add it with lopsided library import/);
  });

  it('refuses to restore while another process (an app or server) has the library open, and forgets a dead one\'s mark', async () => {
    const file = join(root, 'all-2.backup');
    await backupLibrary(source, file, { withClips: false });
    const dir = join(root, 'in-use');
    // a live process holding the library: a child that waits, marked as an open door in the data dir
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60000)'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    await mkdir(join(dir, 'doors'), { recursive: true });
    const mark = join(dir, 'doors', `${child.pid}.json`);
    await writeFile(mark, JSON.stringify({ pid: child.pid, kind: 'server' }));
    await expect(restoreLibrary(dir, file, { force: true })).rejects.toMatchObject({
      code: 'LIBRARY_BUSY', message: expect.stringContaining(`has this library open (process ${child.pid}); close it, then restore. Nothing was changed.`) as unknown,
    });
    expect(existsSync(join(dir, 'library.sqlite'))).toBe(false);
    child.kill();
    await exited;
    expect(await restoreLibrary(dir, file, { force: false })).toEqual({ runners: 2, sessions: 2 });
    expect(existsSync(mark)).toBe(false);
  });
});
