// Hostile inputs get one clear line and exit 2 (issue 15): no raw ELOOP/EADDRINUSE text, a CSV with nobody in it
// refused like a video with nobody in it, a frame rate outside 1–1000 refused, and no output folder left behind.
import { createServer, type Server } from 'node:net';
import { readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../video/makeTestMedia';
import { assertBuilt, runCli } from './runBuiltCli';

const CSV = 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv';
let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('lopsided-cli-hostile-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hostile inputs', () => {
  it('an all-NaN keypoint CSV exits 2 (no runner), writing nothing', async () => {
    const cols = ['left_hip', 'right_hip', 'left_ankle', 'right_ankle'].flatMap((k) => [`${k}_x`, `${k}_y`, `${k}_score`]);
    const rows = Array.from({ length: 300 }, (_, i) => [(i / 60).toFixed(6), ...cols.map(() => 'NaN')].join(','));
    await writeFile(join(dir, 'allnan.csv'), [['time_s', ...cols].join(','), ...rows].join('\n'));
    const r = await runCli(['analyse', join(dir, 'allnan.csv'), '--out', join(dir, 'nan-out'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No runner in allnan\.csv: none of its 300 rows/);
    await expect(readdir(join(dir, 'nan-out'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a symlink loop as input is named in words', async () => {
    await symlink(join(dir, 'loopB'), join(dir, 'loopA'));
    await symlink(join(dir, 'loopA'), join(dir, 'loopB'));
    const r = await runCli(['analyse', join(dir, 'loopA'), '--out', join(dir, 'loop-out'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/loop of symbolic links/);
    expect(r.stderr).not.toMatch(/ELOOP/);
  });

  it.each(['0.001', '0', '1001', 'abc'])('--fps %s is refused', async (fps) => {
    const r = await runCli(['analyse', CSV, '--fps', fps, '--out', join(dir, 'fps-out'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fps must be a frame rate between 1 and 1000/);
  });

  it('serve on a port in use says so and what to do', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(['serve', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`Port ${port} is already in use.*--port`));
      expect(r.stderr).not.toMatch(/EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});
