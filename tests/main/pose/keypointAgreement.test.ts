import { describe, expect, it } from 'vitest';
import { keypointAgreement } from '../../../src/main/pose/keypointAgreement';
import type { PoseFrame } from '../../../src/shared/contract';

const frame = (index: number, pts: [number, number][]): PoseFrame => ({
  index,
  timeSec: index / 30,
  keypoints: pts.map(([x, y], k) => ({ name: `k${k}`, x, y, score: 0.9 })),
});

describe('keypointAgreement', () => {
  it('gives per-joint medians, the overall median and the worst frame', () => {
    const a = [frame(0, [[0, 0], [10, 10]]), frame(1, [[0, 0], [10, 10]]), frame(2, [[0, 0], [10, 10]])];
    const b = [frame(0, [[3, 4], [10, 10]]), frame(1, [[0, 1], [10, 10]]), frame(2, [[0, 2], [10, 40]])];
    const r = keypointAgreement(a, b);
    expect(r.joints.find((j) => j.name === 'k0')).toMatchObject({ frames: 3, medianPx: 2, maxPx: 5 });
    expect(r.joints.find((j) => j.name === 'k1')).toMatchObject({ medianPx: 0, maxPx: 30 });
    expect(r.medianPx).toBe(1.5);
    expect(r.worstFrames[0]).toMatchObject({ index: 2, joint: 'k1', maxPx: 30, presenceDiffers: false });
  });

  it('counts frames where only one run found a pose and ranks them worst', () => {
    const a = [frame(0, [[0, 0]]), frame(1, [[NaN, NaN]])];
    const b = [frame(0, [[0, 0]]), frame(1, [[5, 5]])];
    const r = keypointAgreement(a, b);
    expect(r.presenceMismatches).toBe(1);
    expect(r.worstFrames[0]).toMatchObject({ index: 1, presenceDiffers: true });
  });
});
