// SHA-256 of result files, so the library knows when a report on disk is not the one it filed (a file edited,
// restored from an older copy, or half-copied by hand) and an imported archive can be checked.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileHash } from './sessionRecords';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hashes of those of `names` that exist in `dir` (a missing optional file, e.g. no PDF, is simply not listed). */
export async function hashFiles(dir: string, names: readonly string[]): Promise<FileHash[]> {
  const out: FileHash[] = [];
  for (const name of names) {
    const s = await stat(join(dir, name)).catch(() => null);
    if (s === null || !s.isFile()) continue;
    out.push({ name, sha256: await sha256File(join(dir, name)), bytes: s.size });
  }
  return out;
}
