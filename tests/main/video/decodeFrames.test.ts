// Real decoding with the resolved ffmpeg: timestamps, chunk indices, VFR, rotation, abort.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RgbFrame, VideoInfo } from '../../../src/shared/contract';
import { decodeFrames } from '../../../src/main/video/decodeFrames';
import { extractFrameAt } from '../../../src/main/video/extractFrameAt';
import { probeVideo } from '../../../src/main/video/probeVideo';
import { resolveFfmpeg } from '../../../src/main/video/resolveFfmpeg';
import { runningFfmpegCount, runningFfmpegPids } from '../../../src/main/video/runFfmpeg';
import { FIXTURE, makeRotatedClip, makeVfrClip, tempDir, vfrTimesMs } from './makeTestMedia';

const run = promisify(execFile);
const md5 = (d: Uint8Array) => createHash('md5').update(d).digest('hex');

interface Summary { index: number; timeSec: number; hash: string }
let dir: string;
let info: VideoInfo;
const full: Summary[] = [];

beforeAll(async () => {
  dir = await tempDir();
  info = await probeVideo(FIXTURE);
  for await (const f of decodeFrames(info)) full.push({ index: f.index, timeSec: f.timeSec, hash: md5(f.data) });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('decodeFrames on the treadmill fixture', () => {
  it('yields every frame, in order, at 360x640', async () => {
    expect(full.length).toBe(360);
    expect(full.map((f) => f.index)).toEqual(Array.from({ length: 360 }, (_, i) => i));
    for (let i = 1; i < full.length; i++) expect(full[i]!.timeSec).toBeGreaterThan(full[i - 1]!.timeSec);
  });

  it('frame times match the decoded frames ffprobe reports', async () => {
    const { ffprobe } = await resolveFfmpeg();
    const { stdout } = await run(ffprobe.path, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', FIXTURE]);
    const probeTimes = stdout.split('\n').filter((l) => /^[\d.]+/.test(l)).map((l) => Number(l.replace(/,$/, ''))); // side-data lines are blank
    expect(probeTimes.length).toBe(full.length);
    const worst = Math.max(...full.map((f, i) => Math.abs(f.timeSec - probeTimes[i]!)));
    expect(worst).toBeLessThan(1e-5);
  });

  it('a chunk from 5 s to 6 s has the same indices, times and pixels as the full decode', async () => {
    const chunk: Summary[] = [];
    for await (const f of decodeFrames(info, { startSec: 5, endSec: 6 })) chunk.push({ index: f.index, timeSec: f.timeSec, hash: md5(f.data) });
    expect(chunk.map((c) => c.index)).toEqual(Array.from({ length: 30 }, (_, i) => 150 + i));
    expect(chunk).toEqual(full.slice(150, 180));
  });

  it('reports progress with totals', async () => {
    const seen: number[] = [];
    let total: number | null = null;
    for await (const _f of decodeFrames(info, { startSec: 0, endSec: 1, onProgress: (p) => { seen.push(p.done); total = p.total; } })) { /* drain */ }
    expect(total).toBe(30);
    expect(seen.at(-1)).toBe(30);
  });

  it('extractFrameAt returns the frame shown at that time', async () => {
    const f: RgbFrame = await extractFrameAt(info, 5.01);
    expect(f.index).toBe(150);
    expect(md5(f.data)).toBe(full[150]!.hash);
    expect(f.scaleToDisplay).toBe(2);
  });

  it('abort kills ffmpeg: AbortError, no process left', async () => {
    const ac = new AbortController();
    let n = 0;
    let pids: number[] = [];
    await expect((async () => {
      for await (const _f of decodeFrames(info, { signal: ac.signal })) {
        n++;
        if (n === 5) {
          pids = runningFfmpegPids();
          ac.abort();
        }
      }
    })()).rejects.toMatchObject({ name: 'AbortError', code: 'ABORTED' });
    expect(pids.length).toBe(1);
    expect(runningFfmpegCount()).toBe(0);
    expect(isAlive(pids[0]!)).toBe(false);
  });

  it('breaking out of the loop ends ffmpeg too', async () => {
    let pid = -1;
    for await (const _f of decodeFrames(info)) {
      pid = runningFfmpegPids()[0] ?? -1;
      break;
    }
    expect(pid).toBeGreaterThan(0);
    expect(runningFfmpegCount()).toBe(0);
    expect(isAlive(pid)).toBe(false);
  });
});

describe('variable frame rate', () => {
  it('gives each frame its real presentation time, not index / fps', async () => {
    const path = await makeVfrClip(dir);
    const v = await probeVideo(path);
    expect(v.variableFrameRate).toBe(true);
    expect(v.frameCount).toBe(60);
    const times: number[] = [];
    for await (const f of decodeFrames(v)) times.push(f.timeSec);
    const expected = vfrTimesMs(60).map((t) => t / 1000);
    expect(times.length).toBe(60);
    expect(Math.max(...times.map((t, i) => Math.abs(t - expected[i]!)))).toBeLessThan(1e-6);
    // and a chunk agrees
    const part: Array<[number, number]> = [];
    for await (const f of decodeFrames(v, { startSec: 1, endSec: 1.5 })) part.push([f.index, f.timeSec]);
    expect(part.length).toBeGreaterThan(10);
    for (const [i, t] of part) expect(t).toBeCloseTo(expected[i]!, 6);
  });
});

describe('rotation', () => {
  // The red square sits in the coded top-left corner; after a clockwise rotation
  // it must be where that rotation puts it in the displayed picture.
  const corner = { 90: 'topRight', 180: 'bottomRight', 270: 'bottomLeft' } as const;
  function redCorner(f: RgbFrame): string {
    const at = (x: number, y: number) => f.data[(y * f.width + x) * 3]! > 150 && f.data[(y * f.width + x) * 3 + 1]! < 80;
    const m = 8;
    if (at(m, m)) return 'topLeft';
    if (at(f.width - m, m)) return 'topRight';
    if (at(m, f.height - m)) return 'bottomLeft';
    if (at(f.width - m, f.height - m)) return 'bottomRight';
    return 'none';
  }

  for (const tag of [90, 180, 270] as const) {
    it(`rotate tag ${tag}: displayed size, pixels and ffmpeg's own autorotation agree`, async () => {
      const path = await makeRotatedClip(dir, tag);
      const v = await probeVideo(path);
      expect(v.rotationDeg).not.toBe(0);
      const quarter = v.rotationDeg === 90 || v.rotationDeg === 270;
      expect([v.width, v.height]).toEqual(quarter ? [240, 320] : [320, 240]);
      let first: RgbFrame | null = null;
      for await (const f of decodeFrames(v, { maxFrames: 1 })) first = f;
      expect(first).not.toBeNull();
      expect([first!.width, first!.height]).toEqual([v.width, v.height]);
      expect(redCorner(first!)).toBe(corner[v.rotationDeg as 90 | 180 | 270]);
      const { ffmpeg } = await resolveFfmpeg();
      const auto = await run(ffmpeg.path, ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { encoding: 'buffer', maxBuffer: 1 << 24 });
      expect(auto.stdout.length).toBe(first!.data.length);
      let diff = 0;
      for (let i = 0; i < first!.data.length; i += 97) diff += Math.abs(first!.data[i]! - auto.stdout[i]!);
      expect(diff / (first!.data.length / 97)).toBeLessThan(6);
    });
  }
});
