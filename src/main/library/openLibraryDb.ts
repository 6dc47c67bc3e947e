// Opens <dataDir>/library.sqlite, the one index both front doors and the CLI share (issue 14).
// WAL: readers never wait for the writer, so the CLI can read a library the server has open; busy_timeout: a second
// writer waits for the first instead of failing at once, and when it still cannot get in it says so in words
// (LIBRARY_BUSY), never corrupts. foreign_keys is off by default in SQLite and must be turned on per connection.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryError } from './libraryErrors';
import { migrate } from './libraryMigrations';

export const LIBRARY_FILE = 'library.sqlite';
/** How long a writer waits for another process's write to finish before LIBRARY_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export type LibraryDb = Database.Database;

export function libraryPath(dataDir: string): string {
  return join(dataDir, LIBRARY_FILE);
}

export interface OpenLibraryOptions {
  /** Migrate only up to this schema version (tests of an older schema). */
  schemaUpTo?: number;
  busyTimeoutMs?: number;
}

export function openLibraryDb(dataDir: string, opts: OpenLibraryOptions = {}): LibraryDb {
  mkdirSync(dataDir, { recursive: true });
  return openDbFile(libraryPath(dataDir), opts);
}

export function openDbFile(path: string, opts: OpenLibraryOptions = {}): LibraryDb {
  const db = new Database(path, { timeout: opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS });
  try {
    return guarded(() => {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a crash of the process never loses a committed transaction (only a power cut may
      // lose the last ones), at a fraction of FULL's fsyncs.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db, opts.schemaUpTo);
      return db;
    });
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Runs fn, turning SQLite's busy and damaged-file errors into LibraryErrors a user can act on. */
export function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asLibraryError(e);
  }
}

export function asLibraryError(e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LibraryError('LIBRARY_BUSY', `The library is busy: another Lopsided (the app, a server or a command) is writing to it and did not finish within ${BUSY_TIMEOUT_MS / 1000} s. Try again when it is done.`);
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new LibraryError('LIBRARY_DAMAGED', 'The library file is damaged or not a Lopsided library; restore it from a backup (lopsided library restore).');
  }
  // any other SQLite failure (a broken constraint is a bug of ours, not the user's input): an internal error, whose
  // SQL wording stays in the log instead of reaching the page as if it were a message for the user
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return new Error(`library: ${(e as Error).message} [${code}]`, { cause: e });
  return e;
}
