// The library database on a real file (never a mock): schema steps from empty and from the previous version, the
// pragmas every connection needs, and runner/session rows with their constraints.
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../src/main/library/libraryMigrations';
import { asLibraryError, libraryPath, openLibraryDb, type LibraryDb } from '../../../src/main/library/openLibraryDb';
import { toErrorInfo } from '../../../src/main/library/jobErrors';
import { addRunner, deleteRunnerRows, findRunner, listRunners, mergeRunners } from '../../../src/main/library/runnerRecords';
import { insertSession, listSessions, sessionMetrics, type NewSession } from '../../../src/main/library/sessionRecords';

let dataDir: string;
const open: LibraryDb[] = [];
function openDb(schemaUpTo?: number): LibraryDb {
  const db = openLibraryDb(dataDir, schemaUpTo !== undefined ? { schemaUpTo } : {});
  open.push(db);
  return db;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lopsided-library-'));
});
afterEach(async () => {
  for (const db of open.splice(0)) if (db.open) db.close();
  await rm(dataDir, { recursive: true, force: true });
});

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function session(runnerId: string | null, date: string, n: number): NewSession {
  return {
    runnerId, meta: { date, name: `run ${n}`, speedMps: 3.3, painScore: 2 },
    clips: [
      { role: 'leftSide', analysisId: ID(n * 10 + 1), clipName: 'left.mp4', files: [{ name: 'report.json', sha256: 'a'.repeat(64), bytes: 10 }] },
      { role: 'rightSide', analysisId: ID(n * 10 + 2), clipName: 'right.mp4', files: [] },
    ],
    metrics: [{ metricId: 'contactTimeMs', unit: 'ms', left: 250 + n, right: 245, differenceCi95: [n, 10 + n] }],
    reportSha256: null,
  };
}

describe('schema', () => {
  it('creates every table from an empty file, with WAL, foreign keys and a busy timeout', () => {
    const db = openDb();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['clip_files', 'clips', 'runners', 'schema_migrations', 'session_metrics', 'sessions']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('brings a library of the previous schema up to date and keeps its rows', () => {
    const old = openDb(1);
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO runners (id, name, created_at) VALUES (?, '  Anna Berg ', '2026-01-01')").run(ID(1));
    old.prepare("INSERT INTO sessions (id, runner_id, date, created_at) VALUES (?, ?, '2026-01-02', '2026-01-02')").run(ID(2), ID(1));
    old.close();
    const db = openDb();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name_key FROM runners').pluck().get()).toBe('anna berg');
    expect(findRunner(db, 'ANNA BERG').sessionCount).toBe(1);
  });

  it('runs each step in a transaction: a failing step leaves the previous version and no part of itself', () => {
    const db = new Database(libraryPath(dataDir));
    open.push(db);
    const steps = [MIGRATIONS[0]!, { version: 2, name: 'broken', sql: 'CREATE TABLE half_made (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, 2, steps)).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_made'").pluck().get()).toBe(0);
  });

  it('says busy and damaged in words, and keeps other SQLite failures internal', () => {
    expect(asLibraryError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toMatchObject({ code: 'LIBRARY_BUSY' });
    expect(asLibraryError(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }))).toMatchObject({ code: 'LIBRARY_DAMAGED' });
    const internal = asLibraryError(Object.assign(new Error('UNIQUE constraint failed: clips.analysis_id'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    expect(toErrorInfo(internal)).toEqual({ code: 'INTERNAL', message: expect.not.stringContaining('constraint') });
  });

  it('refuses a library written by a newer Lopsided, in words', () => {
    const db = openDb();
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    db.close();
    expect(() => openDb()).toThrow(/written by a newer Lopsided \(schema 999/);
  });
});

describe('runners and sessions', () => {
  it('adds, finds without case, searches, and refuses a second runner of the same name', () => {
    const db = openDb();
    addRunner(db, { name: 'Anna Berg', birthYear: 1990, heightCm: 171, legLengthCm: 88 });
    addRunner(db, { name: 'Ben Cole' });
    expect(listRunners(db).map((r) => r.name)).toEqual(['Anna Berg', 'Ben Cole']);
    expect(listRunners(db, 'col').map((r) => r.name)).toEqual(['Ben Cole']);
    expect(listRunners(db, '%').map((r) => r.name)).toEqual([]); // a wildcard typed is a character searched
    expect(findRunner(db, 'anna berg').heightCm).toBe(171);
    expect(() => addRunner(db, { name: ' anna BERG' })).toThrow(/already a runner called anna BERG/);
    expect(() => findRunner(db, 'Ann')).toThrow(/No runner called Ann \(did you mean Anna Berg\?\)/);
    expect(() => addRunner(db, { name: 'X', birthYear: 1800 })).toThrow(/Birth year 1800/);
  });

  it('files a session with its clips and metrics, and lists them by date', () => {
    const db = openDb();
    const anna = addRunner(db, { name: 'Anna' });
    insertSession(db, session(anna.runnerId, '2026-11-02', 2));
    insertSession(db, session(anna.runnerId, '2026-10-01', 1));
    const list = listSessions(db, anna.runnerId);
    expect(list.map((s) => s.date)).toEqual(['2026-10-01', '2026-11-02']);
    expect(list[0]?.clips.map((c) => c.role).sort()).toEqual(['leftSide', 'rightSide']);
    expect(list[0]?.painScore).toBe(2);
    expect(sessionMetrics(db, anna.runnerId)[1]?.metrics.contactTimeMs).toEqual({ unit: 'ms', left: 252, right: 245, differenceCi95: [2, 12] });
    expect(findRunner(db, 'anna')).toMatchObject({ sessionCount: 2, lastSessionDate: '2026-11-02' });
  });

  it('keeps none of a session whose second clip breaks a rule (two clips of the same side)', () => {
    const db = openDb();
    const anna = addRunner(db, { name: 'Anna' });
    const bad = session(anna.runnerId, '2026-10-01', 1);
    bad.clips[1]!.role = 'leftSide';
    expect(() => insertSession(db, bad)).toThrow(/UNIQUE constraint failed: clips.session_id, clips.role/);
    expect(db.prepare('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM clips) + (SELECT count(*) FROM clip_files) + (SELECT count(*) FROM session_metrics)').pluck().get()).toBe(0);
    expect(() => insertSession(db, session(anna.runnerId, '2026-13-45', 3))).toThrow(/not a day written YYYY-MM-DD/);
    expect(() => insertSession(db, { ...session(null, '2026-10-01', 4), runnerId: ID(999) })).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('merges two runners into one and deletes a runner with all their rows', () => {
    const db = openDb();
    const a = addRunner(db, { name: 'Anna' });
    const b = addRunner(db, { name: 'Anna B.' });
    insertSession(db, session(a.runnerId, '2026-10-01', 1));
    insertSession(db, session(b.runnerId, '2026-10-08', 2));
    expect(mergeRunners(db, a.runnerId, b.runnerId).sessionCount).toBe(2);
    expect(listRunners(db).map((r) => r.name)).toEqual(['Anna']);
    const gone = deleteRunnerRows(db, a.runnerId);
    expect(gone.analysisIds.sort()).toEqual([ID(11), ID(12), ID(21), ID(22)]);
    expect(db.prepare('SELECT (SELECT count(*) FROM runners) + (SELECT count(*) FROM sessions) + (SELECT count(*) FROM clips) + (SELECT count(*) FROM clip_files) + (SELECT count(*) FROM session_metrics)').pluck().get()).toBe(0);
  });
});
