// "Your data is yours" (issue 14): one runner as a single archive file — their rows, every result file of their
// sessions and, when asked, the clips themselves — and the same archive imported into another library. The archive is
// an SQLite file with the library's own schema (archiveFiles.ts), so rows are copied table to table through ATTACH,
// in one transaction, ids kept: the progress of the imported runner is the same, number for number.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  addArchiveFiles, createArchiveTables, extractArchiveFiles, listFilesUnder, openArchiveCopy, plainSegments, readArchiveMeta, safeArchivePath,
} from './archiveFiles';
import { isValidId } from './jobStore';
import type { JobRecord } from './jobTypes';
import type { Library } from './library';
import { LibraryError } from './libraryErrors';
import { openDbFile, type LibraryDb } from './openLibraryDb';
import { getRunner, nameKey } from './runnerRecords';
import { writeJsonAtomic } from './writeFileAtomic';

/** The tables of a runner, parents first, each with the rows that belong to runner `?`. */
const RUNNER_ROWS: readonly [string, string][] = [
  ['runners', 'id = ?'],
  ['sessions', 'runner_id = ?'],
  ['clips', 'session_id IN (SELECT id FROM sessions WHERE runner_id = ?)'],
  ['clip_files', 'clip_id IN (SELECT c.id FROM clips c JOIN sessions s ON s.id = c.session_id WHERE s.runner_id = ?)'],
  ['session_metrics', 'session_id IN (SELECT id FROM sessions WHERE runner_id = ?)'],
];

function tempBeside(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}.tmp`;
}

export interface ExportSummary { sessions: number; files: number; bytes: number }

export async function exportRunner(lib: Library, runnerId: string, outPath: string, opts: { withClips: boolean }): Promise<ExportSummary> {
  const runner = getRunner(lib.db, runnerId);
  const tmp = tempBeside(outPath);
  try {
    const arch = openDbFile(tmp);
    createArchiveTables(arch, 'runner');
    arch.prepare("INSERT INTO archive_meta (key, value) VALUES ('runnerId', ?), ('runnerName', ?)").run(runner.runnerId, runner.name);
    arch.pragma('journal_mode = DELETE'); // one file, no -wal beside it
    arch.close();
    lib.db.prepare('ATTACH DATABASE ? AS arch').run(tmp);
    try {
      lib.db.transaction(() => {
        for (const [table, where] of RUNNER_ROWS) lib.db.prepare(`INSERT INTO arch.${table} SELECT * FROM main.${table} WHERE ${where}`).run(runnerId);
      })();
    } finally {
      lib.db.exec('DETACH DATABASE arch');
    }
    const sessionIds = lib.db.prepare('SELECT id FROM sessions WHERE runner_id = ?').pluck().all(runnerId) as string[];
    const analysisIds = lib.db.prepare('SELECT c.analysis_id FROM clips c JOIN sessions s ON s.id = c.session_id WHERE s.runner_id = ?').pluck().all(runnerId) as string[];
    const paths: string[] = [];
    for (const id of sessionIds) paths.push(...await listFilesUnder(lib.dataDir, join('sessions', id)));
    for (const id of analysisIds) paths.push(...await listFilesUnder(lib.dataDir, join('jobs', id)));
    const out = openDbFile(tmp);
    let bytes: number;
    try {
      bytes = await addArchiveFiles(out, lib.dataDir, paths);
      if (opts.withClips) bytes += await addClips(lib, out, analysisIds);
      out.pragma('journal_mode = DELETE');
    } finally {
      out.close();
    }
    const files = paths.length;
    await rename(tmp, outPath);
    return { sessions: sessionIds.length, files, bytes };
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm']) await rm(tmp + suffix, { force: true });
    throw e;
  }
}

/** The clips (videos or keypoint CSVs) as clips/<analysisId>/<name>, read from where each analysis found them. */
async function addClips(lib: Library, arch: ReturnType<typeof openDbFile>, analysisIds: readonly string[]): Promise<number> {
  let bytes = 0;
  const put = arch.prepare('INSERT OR REPLACE INTO archive_files (path, sha256, bytes) VALUES (?, ?, ?)');
  for (const id of analysisIds) {
    const job = JSON.parse(await readFile(join(lib.analysisDir(id), 'job.json'), 'utf8').catch(() => 'null')) as JobRecord | null;
    if (job === null) continue;
    const data = await readFile(job.videoPath).catch(() => null);
    if (data === null) continue; // the clip was moved or deleted on this computer: the results still travel
    put.run(`clips/${id}/${basename(job.videoPath)}`, createHash('sha256').update(data).digest('hex'), data);
    bytes += data.length;
  }
  return bytes;
}

export interface ImportSummary { runnerName: string; sessions: number }

/**
 * Every file a runner archive would write belongs to one of its own analyses (jobs/<id>/…, clips/<id>/<name>) or
 * sessions (sessions/<id>/…) and does not exist yet: an archive can neither reach the library's other files nor
 * replace anybody's results (and a failed import, which removes what it wrote, never removes what was there).
 */
function checkArchiveFilesOwned(arch: LibraryDb, lib: Library): void {
  const analyses = new Set(arch.prepare('SELECT analysis_id FROM clips').pluck().all() as string[]);
  const sessionIds = new Set(arch.prepare('SELECT id FROM sessions').pluck().all() as string[]);
  for (const path of arch.prepare('SELECT path FROM archive_files').pluck().all() as string[]) {
    const segs = plainSegments(path);
    const [top, id] = segs ?? [];
    const owned = segs !== null && segs.length >= 3 && id !== undefined && isValidId(id)
      && ((top === 'jobs' || top === 'clips') ? analyses.has(id) : top === 'sessions' && sessionIds.has(id));
    if (!owned) throw new LibraryError('BAD_ARCHIVE', `The archive holds a file that is not one of its runner's results (${path}); nothing was imported.`);
    if (top !== 'clips' && existsSync(join(lib.dataDir, safeArchivePath(path)))) {
      throw new LibraryError('BAD_ARCHIVE', `The archive would replace ${path}, which this library already holds; nothing was imported.`);
    }
  }
}

