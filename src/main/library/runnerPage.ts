// What a runner's page shows, the same for the app, the server and the CLI: the runner, their sessions with clips,
// and their progress (buildProgress over the session metric rows).
import { buildProgress, type ProgressReport } from '../../analysis/progress/buildProgress';
import type { RunnerPage } from '../../shared/library';
import type { LibraryDb } from './openLibraryDb';
import { getRunner } from './runnerRecords';
import { listSessions, sessionMetrics } from './sessionRecords';

export function runnerProgress(db: LibraryDb, runnerId: string): ProgressReport {
  return buildProgress(sessionMetrics(db, runnerId));
}

export function runnerPage(db: LibraryDb, runnerId: string): RunnerPage {
  // one read transaction: the runner, sessions and metrics come from the same moment even while another process writes
  return db.transaction(() => ({
    runner: getRunner(db, runnerId),
    sessions: listSessions(db, runnerId),
    progress: runnerProgress(db, runnerId),
  }))();
}
