// The app's "new session" (issue 14): up to three finished analyses (each already in the library as an Unassigned
// session, importJobStore.ts) become one session of a runner. Their results are merged (mergeSession: each side from
// the clip where it was near), the session's report is written, then one transaction creates the session with its
// metrics, moves the clips into it with the role each was read to show, and removes the Unassigned sessions they
// leave empty. An analysis already filed for a runner is not taken from them.
import { rm } from 'node:fs/promises';
import { mergeSession, SessionError, type SessionClipInput } from '../../analysis/mergeSession';
import type { SessionMeta, SessionSummary } from '../../shared/library';
import { writeSessionOutputs } from '../pipeline/writeSessionOutputs';
import { hashFiles } from './fileHashes';
import { metricsOf } from './fileSession';
import type { JobService } from './jobService';
import { newId } from './jobStore';
import { ANALYSIS_FILES, SESSION_FILES } from './library';
import { LibraryError } from './libraryErrors';
import { getRunner } from './runnerRecords';
import { checkSessionMeta, getSession, insertClipRow, insertMetricRows, insertSessionRow } from './sessionRecords';

export async function fileJobsAsSession(service: JobService, runnerId: string, meta: SessionMeta, jobIds: readonly string[]): Promise<SessionSummary> {
  const lib = service.library;
  checkSessionMeta(meta);
  const runner = getRunner(lib.db, runnerId);
  if (jobIds.length === 0 || jobIds.length > 3 || new Set(jobIds).size !== jobIds.length) {
    throw new LibraryError('BAD_ARGUMENT', 'A session takes one to three different analyses (left side, right side, rear).');
  }
  const inputs: SessionClipInput[] = [];
  for (const id of jobIds) {
    const job = service.getJob(id);
    inputs.push({ name: job.videoName, result: await service.getResult(id) });
  }
  // an analysis that ended a moment ago may not be filed yet (importJob runs after its end): then it is filed here
  const hashes = await Promise.all(jobIds.map((id) => hashFiles(lib.analysisDir(id), ANALYSIS_FILES)));
  if (new Set(inputs.map((i) => i.name)).size !== inputs.length) throw new LibraryError('BAD_ARGUMENT', 'Two of these analyses are of clips with the same name; a session tells its clips apart by name.');
  let merged;
  try {
    merged = mergeSession(inputs);
  } catch (e) {
    if (e instanceof SessionError) throw new LibraryError('BAD_ARGUMENT', e.message);
    throw e;
  }
  const sessionId = newId();
  const dir = lib.sessionDir(sessionId);
  try {
    await writeSessionOutputs(dir, merged, { pdf: true, runnerName: runner.name });
    const report = (await hashFiles(dir, SESSION_FILES)).find((f) => f.name === 'report.json');
    const db = lib.db;
    db.transaction(() => {
      const now = new Date().toISOString();
      insertSessionRow(db, sessionId, runnerId, meta, report?.sha256 ?? null, now);
      const from = new Set<string>();
      for (const [i, id] of jobIds.entries()) {
        const owner = db.prepare('SELECT s.id, s.runner_id FROM clips c JOIN sessions s ON s.id = c.session_id WHERE c.analysis_id = ?').get(id) as { id: string; runner_id: string | null } | undefined;
        if (owner === undefined) {
          insertClipRow(db, sessionId, { role: null, analysisId: id, clipName: inputs[i]!.name, files: hashes[i] ?? [] }, now);
          continue;
        }
        if (owner.runner_id !== null) throw new LibraryError('BAD_ARGUMENT', `${inputs[i]!.name} is already in a session of ${getRunner(db, owner.runner_id).name}.`);
        from.add(owner.id);
      }
      // roles first cleared, then set: two clips swapping roles never meet the (session, role) constraint half-way
      for (const id of jobIds) db.prepare('UPDATE clips SET session_id = ?, role = NULL WHERE analysis_id = ?').run(sessionId, id);
      for (const c of merged.session.clips) {
        const id = jobIds[inputs.findIndex((x) => x.name === c.name)];
        db.prepare('UPDATE clips SET role = ? WHERE analysis_id = ?').run(c.role, id);
      }
      insertMetricRows(db, sessionId, metricsOf(merged));
      for (const old of from) {
        if ((db.prepare('SELECT count(*) FROM clips WHERE session_id = ?').pluck().get(old) as number) === 0) db.prepare('DELETE FROM sessions WHERE id = ?').run(old);
      }
    }).immediate();
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return getSession(lib.db, sessionId);
}
