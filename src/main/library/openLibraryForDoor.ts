// How a front door (server, Electron, CLI) opens the library: the database, then every job of the job store not yet
// in it filed as an Unassigned session (importJobStore), so the first start after an update loses nothing.
import { importJobStore } from './importJobStore';
import { openLibrary, type Library } from './library';

export async function openLibraryForDoor(dataDir: string): Promise<Library> {
  const lib = openLibrary(dataDir);
  try {
    await importJobStore(lib);
    return lib;
  } catch (e) {
    lib.close();
    throw e;
  }
}