export async function importRunner(lib: Library, archivePath: string): Promise<ImportSummary> {
  const copy = await openArchiveCopy(archivePath, lib.dataDir, 'archive');
  const { db: arch, path: tmp } = copy;
  const written: string[] = [];
  try {
    let runnerName: string;
    let sessions: number;
    try {
      const meta = readArchiveMeta(arch, basename(archivePath));
      if (meta.kind !== 'runner') throw new LibraryError('BAD_ARCHIVE', `${basename(archivePath)} is a whole-library backup; restore it with lopsided library restore.`);
      runnerName = meta.runnerName ?? '';
      if (lib.db.prepare('SELECT 1 FROM runners WHERE name_key = ?').get(nameKey(runnerName))) {
        throw new LibraryError('RUNNER_EXISTS', `There is already a runner called ${runnerName} in this library; nothing was imported.`);
      }
      // the same runner imported before and renamed here since: the same person, already in this library
      const sameIds = (arch.prepare('SELECT id FROM runners').pluck().all() as string[]).filter((id) => lib.db.prepare('SELECT 1 FROM runners WHERE id = ?').get(id));
      if (sameIds.length > 0) {
        throw new LibraryError('RUNNER_EXISTS', `${runnerName} is already in this library as ${getRunner(lib.db, sameIds[0] as string).name}; nothing was imported.`);
      }
      const clash = arch.prepare('SELECT analysis_id FROM clips').pluck().all() as string[];
      if (clash.some((id) => lib.db.prepare('SELECT 1 FROM clips WHERE analysis_id = ?').get(id))) {
        throw new LibraryError('BAD_ARCHIVE', `The sessions of ${runnerName} are already in this library.`);
      }
      sessions = arch.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
      checkArchiveFilesOwned(arch, lib);
      written.push(...await extractArchiveFiles(arch, lib.dataDir, "path LIKE 'jobs/%' OR path LIKE 'sessions/%'"));
      // clips go beside their analysis, and the analysis points to them there
      for (const c of arch.prepare("SELECT path FROM archive_files WHERE path LIKE 'clips/%'").pluck().all() as string[]) {
        const [, id, name] = c.split('/');
        if (id === undefined || name === undefined) continue;
        const clipDir = lib.analysisDir(id);
        written.push(...await extractArchiveFiles(arch, clipDir, 'path = ?', c));
        await rename(join(clipDir, 'clips', id, name), join(clipDir, `clip-${name}`));
        written.push(join(clipDir, `clip-${name}`)); // a failed import removes it too
        await rm(join(clipDir, 'clips'), { recursive: true, force: true });
        const jobPath = join(clipDir, 'job.json');
        const job = JSON.parse(await readFile(jobPath, 'utf8')) as JobRecord;
        await writeJsonAtomic(jobPath, { ...job, videoPath: join(clipDir, `clip-${name}`) });
      }
    } finally {
      arch.close();
    }
    lib.db.prepare('ATTACH DATABASE ? AS arch').run(tmp);
    try {
      lib.db.transaction(() => {
        for (const [table] of RUNNER_ROWS) lib.db.prepare(`INSERT INTO main.${table} SELECT * FROM arch.${table}`).run();
      }).immediate();
    } finally {
      lib.db.exec('DETACH DATABASE arch');
    }
    return { runnerName, sessions };
  } catch (e) {
    for (const f of written) await rm(f, { force: true });
    throw e;
  } finally {
    await copy.remove();
  }
}
