// Output folders: made if missing and proved writable BEFORE a long pose run, so an
// unwritable --out fails in a second, not after minutes of work.
import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fsReason } from './fsErrorText';
import { JobError } from './jobErrors';

export async function ensureWritableDir(dir: string): Promise<string> {
  return (await prepareOutputDir(dir)).abs;
}

export interface OutputDir {
  abs: string;
  /**
   * Removes the folders this call made when they are still empty (a cancelled or failed run whose message says
   * "no output was written" leaves no empty folder behind). A folder that existed before is never touched.
   */
  removeIfUnused(): Promise<void>;
}

export async function prepareOutputDir(dir: string): Promise<OutputDir> {
  const abs = resolve(dir);
  let firstMade: string | undefined;
  try {
    const st = await stat(abs);
    if (!st.isDirectory()) throw new JobError('OUTPUT_NOT_WRITABLE', `Output folder ${dir} is a file, not a folder.`);
  } catch (e) {
    if (e instanceof JobError) throw e;
    await checkAncestorWritable(abs, dir);
    try {
      firstMade = await mkdir(abs, { recursive: true });
    } catch (e2) {
      throw new JobError('OUTPUT_NOT_WRITABLE', `Cannot create output folder ${dir}: ${reason(e2)}.`);
    }
  }
  const made = firstMade;
  const removeIfUnused = async (): Promise<void> => {
    if (made === undefined) return;
    // innermost first; rmdir fails (and we stop) at the first folder that is not empty
    for (let cur = abs; cur.length >= made.length; cur = dirname(cur)) {
      try {
        await rmdir(cur);
      } catch {
        return;
      }
      if (cur === made) return;
    }
  };
  const probe = join(abs, `.lopsided-write-test-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '');
  } catch (e) {
    await removeIfUnused();
    throw new JobError('OUTPUT_NOT_WRITABLE', `Cannot write in output folder ${dir}: ${reason(e)}.`);
  } finally {
    await rm(probe, { force: true });
  }
  return { abs, removeIfUnused };
}

/**
 * The nearest existing ancestor must be a writable folder before mkdir -p: Node's
 * recursive mkdir can spin forever under /proc (seen here with --out /proc/x).
 */
async function checkAncestorWritable(abs: string, dir: string): Promise<void> {
  let cur = dirname(abs);
  for (;;) {
    const st = await stat(cur).catch(() => null);
    if (st) {
      if (!st.isDirectory()) throw new JobError('OUTPUT_NOT_WRITABLE', `Cannot create output folder ${dir}: ${cur} is a file.`);
      try {
        await access(cur, constants.W_OK);
      } catch {
        throw new JobError('OUTPUT_NOT_WRITABLE', `Cannot create output folder ${dir}: ${cur} is not writable.`);
      }
      if (cur.startsWith('/proc') || cur.startsWith('/sys')) throw new JobError('OUTPUT_NOT_WRITABLE', `Cannot create output folder ${dir} in a system folder.`);
      return;
    }
    const parent = dirname(cur);
    if (parent === cur) return;
    cur = parent;
  }
}

function reason(e: unknown): string {
  return fsReason(e);
}
