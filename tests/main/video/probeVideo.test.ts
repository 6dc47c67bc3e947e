// Each bad input gets its own code and a message naming the file (issue 2, "Bad input").
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrames } from '../../../src/main/video/decodeFrames';
import { probeVideo } from '../../../src/main/video/probeVideo';
import { firstWorking, resolveFfmpeg } from '../../../src/main/video/resolveFfmpeg';
import {
  copyShortFixture, ffmpegRun, FIXTURE, makeAudioOnly, makeEmpty, makeStill, makeTextFile, makeTruncated, makeTruncatedFaststart, tempDir,
} from './makeTestMedia';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return { message: 'no error' };
}

describe('probeVideo', () => {
  it('probes the fixture (packet count, exact rate)', async () => {
    const v = await probeVideo(FIXTURE);
    expect(v).toMatchObject({ frameCount: 360, avgFps: 30, width: 720, height: 1280, variableFrameRate: false });
  });

  it('missing file', async () => {
    const r = await codeOf(probeVideo(join(dir, 'nope.mp4')));
    expect(r.code).toBe('FILE_NOT_FOUND');
    expect(r.message).toContain('nope.mp4');
  });

  it('directory', async () => {
    const d = join(dir, 'a-dir.mp4');
    await mkdir(d);
    expect((await codeOf(probeVideo(d))).code).toBe('IS_DIRECTORY');
  });

  it('zero-byte file', async () => {
    expect((await codeOf(probeVideo(await makeEmpty(dir)))).code).toBe('EMPTY_FILE');
  });

  it('truncated mp4 (index at the end, lost)', async () => {
    const r = await codeOf(probeVideo(await makeTruncated(dir)));
    expect(r.code).toBe('TRUNCATED');
    expect(r.message).toMatch(/cut short/);
  });

  it('truncated mp4 with its index first: frames missing', async () => {
    const r = await codeOf(probeVideo(await makeTruncatedFaststart(dir)));
    expect(r.code).toBe('TRUNCATED');
    expect(r.message).toMatch(/only \d+ of its 360 frames/);
  });

  it('a text file named .mp4', async () => {
    const r = await codeOf(probeVideo(await makeTextFile(dir)));
    expect(r.code).toBe('NOT_A_VIDEO');
  });

  it('audio-only file', async () => {
    const r = await codeOf(probeVideo(await makeAudioOnly(dir)));
    expect(r.code).toBe('NO_VIDEO_STREAM');
    expect(r.message).toMatch(/only audio/);
  });

  it('still images (png, jpg)', async () => {
    expect((await codeOf(probeVideo(await makeStill(dir, 'png')))).code).toBe('STILL_IMAGE');
    expect((await codeOf(probeVideo(await makeStill(dir, 'jpg')))).code).toBe('STILL_IMAGE');
  });

  it('WebM (no stated frame count) is not mistaken for a truncated file', async () => {
    const webm = join(dir, 'run.webm');
    await ffmpegRun(['-i', 'fixtures/videos/overground_run_side_30fps.mp4', '-an', '-c:v', 'libvpx-vp9', '-b:v', '300k', '-deadline', 'realtime', '-cpu-used', '8', webm]);
    const v = await probeVideo(webm);
    expect(v.codec).toBe('vp9');
    let n = 0;
    for await (const _f of decodeFrames(v)) n++;
    expect(v.frameCount).toBe(n);
  });

  for (const name of ['run with spaces.mp4', 'läufer 走る.mp4', '-leading-dash.mp4', 'colon:name.mp4']) {
    it(`awkward name: ${name}`, async () => {
      const p = await copyShortFixture(dir, name);
      const v = await probeVideo(p);
      expect(v.frameCount).toBeGreaterThan(25); // stream copy of 1 s keeps a few extra B-frames
      let n = 0;
      for await (const _f of decodeFrames(v, { maxFrames: 3 })) n++;
      expect(n).toBe(3);
    });
  }

  it('a relative leading-dash path is resolved, not read as an option', async () => {
    const p = await copyShortFixture(dir, '-x.mp4');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await probeVideo('-x.mp4')).frameCount).toBeGreaterThan(25);
    } finally {
      process.chdir(cwd);
    }
    expect(p).toContain('-x.mp4');
  });
});

describe('resolveFfmpeg', () => {
  it('names every candidate it tried when none works', async () => {
    const r = await codeOf(firstWorking('ffmpeg', [
      { path: '/nonexistent/ffmpeg', source: 'configured' },
      { path: '/also/missing/ffmpeg', source: 'PATH' },
    ]));
    expect(r.code).toBe('FFMPEG_NOT_FOUND');
    expect(r.message).toContain('configured: /nonexistent/ffmpeg');
    expect(r.message).toContain('PATH: /also/missing/ffmpeg');
    expect(r.message).toContain('LOPSIDED_FFMPEG');
  });

  it('skips a broken configured path and falls back to a working binary', async () => {
    try {
      const tools = await resolveFfmpeg({ ffmpegPath: '/nonexistent/ffmpeg' }, true);
      expect(tools.ffmpeg.source).not.toBe('configured');
      expect(tools.ffmpeg.avutil?.major).toBeGreaterThanOrEqual(56);
    } finally {
      await resolveFfmpeg({}, true);
    }
  });
});
