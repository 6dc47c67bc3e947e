// The library the CLI works on: the same data dir as the app and the server (LOPSIDED_DATA_DIR, else the per-user
// folder), opened for the length of one command and closed after it, also when the command fails.
import { resolveDataDir } from '../library/dataDir';
import type { Library } from '../library/library';
import { openLibraryForDoor } from '../library/openLibraryForDoor';
import { asLibraryError } from '../library/openLibraryDb';

export async function withLibrary<T>(fn: (lib: Library) => Promise<T> | T): Promise<T> {
  const lib = await openLibraryForDoor(resolveDataDir());
  try {
    return await fn(lib);
  } catch (e) {
    throw asLibraryError(e); // another process writing for too long: LIBRARY_BUSY in words, not SQLITE_BUSY
  } finally {
    lib.close();
  }
}
