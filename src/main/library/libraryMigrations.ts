// The library's schema, one numbered step at a time (issue 14). A database remembers the highest step it has run in
// `schema_migrations`; opening runs the missing ones in order, each inside its own transaction, so a crash or a
// failing step leaves the database at the previous version, never half-way. Steps are never edited once shipped:
// a change is a new step (a user's library made by an older Lopsided must still open).
import type Database from 'better-sqlite3';
import { LibraryError } from './libraryErrors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runners, sessions, clips',
    // Why these tables: a runner has many sessions (a run on one day, one set-up); a session has up to three clips,
    // one per camera place (ClipRole). A clip is one analysis of the pipeline; its results stay files in
    // jobs/<analysis_id>/ (report.json, track.json, CSVs, PDF), referenced by id and checked by hash in clip_files,
    // so the database is the index and the history, not a second copy of the results.
    sql: `
      CREATE TABLE runners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
        height_cm REAL CHECK (height_cm IS NULL OR height_cm > 0),
        leg_length_cm REAL CHECK (leg_length_cm IS NULL OR leg_length_cm > 0),
        notes TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        -- NULL: an "Unassigned" session (an analysis from before the library, or not yet given to a runner)
        runner_id TEXT REFERENCES runners(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        name TEXT,
        speed_mps REAL CHECK (speed_mps IS NULL OR speed_mps > 0),
        incline_pct REAL,
        shoes TEXT,
        note TEXT,
        pain_score INTEGER CHECK (pain_score IS NULL OR pain_score BETWEEN 0 AND 10),
        created_at TEXT NOT NULL
      );
      CREATE TABLE clips (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        -- NULL while unknown (an analysis that failed, so its clip could not be read as a side or rear view)
        role TEXT CHECK (role IS NULL OR role IN ('leftSide', 'rightSide', 'rear')),
        analysis_id TEXT NOT NULL UNIQUE,
        clip_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (session_id, role)
      );
      CREATE TABLE clip_files (
        clip_id TEXT NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        PRIMARY KEY (clip_id, name)
      );
      CREATE INDEX sessions_by_runner ON sessions(runner_id, date);
      CREATE INDEX clips_by_session ON clips(session_id);
    `,
  },
  {
    version: 2,
    name: 'runner search key, session metrics',
    // Search by name without case (a physio types "anna" for "Anna"), and the session's merged left/right figures
    // kept as rows, so the progress of a runner is one indexed query instead of re-reading every report.json
    // (the 50 ms target over 20 sessions). They are derived from the session's report.json, whose hash is kept.
    sql: `
      ALTER TABLE runners ADD COLUMN name_key TEXT;
      UPDATE runners SET name_key = lower(trim(name));
      CREATE UNIQUE INDEX runners_by_name_key ON runners(name_key);
      ALTER TABLE sessions ADD COLUMN report_sha256 TEXT;
      CREATE TABLE session_metrics (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        metric_id TEXT NOT NULL,
        unit TEXT NOT NULL,
        left_value REAL,
        right_value REAL,
        ci_low REAL,
        ci_high REAL,
        PRIMARY KEY (session_id, metric_id)
      ) WITHOUT ROWID;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Runs every step above the database's version (up to `upTo`, for tests of an older schema); returns the new version. */
export function migrate(db: Database.Database, upTo: number = LATEST_SCHEMA_VERSION, steps: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = steps[steps.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new LibraryError('LIBRARY_TOO_NEW', `This library was written by a newer Lopsided (schema ${current}; this one knows up to ${latest}). Update Lopsided to open it.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of steps) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      // read again under the write lock: two doors opening a new library at once (the app and the CLI) must not
      // both run a step
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return schemaVersion(db);
}

