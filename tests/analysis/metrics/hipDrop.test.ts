import { describe, expect, it } from 'vitest';
import { hipDropAt, pelvisLine, rollCorrection } from '../../../src/analysis/hipDrop';
import type { KeypointSeries, PoseTrack } from '../../../src/analysis/types';

/**
 * Rear view of a pelvis that tilts by +dropL° (right side lower) in left stance and −dropR° in right stance,
 * sinusoidally over a 0.74 s stride, seen by a camera rolled by rollDeg (positive: image-right end lower).
 */
function rearPelvis(o: { dropL: number; dropR: number; rollDeg: number; fps: number; withMarks?: boolean; hipGain?: number }): PoseTrack {
  const stride = 0.74; const n = Math.round(8 * o.fps);
  const timesSec = Array.from({ length: n }, (_, i) => i / o.fps);
  // left stance is centred at phase 0.25, right at 0.75
  const tilt = (t: number): number => {
    const ph = (t / stride) % 1;
    const s = Math.sin(2 * Math.PI * ph);
    return s >= 0 ? o.dropL * s : o.dropR * s;
  };
  const line = (gain: number, halfWidth: number): { l: KeypointSeries; r: KeypointSeries } => {
    const l: KeypointSeries = { x: [], y: [], score: [] }; const r: KeypointSeries = { x: [], y: [], score: [] };
    for (const t of timesSec) {
      const a = ((gain * tilt(t) + o.rollDeg) * Math.PI) / 180;
      l.x.push(640 - halfWidth * Math.cos(a)); l.y.push(400 - halfWidth * Math.sin(a)); l.score.push(1);
      r.x.push(640 + halfWidth * Math.cos(a)); r.y.push(400 + halfWidth * Math.sin(a)); r.score.push(1);
    }
    return { l, r };
  };
  const hips = line(o.hipGain ?? 1, 60);
  const keypoints: Record<string, KeypointSeries> = { left_hip: hips.l, right_hip: hips.r };
  if (o.withMarks) { const m = line(1, 45); keypoints.left_pelvis_mark = m.l; keypoints.right_pelvis_mark = m.r; }
  return { timesSec, width: 1280, height: 720, keypoints, source: { kind: 'pose-model', model: 'full', backend: 'wasm' } };
}

const midStances = (side: 'left' | 'right'): number[] => Array.from({ length: 9 }, (_, k) => 0.74 * (k + (side === 'left' ? 0.25 : 0.75)));

describe('hip drop', () => {
  it('recovers per-side drop exactly through a known horizon, whatever the roll', () => {
    for (const rollDeg of [-5, 0, 2, 10]) {
      const track = rearPelvis({ dropL: 8, dropR: 6, rollDeg, fps: 60 });
      const line = pelvisLine(track);
      const roll = rollCorrection(line, track, { horizonDeg: rollDeg, rightOnImageRight: true });
      expect(roll.reference).toBe('horizon');
      for (const t of midStances('left')) expect(hipDropAt(line, track, roll, 'left', t)).toBeCloseTo(8, 1);
      for (const t of midStances('right')) expect(hipDropAt(line, track, roll, 'right', t)).toBeCloseTo(6, 1);
    }
  });

  it('with no horizon, levels against the mean pelvis line: removes the roll, keeps the mean drop, loses the difference', () => {
    const track = rearPelvis({ dropL: 8, dropR: 6, rollDeg: 4, fps: 30 });
    const line = pelvisLine(track);
    const roll = rollCorrection(line, track, { rightOnImageRight: true });
    expect(roll.reference).toBe('meanPelvisLine');
    const left = midStances('left').map((t) => hipDropAt(line, track, roll, 'left', t));
    const right = midStances('right').map((t) => hipDropAt(line, track, roll, 'right', t));
    const mL = left.reduce((a, b) => a + b) / left.length; const mR = right.reduce((a, b) => a + b) / right.length;
    expect((mL + mR) / 2).toBeCloseTo(7, 0); // the 4° roll is gone
    expect(Math.abs(mL - mR)).toBeLessThan(2); // but most of the true 2° difference went with it: callers must not compare sides
  });

  it('may take the image as level (imported CSV): kept while the mean line leans ≤ 3°, the mean line beyond', () => {
    const small = rearPelvis({ dropL: 8, dropR: 6, rollDeg: 0.5, fps: 60 });
    const smallRoll = rollCorrection(pelvisLine(small), small, { rightOnImageRight: true, imageLevelMaxTiltDeg: 3 });
    expect(smallRoll.reference).toBe('imageLevel');
    expect(smallRoll.offsetDeg).toBe(0);
    // Both drops read against the image: the real 2° difference stays (shifted ±0.5° by the roll).
    const mid = (side: 'left' | 'right'): number => {
      const v = midStances(side).map((t) => hipDropAt(pelvisLine(small), small, smallRoll, side, t));
      return v.reduce((a, b) => a + b) / v.length;
    };
    expect(mid('left') - mid('right')).toBeGreaterThan(2.5);
    const big = rearPelvis({ dropL: 8, dropR: 6, rollDeg: 4, fps: 60 });
    expect(rollCorrection(pelvisLine(big), big, { rightOnImageRight: true, imageLevelMaxTiltDeg: 3 }).reference).toBe('meanPelvisLine');
  });

  it('prefers image-tracked pelvis marks over under-reporting hip keypoints (issue 6)', () => {
    const track = rearPelvis({ dropL: 8, dropR: 8, rollDeg: 0, fps: 60, withMarks: true, hipGain: 0.1 });
    const line = pelvisLine(track);
    expect(line.source).toBe('pelvisMarks');
    const roll = rollCorrection(line, track, { horizonDeg: 0, rightOnImageRight: true });
    expect(hipDropAt(line, track, roll, 'left', 0.74 * 2.25)).toBeCloseTo(8, 1);
    const noMarks = rearPelvis({ dropL: 8, dropR: 8, rollDeg: 0, fps: 60, hipGain: 0.1 });
    const hipLine = pelvisLine(noMarks);
    expect(hipLine.source).toBe('hipKeypoints');
    expect(hipDropAt(hipLine, noMarks, roll, 'left', 0.74 * 2.25)).toBeCloseTo(0.8, 2);
  });
});
