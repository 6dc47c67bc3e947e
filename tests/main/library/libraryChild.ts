// A second process on the same library, for the crash and concurrency tests (run with `node --import tsx`):
//   file <dataDir>   files sessions from the fixture clips in a loop, printing "filed N" after each (killed by the test)
//   bulk <dataDir>   the same with large synthetic sessions (3 clips × 3000 file rows), so most of the time goes into the
//                    transaction itself and a kill lands inside it
//   hold <dataDir>   opens the library, takes the write lock, prints "holding", and keeps it until killed
import { openLibrary } from '../../../src/main/library/library';
import { addRunner, findRunner } from '../../../src/main/library/runnerRecords';
import { fileSession } from '../../../src/main/library/fileSession';
import { newId } from '../../../src/main/library/jobStore';
import { insertSession } from '../../../src/main/library/sessionRecords';
import { analyseFixtureClips } from './fixtureSessions';

const [mode, dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: libraryChild file|hold <dataDir>');
const lib = openLibrary(dataDir);

if (mode === 'hold') {
  lib.db.prepare('BEGIN IMMEDIATE').run();
  lib.db.prepare("INSERT INTO runners (id, name, name_key, created_at) VALUES ('00000000-0000-4000-8000-000000000099', 'Held', 'held', 'now')").run();
  process.stdout.write('holding\n');
  setInterval(() => undefined, 1000);
} else if (mode === 'bulk') {
  const runnerId = addRunner(lib.db, { name: `Bulk ${process.pid}` }).runnerId;
  const files = Array.from({ length: 3000 }, (_, i) => ({ name: `f${i}`, sha256: 'b'.repeat(64), bytes: i }));
  for (let n = 1; ; n++) {
    insertSession(lib.db, {
      runnerId, meta: { date: '2026-10-01', name: `bulk ${n}` }, reportSha256: null,
      clips: (['leftSide', 'rightSide', 'rear'] as const).map((role) => ({ role, analysisId: newId(), clipName: `${role}.csv`, files })),
      metrics: [{ metricId: 'contactTimeMs', unit: 'ms', left: 250, right: 240, differenceCi95: [1, 19] }],
    });
    process.stdout.write(`filed ${n}\n`);
  }
} else {
  const runnerId = (() => {
    try {
      return findRunner(lib.db, 'Crash Test').runnerId;
    } catch {
      return addRunner(lib.db, { name: 'Crash Test' }).runnerId;
    }
  })();
  const clips = await analyseFixtureClips('full', true);
  for (let n = 1; ; n++) {
    await fileSession(lib, runnerId, { date: '2026-10-01', name: `run ${n}` }, clips, { pdf: false });
    process.stdout.write(`filed ${n}\n`);
  }
}
