// `lopsided library export|import|backup|restore` (issue 14, "your data is yours").
import { resolve } from 'node:path';
import { resolveDataDir } from '../../library/dataDir';
import { backupLibrary, restoreLibrary } from '../../library/libraryBackup';
import { exportRunner, importRunner } from '../../library/runnerArchive';
import { findRunner } from '../../library/runnerRecords';
import type { CliContext } from '../cliContext';
import { refuseExistingFile } from '../../pipeline/outputGuards';
import { withLibrary } from '../openCliLibrary';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function runLibraryExport(runner: string, out: string, withClips: boolean, force: boolean, ctx: CliContext): Promise<void> {
  return withLibrary(async (lib) => {
    const r = findRunner(lib.db, runner);
    await refuseExistingFile(resolve(out), force);
    const s = await exportRunner(lib, r.runnerId, resolve(out), { withClips });
    ctx.out(`Exported ${r.name}: ${s.sessions} session${s.sessions === 1 ? '' : 's'}, ${s.files} result files${withClips ? ' and the clips' : ''} (${megabytes(s.bytes)}) to ${out}.`);
  });
}

export function runLibraryImport(file: string, ctx: CliContext): Promise<void> {
  return withLibrary(async (lib) => {
    const s = await importRunner(lib, resolve(file));
    ctx.out(`Imported ${s.runnerName} with ${s.sessions} session${s.sessions === 1 ? '' : 's'}.`);
  });
}

export function runLibraryBackup(out: string, withClips: boolean, force: boolean, ctx: CliContext): Promise<void> {
  return withLibrary(async (lib) => {
    await refuseExistingFile(resolve(out), force);
    const s = await backupLibrary(lib, resolve(out), { withClips });
    ctx.out(`Backed up the library and ${s.files} files (${megabytes(s.bytes)}) to ${out}.`);
  });
}

export async function runLibraryRestore(file: string, force: boolean, ctx: CliContext): Promise<void> {
  const s = await restoreLibrary(resolveDataDir(), resolve(file), { force });
  ctx.out(`Restored ${s.runners} runner${s.runners === 1 ? '' : 's'} and ${s.sessions} session${s.sessions === 1 ? '' : 's'}.`);
}
