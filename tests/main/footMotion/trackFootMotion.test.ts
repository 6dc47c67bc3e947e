// trackFootMotion through the pixel worker (dist/pixel-worker.js, built by `npm run build` before the tests) on the
// demo clip seeded by its stored BlazePose heavy track: the series come back for (nearly) every frame pair, the stance
// samples of the near foot move backwards at one speed; a cancel ends it with an AbortError.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { trackFootMotion } from '../../../src/main/footMotion/trackFootMotion';
import { probeVideo } from '../../../src/main/video/probeVideo';
import { FIXTURE } from '../video/makeTestMedia';

const track = () => parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'utf8'), { name: 'demo' });

describe('trackFootMotion', () => {
  it('adds heel and toe motion per foot for the frame pairs of the clip', async () => {
    const info = await probeVideo(FIXTURE);
    const t = track();
    const out = await trackFootMotion(info, t);
    const m = out.footMotion!;
    expect(out.keypoints).toBe(t.keypoints);
    for (const side of ['left', 'right'] as const) {
      const dx = m[side].toe.dxPx;
      expect(dx).toHaveLength(t.timesSec.length);
      expect(dx.filter(Number.isFinite).length).toBeGreaterThan(0.9 * (t.timesSec.length - 1));
    }
    // the near (left) foot of a runner facing image-left rides the belt to image-right: its fastest third of samples
    // (the stance plateau) sits at one speed
    const back = m.left.heel.dxPx.filter(Number.isFinite).sort((a, b) => b - a).slice(5, 60);
    expect(back[back.length - 1]!).toBeGreaterThan(0.6 * back[0]!);
  });

  it('a cancel ends it with an AbortError', async () => {
    const info = await probeVideo(FIXTURE);
    const ac = new AbortController();
    const run = trackFootMotion(info, track(), { signal: ac.signal, onProgress: (p) => { if (p.stage === 'feet' && p.done >= 20) ac.abort(); } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
