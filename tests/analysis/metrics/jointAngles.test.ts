import { describe, expect, it } from 'vitest';
import { interiorAngleDeg, kneeFlexionDeg } from '../../../src/analysis/jointAngles';
import { shankInclinationDeg } from '../../../src/analysis/segmentAngles';
import type { PoseTrack } from '../../../src/analysis/types';

function legTrack(): PoseTrack {
  // Two frames: straight leg at t=0, then knee flexed 30° with the shank tilted 30° forward (facing image-right).
  const s30 = Math.sin(Math.PI / 6); const c30 = Math.cos(Math.PI / 6);
  const kp = (xs: number[], ys: number[]) => ({ x: xs, y: ys, score: xs.map(() => 1) });
  return {
    timesSec: [0, 0.1], width: 1000, height: 1000,
    keypoints: {
      right_hip: kp([500, 500], [300, 300]),
      right_knee: kp([500, 500], [500, 500]),
      right_ankle: kp([500, 500 + 200 * s30], [700, 500 + 200 * c30]),
    },
    source: { kind: 'csv', name: 't' },
  };
}

describe('joint angles', () => {
  it('interior angle of a right angle is 90°', () => {
    expect(interiorAngleDeg({ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 1 })).toBeCloseTo(90, 10);
  });
  it('knee flexion is 180° − the hip-knee-ankle angle, and is read at sub-frame times', () => {
    const t = legTrack();
    expect(kneeFlexionDeg(t, 'right', 0)).toBeCloseTo(0, 6);
    expect(kneeFlexionDeg(t, 'right', 0.1)).toBeCloseTo(30, 6);
    const mid = kneeFlexionDeg(t, 'right', 0.05);
    expect(mid).toBeGreaterThan(10); expect(mid).toBeLessThan(20);
    expect(kneeFlexionDeg(t, 'left', 0)).toBeNaN();
  });
  it('shank inclination is positive with the ankle ahead of the knee in the direction of travel', () => {
    const t = legTrack();
    expect(shankInclinationDeg(t, 'right', 0.1, 1)).toBeCloseTo(30, 6);
    expect(shankInclinationDeg(t, 'right', 0.1, -1)).toBeCloseTo(-30, 6);
  });
});
