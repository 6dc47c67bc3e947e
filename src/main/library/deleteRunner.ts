// Deleting a runner (issue 14: it asks first — the CLI needs --yes, the app a confirmation — and removes their files
// too). The rows go in one transaction; the folders after the commit, so there is never a row without its files.
import { rm } from 'node:fs/promises';
import type { Library } from './library';
import { deleteRunnerRows } from './runnerRecords';

export async function deleteRunner(lib: Library, runnerId: string): Promise<void> {
  const gone = deleteRunnerRows(lib.db, runnerId);
  for (const id of gone.analysisIds) await rm(lib.analysisDir(id), { recursive: true, force: true });
  for (const id of gone.sessionIds) await rm(lib.sessionDir(id), { recursive: true, force: true });
}
