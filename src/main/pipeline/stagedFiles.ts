// A set of output files written all-or-nothing (issue 15): every file goes to a hidden temp name first; only when
// all are complete are they put in place. An earlier file of the same name is kept (hard link, else a copy) until
// the whole set has landed, so a failure half-way (a folder named report.pdf in --out, a full disk) puts the
// earlier files back and leaves no temp. Each single rename is atomic; the set is as atomic as a folder allows.
import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { abortError } from '../video/videoErrors';
import { fsReason } from './fsErrorText';
import { isAbort, JobError } from './jobErrors';

interface Landed {
  final: string;
  /** Where the earlier file was kept, or null when there was none. */
  backup: string | null;
}

export class StagedFiles {
  private readonly staged: Array<{ tmp: string; final: string }> = [];
  private readonly removals: string[] = [];

  constructor(private readonly signal?: AbortSignal) {}

  static tempNameFor(path: string): string {
    return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  }

  /** Stages a file; text may come as lines (a 2-hour track's CSV is too long for one string). */
  async add(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
    if (this.signal?.aborted) throw abortError();
    const tmp = StagedFiles.tempNameFor(path);
    this.staged.push({ tmp, final: path });
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(tmp, data);
      else await writeChunked(tmp, data, this.signal);
    } catch (e) {
      if (isAbort(e, this.signal)) throw e;
      throw new JobError('OUTPUT_WRITE_FAILED', `Could not write ${path}: ${fsReason(e, path)}.`);
    }
  }

  /** A file of an earlier run that the new set replaces by absence (e.g. report.pdf after --no-pdf). */
  removeOnCommit(path: string): void {
    this.removals.push(path);
  }

  /** Puts every staged file in place, or none: on failure the earlier files are restored. */
  async commit(): Promise<string[]> {
    if (this.signal?.aborted) throw abortError();
    const landed: Landed[] = [];
    let current = '';
    try {
      for (const s of this.staged) {
        current = s.final;
        const backup = await keepEarlier(s.final);
        landed.push({ final: s.final, backup });
        await rename(s.tmp, s.final);
      }
      for (const path of this.removals) {
        current = path;
        const backup = await keepEarlier(path);
        if (backup === null) continue;
        landed.push({ final: path, backup });
        await rm(path, { force: true });
      }
    } catch (e) {
      const restored = await restore(landed);
      const what = restored ? 'the earlier files are unchanged' : 'some earlier files could not be put back: look for .*.old files beside them';
      throw new JobError('OUTPUT_WRITE_FAILED', `Could not write ${current}: ${fsReason(e, current)}. Nothing was written; ${what}. Move it out of the way or choose another output.`);
    }
    await Promise.all(landed.map((l) => (l.backup === null ? undefined : rm(l.backup, { force: true }))));
    const done = this.staged.map((s) => s.final);
    this.staged.length = 0;
    this.removals.length = 0;
    return done;
  }

  /** Removes temps not yet committed (safe to call twice). */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map((s) => rm(s.tmp, { force: true })));
    this.staged.length = 0;
  }
}

/**
 * Keeps the file now at `path` under a hidden name (a hard link: instant and no extra space; a copy where links are
 * not allowed). Null when nothing is there. A folder or other non-file in the way fails like the rename would.
 */
async function keepEarlier(path: string): Promise<string | null> {
  const st = await lstat(path).catch(() => null);
  if (st === null) return null;
  if (st.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const backup = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.old`);
  try {
    await link(path, backup);
  } catch {
    await copyFile(path, backup);
  }
  return backup;
}

/** Undoes landed files in reverse order; true when every earlier file is back. */
async function restore(landed: Landed[]): Promise<boolean> {
  let ok = true;
  for (const l of [...landed].reverse()) {
    try {
      if (l.backup === null) await rm(l.final, { force: true });
      else await rename(l.backup, l.final);
    } catch {
      ok = false;
    }
  }
  return ok;
}

/** Writes text given as pieces in ~1 MB blocks. */
async function writeChunked(path: string, pieces: Iterable<string>, signal?: AbortSignal): Promise<void> {
  const fh = await open(path, 'w');
  try {
    let block: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      block.push(piece);
      size += piece.length;
      if (size < 1 << 20) continue;
      if (signal?.aborted) throw abortError();
      await fh.write(block.join(''));
      block = [];
      size = 0;
    }
    if (block.length > 0) await fh.write(block.join(''));
  } finally {
    await fh.close();
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
