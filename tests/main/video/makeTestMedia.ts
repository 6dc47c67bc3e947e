// Makes small test media with the resolved ffmpeg (bundled 4.1 build or better)
// in a temp dir: rotated clip, variable-frame-rate clip, bad inputs.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, open, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolveFfmpeg } from '../../../src/main/video/resolveFfmpeg';

const run = promisify(execFile);
export const FIXTURE = join(process.cwd(), 'fixtures/videos/treadmill_side_30fps.mp4');

export async function ffmpegRun(args: string[]): Promise<void> {
  const { ffmpeg } = await resolveFfmpeg();
  await run(ffmpeg.path, ['-v', 'error', '-y', ...args]);
}

export async function tempDir(prefix = 'lopsided-video-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Frame times (ms) of the VFR clip: intervals alternate 43 and 23 ms. */
export function vfrTimesMs(n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor((i * 1000) / 30 + 10 * (i % 2))); // setpts truncates to integer ticks
}

/** 60 frames, pts = N/30 s + 10 ms on odd frames, time base 1 ms. */
export async function makeVfrClip(dir: string): Promise<string> {
  const out = join(dir, 'vfr.mp4');
  await ffmpegRun([
    '-f', 'lavfi', '-i', 'testsrc=s=320x240:r=30:d=2',
    '-vf', "settb=1/1000,setpts='(N*1000/30+10*mod(N,2))'",
    '-vsync', 'passthrough', '-enc_time_base', '1:1000', '-c:v', 'libx264', '-pix_fmt', 'yuv420p',
    '-video_track_timescale', '1000', '-use_editlist', '0', out, // no edit list: the 4.1 muxer's one hides the last frame from its own decoder
  ]);
  return out;
}

/**
 * 320x240 coded clip with a red square in the coded top-left corner and a
 * display-rotation tag. (The 4.1 mov muxer reads its own `rotate=90` back as
 * 270: tests take the rotation ffprobe reports and check the pixels follow it.)
 */
export async function makeRotatedClip(dir: string, rotateTag: 90 | 180 | 270): Promise<string> {
  const plain = join(dir, `plain-${rotateTag}.mp4`);
  const out = join(dir, `rotated-${rotateTag}.mp4`);
  await ffmpegRun([
    '-f', 'lavfi', '-i', 'color=c=black:s=320x240:r=30:d=1', '-vf', 'drawbox=x=0:y=0:w=60:h=60:color=red:t=fill',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', plain,
  ]);
  await ffmpegRun(['-i', plain, '-c', 'copy', '-metadata:s:v:0', `rotate=${rotateTag}`, out]);
  return out;
}

export async function makeAudioOnly(dir: string): Promise<string> {
  const out = join(dir, 'audio-only.m4a');
  await ffmpegRun(['-f', 'lavfi', '-i', 'sine=d=1', out]);
  return out;
}

export async function makeStill(dir: string, ext: 'png' | 'jpg'): Promise<string> {
  const out = join(dir, `still.${ext}`);
  await ffmpegRun(['-f', 'lavfi', '-i', 'color=c=blue:s=64x48', '-frames:v', '1', out]);
  return out;
}

/** The fixture cut to 60% of its bytes (its moov box is at the end, so it is lost). */
export async function makeTruncated(dir: string): Promise<string> {
  const out = join(dir, 'truncated.mp4');
  const size = (await stat(FIXTURE)).size;
  const fh = await open(FIXTURE, 'r');
  const buf = Buffer.alloc(Math.floor(size * 0.6));
  await fh.read(buf, 0, buf.length, 0);
  await fh.close();
  await writeFile(out, buf);
  return out;
}

/** A faststart copy (moov first) cut to 60%: the index survives, the frames do not. */
export async function makeTruncatedFaststart(dir: string): Promise<string> {
  const fast = join(dir, 'faststart.mp4');
  await ffmpegRun(['-i', FIXTURE, '-c', 'copy', '-movflags', '+faststart', fast]);
  const out = join(dir, 'truncated-faststart.mp4');
  const size = (await stat(fast)).size;
  const fh = await open(fast, 'r');
  const buf = Buffer.alloc(Math.floor(size * 0.6));
  await fh.read(buf, 0, buf.length, 0);
  await fh.close();
  await writeFile(out, buf);
  return out;
}

export async function makeTextFile(dir: string): Promise<string> {
  const out = join(dir, 'notes.mp4');
  await writeFile(out, 'These are my running notes, not a video.\n'.repeat(20));
  return out;
}

export async function makeEmpty(dir: string): Promise<string> {
  const out = join(dir, 'empty.mp4');
  await writeFile(out, '');
  return out;
}

/** A short (1 s) copy of the fixture under an awkward name. */
export async function copyShortFixture(dir: string, name: string): Promise<string> {
  const out = join(dir, name);
  const tmp = join(dir, 'short-src.mp4');
  await ffmpegRun(['-i', FIXTURE, '-t', '1', '-c', 'copy', tmp]);
  await copyFile(tmp, out);
  return out;
}
