// A one-file backup of the whole library (issue 14) and its restore. The database is copied with SQLite's online
// backup (db.backup: a consistent snapshot while the app or server keeps working), then every result file is added
// to that same file (archiveFiles.ts), so one file holds the index and the results. Restore checks every file's hash
// before writing anything, writes the files, and only then puts the database in place: a failed restore leaves the
// library as it was. Restore needs the library closed: it refuses while an app or server has it open (openDoors.ts).
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { addArchiveFiles, createArchiveTables, extractArchiveFiles, listFilesUnder, openArchiveCopy, readArchiveMeta } from './archiveFiles';
import type { Library } from './library';
import { LibraryError } from './libraryErrors';
import { libraryPath, openDbFile, openLibraryDb } from './openLibraryDb';
import { otherOpenDoors } from './openDoors';

export async function backupLibrary(lib: Library, outPath: string, opts: { withClips: boolean }): Promise<{ files: number; bytes: number }> {
  const tmp = `${outPath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await lib.db.backup(tmp);
    const arch = openDbFile(tmp);
    try {
      createArchiveTables(arch, 'backup');
      const paths = [...await listFilesUnder(lib.dataDir, 'jobs'), ...await listFilesUnder(lib.dataDir, 'sessions')];
      // uploaded clips live in videos/ (the server's copies); a clip referenced where it lies stays the user's own file
      if (opts.withClips) paths.push(...await listFilesUnder(lib.dataDir, 'videos'));
      const bytes = await addArchiveFiles(arch, lib.dataDir, paths);
      arch.pragma('journal_mode = DELETE');
      arch.close();
      await rename(tmp, outPath);
      return { files: paths.length, bytes };
    } finally {
      if (arch.open) arch.close();
    }
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm']) await rm(tmp + suffix, { force: true });
    throw e;
  }
}

export async function restoreLibrary(dataDir: string, backupPath: string, opts: { force: boolean }): Promise<{ runners: number; sessions: number }> {
  const open = await otherOpenDoors(dataDir);
  if (open.length > 0) {
    throw new LibraryError('LIBRARY_BUSY', `The Lopsided app or server has this library open (process ${open.join(', ')}); close it, then restore. Nothing was changed.`);
  }
  const current = openLibraryDb(dataDir);
  try {
    const used = current.prepare('SELECT (SELECT count(*) FROM runners) + (SELECT count(*) FROM sessions)').pluck().get() as number;
    if (used > 0 && !opts.force) {
      throw new LibraryError('BAD_ARGUMENT', 'This library is not empty; restoring replaces its index with the backup\'s. Run it again with --force to do so (result files already here are kept).');
    }
  } finally {
    current.close();
  }
  const copy = await openArchiveCopy(backupPath, dataDir, 'backup');
  const { db, path: tmp } = copy;
  try {
    let counts: { runners: number; sessions: number };
    try {
      const meta = readArchiveMeta(db, basename(backupPath));
      if (meta.kind !== 'backup') throw new LibraryError('BAD_ARCHIVE', `${basename(backupPath)} is one runner's export; add it with lopsided library import.`);
      if ((db.pragma('integrity_check', { simple: true }) as string) !== 'ok') throw new LibraryError('BAD_ARCHIVE', `${basename(backupPath)} is damaged (integrity check failed); nothing was restored.`);
      await extractArchiveFiles(db, dataDir);
      counts = db.prepare('SELECT (SELECT count(*) FROM runners) AS runners, (SELECT count(*) FROM sessions) AS sessions').get() as { runners: number; sessions: number };
      db.exec('DROP TABLE archive_files; DROP TABLE archive_meta;');
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    const target = libraryPath(dataDir);
    for (const suffix of ['-wal', '-shm']) await rm(target + suffix, { force: true });
    await rename(tmp, target);
    return counts;
  } finally {
    await copy.remove();
  }
}
