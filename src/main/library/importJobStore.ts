// Analyses of the job store become library sessions (issue 14: "existing jobs migrate on first start into
// 'Unassigned' sessions, nothing lost"). Each finished, failed or cancelled job not yet in the library becomes a
// session of one clip with no runner, dated by the day it was made and named by its clip; its folder stays where it
// is (jobs/<id>/), referenced by id and hashed. Run at every start and when a job ends, so it is idempotent: a job
// already filed (clips.analysis_id is unique) is skipped, and a crash half-way simply continues next time.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assignRoles } from '../../analysis/mergeSession';
import type { AnalysisResult } from '../../analysis/types';
import type { ClipRole } from '../../shared/contract';
import { hashFiles } from './fileHashes';
import { metricsOf } from './fileSession';
import { isValidId, readJson } from './jobStore';
import type { JobRecord } from './jobTypes';
import { ANALYSIS_FILES, type Library } from './library';
import { filedAnalysisIds, insertSession, type FileHash, type MetricRecord, type NewSession } from './sessionRecords';

const TERMINAL = new Set(['done', 'failed', 'cancelled']);

/** Files every job of <dataDir>/jobs not yet in the library; returns how many were filed. */
export async function importJobStore(lib: Library): Promise<number> {
  const filed = filedAnalysisIds(lib.db);
  const ids = await readdir(lib.jobsDir).catch(() => [] as string[]);
  let count = 0;
  for (const id of ids.sort()) {
    if (!isValidId(id) || filed.has(id)) continue;
    if (await importJob(lib, id)) count++;
  }
  return count;
}

/** Files one job as an Unassigned session; false when it is not (yet) a finished job or is already filed. */
export async function importJob(lib: Library, jobId: string): Promise<boolean> {
  if (filedAnalysisIds(lib.db).has(jobId)) return false;
  const dir = lib.analysisDir(jobId);
  const job = await readJson<JobRecord>(join(dir, 'job.json'));
  if (job === null || job.jobId !== jobId || !TERMINAL.has(job.status)) return false;
  let role: ClipRole | null = null;
  let metrics: MetricRecord[] = [];
  const result = job.status === 'done' ? await readJson<AnalysisResult>(join(dir, 'report.json')) : null;
  if (result !== null) {
    metrics = metricsOf(result);
    try {
      role = assignRoles([{ name: job.videoName, result }])[0]?.role ?? null;
    } catch {
      role = null; // a side view whose direction could not be read: the user assigns it when filing it to a runner
    }
  }
  const files = await hashFiles(dir, ANALYSIS_FILES);
  try {
    insertSession(lib.db, sessionOf(job, role, files, metrics));
  } catch (e) {
    // filed meanwhile by another caller (the job's end and a "new session" can both file it): that one stands
    if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && filedAnalysisIds(lib.db).has(jobId)) return false;
    throw e;
  }
  return true;
}

function sessionOf(job: JobRecord, role: ClipRole | null, files: FileHash[], metrics: MetricRecord[]): NewSession {
  const date = /^\d{4}-\d{2}-\d{2}/.test(job.createdAtIso) ? job.createdAtIso.slice(0, 10) : new Date().toISOString().slice(0, 10);
  return {
    runnerId: null,
    meta: { date, name: job.videoName },
    clips: [{ role, analysisId: job.jobId, clipName: job.videoName, files }],
    metrics,
    reportSha256: files.find((f) => f.name === 'report.json')?.sha256 ?? null,
    createdAtIso: job.createdAtIso,
  };
}

/** An analysis deleted from the job list leaves the library too: its clip row, and its session when that was its last clip. */
export function forgetAnalysis(lib: Library, analysisId: string): void {
  lib.db.transaction(() => {
    const sessionId = lib.db.prepare('SELECT session_id FROM clips WHERE analysis_id = ?').pluck().get(analysisId) as string | undefined;
    if (sessionId === undefined) return;
    lib.db.prepare('DELETE FROM clips WHERE analysis_id = ?').run(analysisId);
    const left = lib.db.prepare('SELECT count(*) FROM clips WHERE session_id = ?').pluck().get(sessionId) as number;
    if (left === 0) lib.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
  }).immediate();
}
