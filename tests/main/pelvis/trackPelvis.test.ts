// trackPelvis through its worker thread (dist/pixel-worker.js, built by `npm run build` before the tests):
// a 0.5 s pose track of the rendered rear clip gets pelvis marks that follow the true hip line, metadata that
// names its references, and bad input or a cancel ends in a typed error, never a crash.
import { describe, expect, it } from 'vitest';
import type { PoseTrack } from '../../../src/shared/contract';
import { trackPelvis } from '../../../src/main/pelvis/trackPelvis';
import { PelvisError } from '../../../src/main/pelvis/pelvisErrors';
import { probeVideo } from '../../../src/main/video/probeVideo';
import { REAR_CLIP, readTruthHips, truthAngleDeg } from './rearClipFrames';

const N = 30;

function shortTrack(): PoseTrack {
  const h = readTruthHips().slice(0, N);
  const kp = (side: 'left' | 'right') => ({ x: h.map((t) => t[side].x), y: h.map((t) => t[side].y), score: h.map(() => 1) });
  return { timesSec: h.map((_, i) => i / 60), width: 1280, height: 720, source: { kind: 'csv', name: 'truth hips' },
    keypoints: { left_hip: kp('left'), right_hip: kp('right') } };
}

describe('trackPelvis (worker)', () => {
  it('adds left/right_pelvis_mark that follow the true hip line, with its method and horizon', async () => {
    const info = await probeVideo(REAR_CLIP);
    const track = shortTrack();
    const progress: number[] = [];
    const out = await trackPelvis(info, track, { marks: 'auto', onProgress: (p) => progress.push(p.done) });
    const L = out.keypoints['left_pelvis_mark'], R = out.keypoints['right_pelvis_mark'];
    expect(L?.x.length).toBe(N);
    expect(out.keypoints['left_hip']).toBe(track.keypoints['left_hip']);
    expect(out.pelvisTracking?.method).toBe('pelvis-region');
    expect(out.pelvisTracking?.horizonReference).toBe('scene-edge');
    expect(Math.abs(out.pelvisTracking?.horizonDeg ?? NaN)).toBeLessThan(0.2);
    expect(out.pelvisTracking?.framesTracked).toBe(N);
    expect(progress.at(-1)).toBe(N);
    // Relative to frame 0 (the zero needs a longer clip): the tracked line turns with the true hip line.
    const hips = readTruthHips();
    const markDeg = (i: number) => truthAngleDeg({ left: { x: L!.x[i]!, y: L!.y[i]! }, right: { x: R!.x[i]!, y: R!.y[i]! } });
    for (let i = 1; i < N; i++) {
      const truthTurn = truthAngleDeg(hips[i]!) - truthAngleDeg(hips[0]!);
      expect(Math.abs(markDeg(i) - markDeg(0) - truthTurn), `frame ${i}`).toBeLessThan(1);
      expect(L!.score[i]).toBeGreaterThan(0.5);
    }
  });

  it('explicit seeds outside the video are refused with PELVIS_BAD_SEEDS', async () => {
    const info = await probeVideo(REAR_CLIP);
    const bad = { left: { x: -5, y: 300 }, right: { x: 700, y: 300 } };
    await expect(trackPelvis(info, shortTrack(), { marks: bad })).rejects.toMatchObject({ code: 'PELVIS_BAD_SEEDS' });
    const close = { left: { x: 600, y: 300 }, right: { x: 603, y: 300 } };
    await expect(trackPelvis(info, shortTrack(), { marks: close })).rejects.toBeInstanceOf(PelvisError);
  });

  it('a track without hips is refused with PELVIS_NO_HIPS', async () => {
    const info = await probeVideo(REAR_CLIP);
    const t = shortTrack();
    t.keypoints['left_hip']!.x.fill(NaN);
    await expect(trackPelvis(info, t, { marks: 'auto' })).rejects.toMatchObject({ code: 'PELVIS_NO_HIPS' });
  });

  it('a cancel ends the worker with an AbortError', async () => {
    const info = await probeVideo(REAR_CLIP);
    const ac = new AbortController();
    const p = trackPelvis(info, shortTrack(), { marks: 'auto', signal: ac.signal, onProgress: () => ac.abort() });
    await expect(p).rejects.toMatchObject({ code: 'ABORTED', name: 'AbortError' });
  });
});
