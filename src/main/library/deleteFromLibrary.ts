// Deleting a runner, or one session of a runner (issue 14: it asks first — the CLI needs --yes, the app a
// confirmation — and removes their files too). The rows go in one transaction; the folders after the commit, so
// there is never a row without its files. Where the job service runs (server, desktop app), each analysis is deleted
// through it, so the job list, its clip and its cached track go with the files; without it (the CLI) the folders are
// removed directly. This is the only way an analysis filed under a runner leaves: the job list refuses to delete it
// (jobService.deleteJob), so a runner's history never loses a session, or a merged report its clip, by the way.
import { rm } from 'node:fs/promises';
import type { JobService } from './jobService';
import type { Library } from './library';
import { deleteRunnerRows } from './runnerRecords';
import { deleteSessionRows } from './sessionRecords';

/** Removes one analysis through the job service; false when the service does not know it (then the folder goes). */
export type DeleteAnalysis = (analysisId: string) => Promise<boolean>;

async function removeFiles(lib: Library, analysisIds: readonly string[], sessionIds: readonly string[], deleteAnalysis?: DeleteAnalysis): Promise<void> {
  for (const id of analysisIds) {
    if (!(await deleteAnalysis?.(id))) await rm(lib.analysisDir(id), { recursive: true, force: true });
  }
  for (const id of sessionIds) await rm(lib.sessionDir(id), { recursive: true, force: true });
}

export async function deleteRunner(lib: Library, runnerId: string, deleteAnalysis?: DeleteAnalysis): Promise<void> {
  const gone = deleteRunnerRows(lib.db, runnerId);
  await removeFiles(lib, gone.analysisIds, gone.sessionIds, deleteAnalysis);
}

/** One session of the runner with its clips' analyses and its merged report; the runner's other sessions stay. */
export async function deleteSession(lib: Library, runnerId: string, sessionId: string, deleteAnalysis?: DeleteAnalysis): Promise<void> {
  const gone = deleteSessionRows(lib.db, runnerId, sessionId);
  await removeFiles(lib, gone.analysisIds, [sessionId], deleteAnalysis);
}

/** The job service's own delete (job list, clip, cache); false for an analysis it does not hold. */
export async function deleteThroughService(service: Pick<JobService, 'deleteJob'>, analysisId: string): Promise<boolean> {
  try {
    await service.deleteJob(analysisId);
    return true;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'JOB_NOT_FOUND') return false;
    throw e;
  }
}
