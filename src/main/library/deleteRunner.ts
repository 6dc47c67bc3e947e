// Deleting a runner (issue 14: it asks first — the CLI needs --yes, the app a confirmation — and removes their files
// too). The rows go in one transaction; the folders after the commit, so there is never a row without its files.
// Where the job service runs (server, desktop app), each analysis is deleted through it, so the job list, its clip
// and its cached track go with the files; without it (the CLI) the folders are removed directly.
import { rm } from 'node:fs/promises';
import type { JobService } from './jobService';
import type { Library } from './library';
import { deleteRunnerRows } from './runnerRecords';

/** Removes one analysis through the job service; false when the service does not know it (then the folder goes). */
export type DeleteAnalysis = (analysisId: string) => Promise<boolean>;

export async function deleteRunner(lib: Library, runnerId: string, deleteAnalysis?: DeleteAnalysis): Promise<void> {
  const gone = deleteRunnerRows(lib.db, runnerId);
  for (const id of gone.analysisIds) {
    if (!(await deleteAnalysis?.(id))) await rm(lib.analysisDir(id), { recursive: true, force: true });
  }
  for (const id of gone.sessionIds) await rm(lib.sessionDir(id), { recursive: true, force: true });
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
