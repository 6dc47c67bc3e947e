// A set of output files written all-or-nothing as far as a file system allows: every
// file goes to a hidden temp name first; only when all are complete are they renamed
// (each rename atomic). On error or cancel the temps are removed and nothing changes.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { abortError } from '../video/videoErrors';
import { JobError } from './jobErrors';

export class StagedFiles {
  private readonly staged: Array<{ tmp: string; final: string }> = [];

  constructor(private readonly signal?: AbortSignal) {}

  static tempNameFor(path: string): string {
    return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  }

  async add(path: string, data: string | Uint8Array): Promise<void> {
    if (this.signal?.aborted) throw abortError();
    const tmp = StagedFiles.tempNameFor(path);
    this.staged.push({ tmp, final: path });
    try {
      await writeFile(tmp, data);
    } catch (e) {
      throw new JobError('OUTPUT_WRITE_FAILED', `Could not write ${path}: ${(e as Error).message}`);
    }
  }

  /** Renames every staged file into place. */
  async commit(): Promise<string[]> {
    if (this.signal?.aborted) throw abortError();
    for (const s of this.staged) await rename(s.tmp, s.final);
    const done = this.staged.map((s) => s.final);
    this.staged.length = 0;
    return done;
  }

  /** Removes temps not yet committed (safe to call twice). */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map((s) => rm(s.tmp, { force: true })));
    this.staged.length = 0;
  }
}

/** Writes one file through a temp name + rename. */
export async function writeFileAtomically(path: string, data: string | Uint8Array, signal?: AbortSignal): Promise<void> {
  const s = new StagedFiles(signal);
  try {
    await s.add(path, data);
    await s.commit();
  } finally {
    await s.discard();
  }
}
