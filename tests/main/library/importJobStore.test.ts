// Jobs of the job store become Unassigned sessions of the library (issue 14, "nothing lost"): over a store made by the
// real job service (one analysis of a fixture keypoint CSV, one failed), with the library file removed as if the store
// came from before the library.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSE_OPTIONS } from '../../../src/shared/contract';
import { sha256File } from '../../../src/main/library/fileHashes';
import { openJobService, type JobService } from '../../../src/main/library/jobService';
import type { JobRunner } from '../../../src/main/library/jobTypes';
import type { Library } from '../../../src/main/library/library';
import { openLibraryForDoor } from '../../../src/main/library/openLibraryForDoor';
import { listSessions } from '../../../src/main/library/sessionRecords';
import { analyseKeypointCsv } from '../../../src/main/pipeline/analyseKeypointCsv';
import { createFakeProbe } from './fakeRunner';

const LEFT_CSV = join(__dirname, '../../../fixtures/posetracks/RBDS008_T35_left.blazepose-full.csv');
const MP4_HEAD = Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00', 'latin1');

let dataDir: string;
const libs: Library[] = [];

/** First job: the real analysis of the left-side fixture; every later one fails. */
function csvRunner(): JobRunner {
  let calls = 0;
  return async (input) => {
    if (calls++ > 0) throw Object.assign(new Error('No runner in this clip.'), { code: 'NO_PERSON' });
    const out = await analyseKeypointCsv(LEFT_CSV, { view: 'auto' });
    await writeFile(join(input.outDir, 'report.json'), JSON.stringify(out.result));
    return { result: out.result, track: out.track };
  };
}

async function makeStore(): Promise<JobService> {
  const s = await openJobService({ dataDir, runner: csvRunner(), probe: createFakeProbe() });
  for (const name of ['left side.mp4', 'empty.mp4']) {
    const tmp = join(s.tmpDir, `up-${name}`);
    await writeFile(tmp, MP4_HEAD);
    await s.startJob((await s.addUploadedVideo(tmp, name)).videoId, DEFAULT_ANALYSE_OPTIONS);
  }
  await s.whenIdle();
  return s;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of await readdir(dir)) for (const f of await readdir(join(dir, id))) out[`${id}/${f}`] = await sha256File(join(dir, id, f));
  return out;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lopsided-import-'));
});
afterEach(async () => {
  for (const l of libs.splice(0)) l.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('importJobStore', () => {
  it('files every job of a store from before the library as an Unassigned session, touching no file', async () => {
    const s = await makeStore();
    const jobs = s.listJobs();
    await s.close();
    for (const f of ['library.sqlite', 'library.sqlite-wal', 'library.sqlite-shm']) await rm(join(dataDir, f), { force: true });
    const before = await snapshot(join(dataDir, 'jobs'));

    const lib = await openLibraryForDoor(dataDir);
    libs.push(lib);
    const sessions = listSessions(lib.db, null);
    expect(sessions).toHaveLength(2);
    const done = jobs.find((j) => j.status === 'done')!;
    const failed = jobs.find((j) => j.status === 'failed')!;
    const filedDone = sessions.find((x) => x.clips[0]?.analysisId === done.jobId)!;
    expect(filedDone).toMatchObject({ runnerId: null, name: 'left side.mp4', date: done.createdAtIso.slice(0, 10) });
    // the fixture is filmed from the runner's left: read from the clip, as a session would
    expect(filedDone.clips[0]?.role).toBe('leftSide');
    expect(sessions.find((x) => x.clips[0]?.analysisId === failed.jobId)?.clips[0]?.role).toBeNull();
    // the metrics are the report's own, and every file's hash is the file on disk
    const metricCount = lib.db.prepare('SELECT count(*) FROM session_metrics WHERE session_id = ?').pluck().get(filedDone.sessionId);
    expect(metricCount).toBeGreaterThan(3);
    const hashes = lib.db.prepare('SELECT c.analysis_id AS id, f.name, f.sha256 FROM clip_files f JOIN clips c ON c.id = f.clip_id').all() as { id: string; name: string; sha256: string }[];
    expect(hashes.map((h) => h.name).sort()).toEqual(['report.json', 'track.json']); // what this runner wrote (the failed job wrote none)
    for (const h of hashes) expect(h.sha256).toBe(before[`${h.id}/${h.name}`]);
    expect(await snapshot(join(dataDir, 'jobs'))).toEqual(before);
    lib.close();

    // a second start files nothing twice
    const again = await openLibraryForDoor(dataDir);
    libs.push(again);
    expect(listSessions(again.db, null)).toHaveLength(2);
  });

  it('files an analysis when it ends and forgets it when it is deleted from the list', async () => {
    const s = await makeStore();
    const [first, second] = s.listJobs();
    await s.deleteJob(second!.jobId);
    await s.close(); // waits for the filing under way
    const lib = await openLibraryForDoor(dataDir);
    libs.push(lib);
    expect(listSessions(lib.db, null).map((x) => x.clips[0]?.analysisId)).toEqual([first!.jobId]);
    expect(existsSync(join(dataDir, 'jobs', second!.jobId))).toBe(false);
  });
});
