// Guards run before any work (issue 15): an output must never be one of the command's inputs (compared as files,
// dev + inode, so a hard link or a symlink to the input counts), and a folder or file holding an earlier run's
// results is replaced only when the user says so (--force).
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { JobError } from './jobErrors';

async function identity(path: string): Promise<string | null> {
  const st = await stat(path).catch(() => null);
  return st === null ? null : `${st.dev}:${st.ino}`;
}

/** Throws OUTPUT_IS_INPUT naming both files when an output path is (or links to) an input file. */
export async function refuseOutputOverInput(inputs: readonly string[], outputs: readonly string[]): Promise<void> {
  const inputIds = new Map<string, string>();
  for (const input of inputs) {
    const id = await identity(input);
    if (id !== null) inputIds.set(id, input);
  }
  for (const output of outputs) {
    const id = await identity(output);
    const input = id === null ? undefined : inputIds.get(id);
    if (input === undefined) continue;
    const same = basename(input) === basename(output) ? '' : ` (${input})`;
    throw new JobError('OUTPUT_IS_INPUT', `Refusing to write ${output}: ${basename(output)} is the input file${same}, and writing it would destroy it. Choose another --out.`);
  }
}

/** Throws OUTPUT_EXISTS when `dir` already holds any of `names`, unless forced. */
export async function refuseEarlierResults(dir: string, names: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  const found: string[] = [];
  for (const name of names) if ((await identity(join(dir, name))) !== null) found.push(name);
  if (found.length === 0) return;
  throw new JobError('OUTPUT_EXISTS', `${dir} already holds results of an earlier run (${found.join(', ')}). Add --force to replace them, or choose a new folder.`);
}

/** Throws OUTPUT_EXISTS when the output file is already there, unless forced. */
export async function refuseExistingFile(path: string, force: boolean): Promise<void> {
  if (force || (await identity(path)) === null) return;
  throw new JobError('OUTPUT_EXISTS', `${path} already exists. Add --force to replace it, or choose another --out.`);
}
