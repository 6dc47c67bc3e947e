// Which running app or server has a data dir's library open. Restoring a backup replaces library.sqlite (and drops
// its -wal/-shm) under the same name: a server that still holds the old file open would go on writing into a file
// nobody reads any more, and its next filing would be lost without a word. So each front door that opens the
// library (openJobService: the server and the desktop app) leaves a mark, <dataDir>/doors/<pid>.json, removed when
// it closes; restore refuses while a mark names a live process. A mark left by a process that was killed names a
// dead pid and is ignored (and cleared).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function doorsDir(dataDir: string): string {
  return join(dataDir, 'doors');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM'; // exists, but belongs to another user
  }
}

/** Marks the library open by this process; the returned function removes the mark. */
export async function markDoorOpen(dataDir: string, kind: string): Promise<() => Promise<void>> {
  const dir = doorsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${process.pid}.json`);
  await writeFile(path, JSON.stringify({ pid: process.pid, kind, openedAtIso: new Date().toISOString() }));
  return () => rm(path, { force: true });
}

/** Pids of other live processes with the library open; marks of dead ones are removed. */
export async function otherOpenDoors(dataDir: string): Promise<number[]> {
  const names = await readdir(doorsDir(dataDir)).catch(() => [] as string[]);
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(/^(\d+)\.json$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
    if (isAlive(pid)) live.push(pid);
    else await rm(join(doorsDir(dataDir), name), { force: true });
  }
  return live;
}
