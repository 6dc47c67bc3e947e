// Result files inside a one-file archive (a runner's export, a whole-library backup): an SQLite file, like the library
// itself, so an archive is written in transactions, checked with integrity_check, and read without unpacking a format
// of our own. Each file is a row: its path relative to the data dir, its SHA-256 and its bytes. Reading checks every
// hash and every path (no "..", no absolute path: an archive from elsewhere must not write outside the data dir).
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { LibraryError } from './libraryErrors';
import { openDbFile, type LibraryDb } from './openLibraryDb';
import { writeFileAtomic } from './writeFileAtomic';

export const ARCHIVE_FORMAT = 'lopsided-archive';
export const ARCHIVE_VERSION = 1;

export function createArchiveTables(db: LibraryDb, kind: 'runner' | 'backup'): void {
  db.exec(`CREATE TABLE IF NOT EXISTS archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS archive_files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes BLOB NOT NULL);`);
  const put = db.prepare('INSERT OR REPLACE INTO archive_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    put.run('format', ARCHIVE_FORMAT);
    put.run('version', String(ARCHIVE_VERSION));
    put.run('kind', kind);
    put.run('createdAt', new Date().toISOString());
  })();
}

/** Every file under `dir` (relative to `root`), recursively; none when it does not exist. */
export async function listFilesUnder(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) out.push(...await listFilesUnder(root, rel));
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(rel);
  }
  return out;
}

/** Copies files (paths relative to `root`) into the archive, each file one statement, all in one transaction. */
export async function addArchiveFiles(db: LibraryDb, root: string, paths: readonly string[]): Promise<number> {
  const rows: [string, string, Buffer][] = [];
  let total = 0;
  for (const rel of paths) {
    const s = await stat(join(root, rel)).catch(() => null);
    if (s === null || !s.isFile()) continue;
    const bytes = await readFile(join(root, rel));
    total += bytes.length;
    rows.push([rel.split(sep).join('/'), createHash('sha256').update(bytes).digest('hex'), bytes]);
  }
  const put = db.prepare('INSERT OR REPLACE INTO archive_files (path, sha256, bytes) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const r of rows) put.run(...r);
  })();
  return total;
}

export function readArchiveMeta(db: LibraryDb, path: string): Record<string, string> {
  let rows: { key: string; value: string }[];
  try {
    rows = db.prepare('SELECT key, value FROM archive_meta').all() as { key: string; value: string }[];
  } catch {
    throw new LibraryError('BAD_ARCHIVE', `${path} is not a Lopsided archive.`);
  }
  const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  if (meta.format !== ARCHIVE_FORMAT) throw new LibraryError('BAD_ARCHIVE', `${path} is not a Lopsided archive.`);
  if (Number(meta.version) > ARCHIVE_VERSION) throw new LibraryError('BAD_ARCHIVE', `${path} was written by a newer Lopsided (archive version ${meta.version}); update Lopsided to read it.`);
  return meta;
}

/**
 * The segments of an archive path (written with '/') when each is a plain name: no '..', '.', empty segment,
 * backslash or drive letter. Checked on the raw path, before any normalising, which would turn
 * `jobs/x/../../library.sqlite` into `library.sqlite`.
 */
export function plainSegments(rel: string): string[] | null {
  const segs = rel.split('/');
  return segs.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes(':')) ? segs : null;
}

/** A relative path from an archive, refused when it would leave the data dir. */
export function safeArchivePath(rel: string): string {
  const segs = plainSegments(rel);
  if (segs === null) {
    throw new LibraryError('BAD_ARCHIVE', `The archive holds a file outside the library (${rel}); nothing was imported.`);
  }
  return join(...segs);
}

/** Checks every hash first (nothing written from a damaged archive), then writes each file atomically under `root`. */
export async function extractArchiveFiles(db: LibraryDb, root: string, where = '1 = 1', ...params: unknown[]): Promise<string[]> {
  const rows = db.prepare(`SELECT path, sha256, bytes FROM archive_files WHERE ${where}`).all(...params) as { path: string; sha256: string; bytes: Buffer }[];
  for (const r of rows) {
    safeArchivePath(r.path);
    if (createHash('sha256').update(r.bytes).digest('hex') !== r.sha256) {
      throw new LibraryError('BAD_ARCHIVE', `The archive is damaged: ${r.path} does not match its checksum; nothing was imported.`);
    }
  }
  const written: string[] = [];
  for (const r of rows) {
    const abs = join(root, safeArchivePath(r.path));
    await mkdir(dirname(abs), { recursive: true });
    await writeFileAtomic(abs, r.bytes);
    written.push(abs);
  }
  return written;
}

/**
 * A working copy of an archive in `dir`, opened and migrated like any library (so an archive of an older Lopsided
 * reads with today's schema); the original is never written. `remove` deletes the copy and its -wal/-shm.
 */
export async function openArchiveCopy(archivePath: string, dir: string, what: string): Promise<{ db: LibraryDb; path: string; remove: () => Promise<void> }> {
  const path = join(dir, `archive-${randomBytes(6).toString('hex')}.tmp`);
  const remove = async () => {
    for (const suffix of ['', '-wal', '-shm']) await rm(path + suffix, { force: true });
  };
  await mkdir(dir, { recursive: true });
  await copyFile(archivePath, path).catch(() => {
    throw new LibraryError('BAD_ARCHIVE', `Cannot read ${basename(archivePath)}.`);
  });
  try {
    return { db: openDbFile(path), path, remove };
  } catch {
    await remove();
    throw new LibraryError('BAD_ARCHIVE', `${basename(archivePath)} is not a Lopsided ${what}.`);
  }
}
