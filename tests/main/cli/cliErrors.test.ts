// The built CLI on bad usage and bad input: one `lopsided: …` line, exit 2, no files.
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copyShortFixture, makeAudioOnly, makeEmpty, makeStill, makeTextFile, makeTruncated, tempDir,
} from '../video/makeTestMedia';
import { assertBuilt, BIN, runCli } from './runBuiltCli';

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('lopsided-cli-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectOneLineError(r: { code: number | null; stderr: string; stdout: string }, code: number, pattern: RegExp): void {
  expect(r.code).toBe(code);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('lopsided: '));
  expect(lines.length).toBe(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stdout).toBe('');
}

describe('usage errors (exit 2)', () => {
  it('missing --out', async () => {
    expectOneLineError(await runCli(['analyse', 'x.mp4']), 2, /required option '--out <dir>'/);
  });
  it('unknown command', async () => {
    expectOneLineError(await runCli(['anlyse', 'x.mp4']), 2, /unknown command 'anlyse'/);
  });
  it('bad model, workers, belt speed, view, pelvis marks', async () => {
    expectOneLineError(await runCli(['keypoints', 'x.mp4', '--out', 'a.csv', '--model', 'huge']), 2, /--model must be one of/);
    expectOneLineError(await runCli(['keypoints', 'x.mp4', '--out', 'a.csv', '--workers', '0']), 2, /--workers must be between/);
    expectOneLineError(await runCli(['analyse', 'x.mp4', '--out', 'o', '--belt-speed', '12']), 2, /--belt-speed: .*no unit/);
    expectOneLineError(await runCli(['analyse', 'x.mp4', '--out', 'o', '--view', 'front']), 2, /--view must be/);
    expectOneLineError(await runCli(['analyse', 'x.mp4', '--out', 'o', '--pelvis-marks', '1,2']), 2, /--pelvis-marks/);
  });
  it('--fps with a video', async () => {
    const clip = await copyShortFixture(dir, 'fps-clip.mp4');
    expectOneLineError(await runCli(['analyse', clip, '--out', join(dir, 'fps-out'), '--fps', '30']), 2, /--fps is for keypoint CSVs/);
  });
  it('no command prints help and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: lopsided');
  });
  it('--debug anywhere adds the code and a stack trace', async () => {
    const r = await runCli(['analyse', join(dir, 'nothing.mp4'), '--out', join(dir, 'dbg'), '--debug']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lopsided: File not found: .*nothing\.mp4 \[FILE_NOT_FOUND\]/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
  it('--help exits 0', async () => {
    const r = await runCli(['analyse', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--belt-speed');
  });
});

describe('bad input: specific message, exit 2, no output files', () => {
  const cases: Array<[string, (d: string) => Promise<string>, RegExp]> = [
    ['missing file', async (d) => join(d, 'missing.mp4'), /File not found: .*missing\.mp4/],
    ['directory', async (d) => { const p = join(d, 'folder.mp4'); await mkdir(p, { recursive: true }); return p; }, /is a directory/],
    ['zero-byte file', makeEmpty, /is empty \(0 bytes\)/],
    ['truncated mp4', makeTruncated, /cut short/],
    ['text file named .mp4', makeTextFile, /not a video file/],
    ['audio-only file', makeAudioOnly, /No video in .* \(it holds only audio\)/],
    ['still image', (d) => makeStill(d, 'png'), /is a still image/],
  ];
  for (const [name, make, pattern] of cases) {
    it(name, async () => {
      const sub = join(dir, name.replace(/\W+/g, '-'));
      await mkdir(sub, { recursive: true });
      const input = await make(sub);
      const out = join(sub, 'out');
      expectOneLineError(await runCli(['analyse', input, '--out', out, '--quiet']), 2, pattern);
      await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
      const kp = join(sub, 'track.csv');
      expectOneLineError(await runCli(['keypoints', input, '--out', kp, '--quiet']), 2, pattern);
      expect((await readdir(sub)).filter((f) => f.includes('track'))).toEqual([]);
    });
  }

  it('a bad keypoint CSV names the line', async () => {
    const csv = join(dir, 'bad.csv');
    await writeFile(csv, 'time_s,left_hip_x,left_hip_y\n0,1,2\n0.1,abc,3\n');
    expectOneLineError(await runCli(['analyse', csv, '--out', join(dir, 'bad-out'), '--quiet']), 2, /line 3/);
  });
});

describe('output folder not writable (exit 2, before any work)', () => {
  it('inside /proc', async () => {
    const csv = join(dir, 'track-for-proc.csv');
    await copyFile('fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv', csv);
    expectOneLineError(await runCli(['analyse', csv, '--out', '/proc/lopsided-test-out', '--quiet']), 2, /Cannot create output folder/);
  });
  it('below a file', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'x');
    const clip = await copyShortFixture(dir, 'nw-clip.mp4');
    expectOneLineError(await runCli(['keypoints', clip, '--out', join(file, 'sub', 'track.csv'), '--quiet']), 2, /output folder .* is a file/i);
  });
});

describe('bin/lopsided.mjs without a build', () => {
  it('says to run npm run build', async () => {
    const fake = join(dir, 'pkg');
    await mkdir(join(fake, 'bin'), { recursive: true });
    await copyFile(BIN, join(fake, 'bin', 'lopsided.mjs'));
    const r = await runCli(['--help'], { bin: join(fake, 'bin', 'lopsided.mjs') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lopsided: the CLI is not built yet .*npm run build/);
  });
});
