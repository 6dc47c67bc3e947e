// Temp files of an atomic write (`.<name>.<12 hex>.tmp`) and kept earlier files of an all-or-nothing output set
// (`.<name>.<12 hex>.old`) that a crash or power cut left in job and video folders: removed at start-up so the
// data dir does not fill with them (issue 15). Only names of exactly that shape are touched.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const STALE = /^\..+\.[0-9a-f]{12}\.(tmp|old)$/;

/** Removes stale temps directly inside each folder of `parents` (one level down); returns how many. */
export async function removeStaleTemps(parents: readonly string[]): Promise<number> {
  let removed = 0;
  for (const parent of parents) {
    for (const entry of await readdir(parent, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory()) continue;
      const dir = join(parent, entry.name);
      for (const name of await readdir(dir).catch(() => [])) {
        if (!STALE.test(name)) continue;
        await rm(join(dir, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}
