// No command writes over one of its inputs (same file by dev+ino, so hard links and symlinks count), and a folder
// with an earlier run's results is replaced only with --force (issue 15). The built CLI, as a user runs it.
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../video/makeTestMedia';
import { assertBuilt, runCli } from './runBuiltCli';

const CSV = 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv';
let dir: string;
let results: string; // a folder holding one complete analyse run
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('lopsided-cli-guard-');
  results = join(dir, 'results');
  const r = await runCli(['analyse', CSV, '--out', results, '--no-pdf', '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function digest(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function listing(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

describe('an output that is one of the inputs is refused', () => {
  it('keypoints run.mp4 --out run.mp4', async () => {
    const clip = join(dir, 'run.mp4');
    await copyFile('fixtures/videos/treadmill_side_30fps.mp4', clip);
    const before = await digest(clip);
    const r = await runCli(['keypoints', clip, '--out', clip, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run\.mp4 is the input/);
    expect(await digest(clip)).toBe(before);
  });

  it('keypoints with --out a hard link to the video', async () => {
    const clip = join(dir, 'linked.mp4');
    await copyFile('fixtures/videos/treadmill_side_30fps.mp4', clip);
    await link(clip, join(dir, 'track.csv'));
    const r = await runCli(['keypoints', clip, '--out', join(dir, 'track.csv'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/track\.csv is the input .*linked\.mp4/);
  });

  it('report DIR/report.json --out DIR/report.json', async () => {
    const json = join(results, 'report.json');
    const before = await digest(json);
    const r = await runCli(['report', json, '--out', json, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/report\.json is the input/);
    expect(await digest(json)).toBe(before);
    expect(await listing(results)).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
  });

  it('report --out a symlink to the keypoints.csv it reads', async () => {
    await symlink(join(results, 'keypoints.csv'), join(dir, 'via-link.pdf'));
    const r = await runCli(['report', join(results, 'report.json'), '--out', join(dir, 'via-link.pdf'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/via-link\.pdf is the input .*keypoints\.csv/);
  });

  it('analyse DIR/keypoints.csv --out DIR, even with --force', async () => {
    const csv = join(results, 'keypoints.csv');
    const before = await digest(csv);
    for (const extra of [[], ['--force']]) {
      const r = await runCli(['analyse', csv, '--out', results, '--quiet', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/keypoints\.csv is the input/);
    }
    expect(await digest(csv)).toBe(before);
  });
});

describe('earlier results', () => {
  it('analyse into a folder with results says so; --force replaces them', async () => {
    const again = join(dir, 'again');
    expect((await runCli(['analyse', CSV, '--out', again, '--quiet'])).code).toBe(0);
    const mtime = (await stat(join(again, 'report.json'))).mtimeMs;
    const r = await runCli(['analyse', CSV, '--out', again, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds results of an earlier run .*report\.json.*--force/);
    expect((await stat(join(again, 'report.json'))).mtimeMs).toBe(mtime);
    const forced = await runCli(['analyse', CSV, '--out', again, '--quiet', '--force', '--no-pdf']);
    expect(forced.code, forced.stderr).toBe(0);
    // --no-pdf over an earlier run removes its PDF: it would no longer match report.json
    expect(await listing(again)).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'steps.csv']);
  });

  it('keypoints onto an existing file needs --force', async () => {
    const clip = join(dir, 'short.mp4');
    await copyFile('fixtures/videos/treadmill_side_30fps.mp4', clip);
    const out = join(dir, 'existing.csv');
    await copyFile(CSV, out);
    const r = await runCli(['keypoints', clip, '--out', out, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/existing\.csv already exists.*--force/);
  });

  it('a folder named report.pdf in --out: nothing replaced, the message names it, no temp left', async () => {
    const blocked = join(dir, 'blocked');
    expect((await runCli(['analyse', CSV, '--out', blocked, '--quiet', '--no-pdf'])).code).toBe(0);
    const before = await digest(join(blocked, 'report.json'));
    await mkdir(join(blocked, 'report.pdf'));
    const r = await runCli(['analyse', CSV, '--out', blocked, '--quiet', '--force', '--belt-speed', '12km/h']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report\.pdf: a folder named report\.pdf is in the way/);
    expect(r.stderr).not.toMatch(/EISDIR|\.tmp/);
    expect(await digest(join(blocked, 'report.json'))).toBe(before);
    expect(await listing(blocked)).toEqual(['events.csv', 'keypoints.csv', 'report.json', 'report.pdf', 'steps.csv']);
  });
});
