// The job runner on real video: a clip without a person fails with NO_PERSON and the count;
// abort ends it with AbortError and no ffmpeg left.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFramesWithRunner, tooFewRunnerFrames } from '../../../src/main/pipeline/countPoseFrames';
import { analyseVideo } from '../../../src/main/pipeline/analyseVideo';
import { runningFfmpegCount } from '../../../src/main/video/runFfmpeg';
import type { PoseTrack } from '../../../src/shared/contract';
import { FIXTURE, ffmpegRun, tempDir } from '../video/makeTestMedia';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lopsided-job-video-');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyseVideo', () => {
  it('a clip with no person: NO_PERSON, saying how many frames had a pose', async () => {
    const empty = join(dir, 'empty-room.mp4');
    // A moving test pattern: textured, nothing like a body.
    await ffmpegRun(['-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=30:d=1.5', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', empty]);
    const err = await analyseVideo(empty, { model: 'lite', view: 'auto', workers: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NO_PERSON' });
    expect((err as Error).message).toMatch(/hips and legs were found in \d+ of 45 frames/);
  });

  it('a clip on its side (rotation flag lost): RUNNER_NOT_UPRIGHT from the few seconds the view check looks at, before the whole pose run', async () => {
    const turned = join(dir, 'turned clip ü.mp4');
    await ffmpegRun(['-i', FIXTURE, '-t', '4', '-vf', 'transpose=1', '-c:v', 'libx264', '-crf', '28', '-pix_fmt', 'yuv420p', turned]);
    const messages: string[] = [];
    const err = await analyseVideo(turned, { model: 'auto', view: 'auto', workers: 1 }, { onProgress: (p) => messages.push(p.message ?? '') })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RUNNER_NOT_UPRIGHT' });
    expect((err as Error).message).toMatch(/head to the right: the picture is turned a quarter turn clockwise\. Turn it a quarter turn anticlockwise/);
    // only the view check's look ran: no progress line of the chosen model's run
    expect(messages.some((m) => /Looking at a few seconds of the clip/.test(m))).toBe(true);
    expect(messages.some((m) => /BlazePose heavy|BlazePose full/.test(m))).toBe(false);
  });

  it('abort during the pose stage: AbortError, no ffmpeg left', async () => {
    const ac = new AbortController();
    const run = analyseVideo(FIXTURE, { model: 'lite', view: 'auto', workers: 1 }, {
      signal: ac.signal,
      onProgress: (p) => {
        if (p.stage === 'pose' && p.done >= 3) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(runningFfmpegCount()).toBe(0);
  });
});

describe('countFramesWithRunner', () => {
  const series = (xs: number[], score = 0.9) => ({ x: xs, y: xs.map(() => 1), score: xs.map(() => score) });
  it('needs both hips and an ankle with a usable score', () => {
    const track: PoseTrack = {
      timesSec: [0, 1, 2, 3],
      width: 10,
      height: 10,
      keypoints: {
        left_hip: series([1, 1, 1, NaN]),
        right_hip: series([1, 1, 1, 1]),
        left_ankle: series([1, NaN, 1, 1]),
        right_ankle: { x: [NaN, 1, NaN, 1], y: [1, 1, 1, 1], score: [0.9, 0.9, 0.9, 0.1] },
      },
      source: { kind: 'csv', name: 't' },
    };
    expect(countFramesWithRunner(track)).toBe(3);
    expect(tooFewRunnerFrames(9, 10)).toBe(true);
    expect(tooFewRunnerFrames(40, 300)).toBe(true);
    expect(tooFewRunnerFrames(60, 300)).toBe(false);
  });
});
