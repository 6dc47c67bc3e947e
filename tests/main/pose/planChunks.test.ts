import { describe, expect, it } from 'vitest';
import { MIN_FRAMES_PER_CHUNK, planChunks } from '../../../src/main/pose/planChunks';

/** Which chunk each nominal frame time falls in (start ≤ t < end). */
function owners(frameCount: number, fps: number, workers: number): number[][] {
  const chunks = planChunks(frameCount, fps, workers);
  return Array.from({ length: frameCount }, (_, i) => {
    const t = i / fps;
    return chunks.flatMap((c, k) => (t >= c.startSec && t < c.endSec ? [k] : []));
  });
}

describe('planChunks', () => {
  it('puts every frame in exactly one chunk, chunks contiguous and in order', () => {
    for (const [n, fps, w] of [[360, 30, 2], [600, 60, 3], [361, 29.97, 4], [1000, 240, 7]] as const) {
      const chunks = planChunks(n, fps, w);
      expect(chunks.length).toBe(w);
      expect(chunks[0]?.startSec).toBe(0);
      expect(chunks[chunks.length - 1]?.endSec).toBe(Infinity);
      chunks.slice(1).forEach((c, k) => expect(c.startSec).toBe(chunks[k]?.endSec));
      for (const o of owners(n, fps, w)) expect(o).toHaveLength(1);
    }
  });

  it('keeps boundaries half a frame away from frame times, so timestamp rounding cannot move a frame', () => {
    const fps = 30;
    for (const c of planChunks(360, fps, 2).slice(1)) {
      const phase = (c.startSec * fps) % 1;
      expect(Math.abs(phase - 0.5)).toBeLessThan(1e-9);
    }
  });

  it('splits frames evenly between workers', () => {
    const counts = [0, 1].map((k) => owners(360, 30, 2).filter((o) => o[0] === k).length);
    expect(counts).toEqual([180, 180]);
  });

  it('uses one chunk for short clips, zero/invalid fps, or one worker', () => {
    expect(planChunks(MIN_FRAMES_PER_CHUNK * 2 - 1, 30, 8)).toHaveLength(1);
    expect(planChunks(47, 30, 2)).toEqual([{ startSec: 0, endSec: Infinity }]);
    expect(planChunks(360, 0, 2)).toHaveLength(1);
    expect(planChunks(360, 30, 1)).toHaveLength(1);
    expect(planChunks(360, 30, 0)).toHaveLength(1);
  });
});
