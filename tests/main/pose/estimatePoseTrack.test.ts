// The pool's failure paths: crashed worker, cancellation (no ffmpeg or worker left), bad input.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimatePoseTrack } from '../../../src/main/pose/estimatePoseTrack';
import { probeVideo } from '../../../src/main/video/probeVideo';
import type { JobProgress } from '../../../src/shared/contract';

const CLIP = 'fixtures/videos/treadmill_side_30fps.mp4';

/** Running (not zombie) ffmpeg processes whose parent is this process (workers' children are ours too). */
function ffmpegChildren(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && state !== 'Z' && comm.startsWith('ffmpeg')) pids.push(Number(entry));
    } catch {
      // process ended while we looked
    }
  }
  return pids;
}

describe('estimatePoseTrack failure paths', () => {
  it('reports a crashed worker as POSE_WORKER_CRASHED (uncaught error), never hangs', async () => {
    const info = await probeVideo(CLIP);
    const run = estimatePoseTrack(info, { model: 'full', workers: 2, workerPath: resolve('tests/main/pose/workers/crashOnChunk.mjs') });
    await expect(run).rejects.toMatchObject({ code: 'POSE_WORKER_CRASHED', message: expect.stringContaining('simulated crash') });
  });

  it('reports a worker that exits silently as POSE_WORKER_CRASHED with its exit code', async () => {
    const info = await probeVideo(CLIP);
    const run = estimatePoseTrack(info, { model: 'full', workers: 1, workerPath: resolve('tests/main/pose/workers/exitOnInit.mjs') });
    await expect(run).rejects.toMatchObject({ code: 'POSE_WORKER_CRASHED', message: expect.stringContaining('exit code 3') });
  });

  it('gives a chunk whose worker dies mid-way one fresh worker, without duplicate frames', async () => {
    const info = await probeVideo(CLIP);
    process.env.LOPSIDED_TEST_EXIT_ONCE_MARKER = join(mkdtempSync(join(tmpdir(), 'lopsided-pose-')), 'crashed');
    try {
      const track = await estimatePoseTrack(info, { model: 'full', workers: 2, workerPath: resolve('tests/main/pose/workers/exitOnceThenWork.mjs') });
      expect(readFileSync(process.env.LOPSIDED_TEST_EXIT_ONCE_MARKER, 'utf8')).toBe('crashed once');
      expect(track.timesSec).toHaveLength(info.frameCount);
      expect(track.keypoints.nose?.x.map((v) => v + 0)).toEqual(Array.from({ length: info.frameCount }, (_, i) => i));
    } finally {
      delete process.env.LOPSIDED_TEST_EXIT_ONCE_MARKER;
    }
  });

  it('cancels on abort: rejects with ABORTED, and no ffmpeg is left running', async () => {
    const info = await probeVideo(CLIP);
    const ctrl = new AbortController();
    const seen: JobProgress[] = [];
    let runningAtAbort: number[] = [];
    const run = estimatePoseTrack(info, {
      model: 'full',
      workers: 2,
      signal: ctrl.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.done >= 3 && !ctrl.signal.aborted) {
          runningAtAbort = ffmpegChildren();
          ctrl.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED', name: 'AbortError' });
    expect(seen.some((p) => p.stage === 'pose' && p.done >= 3 && p.total === 360)).toBe(true);
    expect(Math.max(...seen.map((p) => p.done))).toBeLessThan(360); // it stopped, not ran to the end
    expect(runningAtAbort.length).toBeGreaterThan(0); // the probe does see the workers' decoders
    let left = ffmpegChildren();
    for (let i = 0; i < 30 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = ffmpegChildren();
    }
    expect(left).toEqual([]);
  });

  it('cancelled while the workers load the model: rejects ABORTED within seconds, and the process lives on', async () => {
    // A thread ended inside ONNX Runtime's model load aborted the whole process ("terminate called after throwing an
    // instance of 'Napi::Error'"), at the first try with a cancel 0 ms in; the worker now frees the model first.
    const info = await probeVideo(CLIP);
    for (const delayMs of [0, 100, 300]) {
      const ctrl = new AbortController();
      const started = Date.now();
      setTimeout(() => ctrl.abort(), delayMs);
      await expect(estimatePoseTrack(info, { model: 'heavy', workers: 4, signal: ctrl.signal, endSec: 2 })).rejects.toMatchObject({ code: 'ABORTED' });
      expect(Date.now() - started).toBeLessThan(15_000);
    }
    // still alive, and the pool still works
    const track = await estimatePoseTrack(info, { model: 'full', workers: 1, endSec: 0.5 });
    expect(track.timesSec).toHaveLength(15);
  }, 60_000);

  it('never ends a cancelled worker\'s thread before it reports (a model load in progress cannot be cut short)', async () => {
    const info = await probeVideo(CLIP);
    const marker = join(mkdtempSync(join(tmpdir(), 'lopsided-pose-')), 'reported');
    process.env.LOPSIDED_TEST_SLOW_INIT_MARKER = marker;
    try {
      const ctrl = new AbortController();
      const run = estimatePoseTrack(info, { model: 'full', workers: 2, signal: ctrl.signal, workerPath: resolve('tests/main/pose/workers/slowInit.mjs') });
      setTimeout(() => ctrl.abort(), 100);
      await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
      // terminated after the 1.5 s grace, as before, the thread never got to its report
      expect(readFileSync(marker, 'utf8')).toBe('loaded, freed, then reported');
    } finally {
      delete process.env.LOPSIDED_TEST_SLOW_INIT_MARKER;
    }
  });

  it('rejects at once when already aborted', async () => {
    const info = await probeVideo(CLIP);
    await expect(estimatePoseTrack(info, { model: 'full', signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('says MODELS_MISSING (and how to fetch them) before starting any worker', async () => {
    const info = await probeVideo(CLIP);
    const empty = mkdtempSync(join(tmpdir(), 'lopsided-nomodels-'));
    await expect(estimatePoseTrack(info, { model: 'lite', modelsDir: empty })).rejects.toMatchObject({
      code: 'MODELS_MISSING',
      message: expect.stringContaining('npm run fetch-models'),
    });
  });

  it("passes the decoder's typed error through from the worker (file gone after probing)", async () => {
    const info = await probeVideo(CLIP);
    const gone = { ...info, path: join(tmpdir(), 'lopsided-no-such-clip.mp4') };
    await expect(estimatePoseTrack(gone, { model: 'full', workers: 1 })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
