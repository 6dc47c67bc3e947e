// An output set is all-or-nothing (issue 15): when one file cannot be put in place, the files already replaced get
// their earlier contents back, no temp is left, and the message names the user's file, not a temp name.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StagedFiles } from '../../../src/main/pipeline/stagedFiles';
import { tempDir } from '../video/makeTestMedia';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lopsided-staged-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NAMES = ['report.json', 'keypoints.csv', 'events.csv', 'steps.csv'];

async function earlierRun(sub: string): Promise<string> {
  const out = join(dir, sub);
  await mkdir(out, { recursive: true });
  for (const n of NAMES) await writeFile(join(out, n), `old ${n}`);
  return out;
}

describe('StagedFiles.commit', () => {
  it('replaces every file when all can be written', async () => {
    const out = await earlierRun('ok');
    const files = new StagedFiles();
    for (const n of NAMES) await files.add(join(out, n), `new ${n}`);
    expect(await files.commit()).toEqual(NAMES.map((n) => join(out, n)));
    for (const n of NAMES) expect(await readFile(join(out, n), 'utf8')).toBe(`new ${n}`);
    expect((await readdir(out)).sort()).toEqual([...NAMES].sort());
  });

  it('a folder named like the last file: earlier files restored, nothing left over, the message names report.pdf', async () => {
    const out = await earlierRun('blocked');
    await mkdir(join(out, 'report.pdf'));
    const files = new StagedFiles();
    for (const n of NAMES) await files.add(join(out, n), `new ${n}`);
    await files.add(join(out, 'report.pdf'), 'new pdf');
    const err = (await files.commit().then(() => new Error('committed'), (e: unknown) => e)) as Error & { code?: string };
    await files.discard();
    expect(err).toMatchObject({ code: 'OUTPUT_WRITE_FAILED' });
    expect(err.message).toContain(join(out, 'report.pdf'));
    expect(err.message).toMatch(/folder named report\.pdf/);
    expect(err.message).toMatch(/earlier files .* unchanged/);
    expect(err.message).not.toMatch(/\.tmp|EISDIR|rename/);
    for (const n of NAMES) expect(await readFile(join(out, n), 'utf8')).toBe(`old ${n}`);
    expect((await readdir(out)).sort()).toEqual([...NAMES, 'report.pdf'].sort());
  });

  it('a file new to the folder is removed again when a later one fails', async () => {
    const out = join(dir, 'fresh');
    await mkdir(join(out, 'b.csv'), { recursive: true });
    const files = new StagedFiles();
    await files.add(join(out, 'a.csv'), 'a');
    await files.add(join(out, 'b.csv'), 'b');
    await expect(files.commit()).rejects.toMatchObject({ code: 'OUTPUT_WRITE_FAILED' });
    await files.discard();
    expect(await readdir(out)).toEqual(['b.csv']);
  });

  it('removeOnCommit deletes a stale file only when the set lands', async () => {
    const out = await earlierRun('stale');
    await writeFile(join(out, 'report.pdf'), 'old pdf');
    const files = new StagedFiles();
    await files.add(join(out, 'report.json'), 'new');
    files.removeOnCommit(join(out, 'report.pdf'));
    await files.commit();
    expect((await readdir(out)).sort()).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
  });
});
