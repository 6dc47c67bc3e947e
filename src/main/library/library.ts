// The runner library (issue 14): the SQLite index in <dataDir>/library.sqlite and where its files live.
// A clip's analysis keeps the job store's layout (<dataDir>/jobs/<analysisId>/: report.json, track.json, CSVs, PDF),
// so the app's review screen opens it like any analysis; a session's merged report is <dataDir>/sessions/<sessionId>/.
import { join } from 'node:path';
import { EXPORT_KINDS, isValidId } from './jobStore';
import { LibraryError } from './libraryErrors';
import { openLibraryDb, type LibraryDb, type OpenLibraryOptions } from './openLibraryDb';

/** The files of an analysis the library hashes (job.json is left out: it is rewritten as the job's status changes). */
export const ANALYSIS_FILES: readonly string[] = [...EXPORT_KINDS, 'track.json'];
/** A session's own files (writeSessionOutputs). */
export const SESSION_FILES: readonly string[] = ['report.json', 'steps.csv', 'report.pdf'];

export class Library {
  readonly jobsDir: string;
  readonly sessionsDir: string;

  constructor(readonly dataDir: string, readonly db: LibraryDb) {
    this.jobsDir = join(dataDir, 'jobs');
    this.sessionsDir = join(dataDir, 'sessions');
  }

  analysisDir(analysisId: string): string {
    if (!isValidId(analysisId)) throw new LibraryError('BAD_ARGUMENT', 'Not an analysis id.');
    return join(this.jobsDir, analysisId);
  }

  sessionDir(sessionId: string): string {
    if (!isValidId(sessionId)) throw new LibraryError('SESSION_NOT_FOUND', 'No such session.');
    return join(this.sessionsDir, sessionId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openLibrary(dataDir: string, opts: OpenLibraryOptions = {}): Library {
  return new Library(dataDir, openLibraryDb(dataDir, opts));
}
