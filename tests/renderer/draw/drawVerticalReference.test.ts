// The side view's vertical reference: through the hips, leaning as report.json `vertical` says (+ = top to image-right).
import { describe, expect, it } from 'vitest';
import { drawVerticalReference, hipAndLegAt } from '../../../src/renderer/draw/drawVerticalReference';
import type { PoseTrack } from '../../../src/shared/contract';

function recordingContext() {
  const lines: { from: number[]; to: number[] }[] = [];
  let from: number[] = [];
  const ctx = {
    strokeStyle: '', lineWidth: 1, lineCap: '', save() {}, restore() {}, beginPath() {}, setLineDash() {},
    moveTo(x: number, y: number) { from = [x, y]; },
    lineTo(x: number, y: number) { lines.push({ from, to: [x, y] }); },
    stroke() {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, lines };
}

describe('drawVerticalReference', () => {
  it('draws through the hips, its top leaning to image-right by a positive tilt', () => {
    const { ctx, lines } = recordingContext();
    drawVerticalReference(ctx, { x: 500, y: 300 }, 200, 5, 2);
    const l = lines[0]!;
    const [top, bottom] = l.from[1]! < l.to[1]! ? [l.from, l.to] : [l.to, l.from];
    expect((Math.atan2(top[0]! - bottom[0]!, bottom[1]! - top[1]!) * 180) / Math.PI).toBeCloseTo(5, 6);
    // the hip lies on it
    const s = (300 - bottom[1]!) / (top[1]! - bottom[1]!);
    expect(bottom[0]! + s * (top[0]! - bottom[0]!)).toBeCloseTo(500, 6);
  });

  it('finds the hips and the leg at a frame, none without both hips', () => {
    const kp = (x: number, y: number) => ({ x: [x], y: [y], score: [1] });
    const track: PoseTrack = { timesSec: [0], width: 1000, height: 800, source: { kind: 'csv', name: 't' },
      keypoints: { left_hip: kp(400, 300), right_hip: kp(420, 300), left_ankle: kp(410, 700), right_ankle: kp(300, 600) } };
    expect(hipAndLegAt(track, 0)).toEqual({ hip: { x: 410, y: 300 }, legPx: 400 });
    expect(hipAndLegAt({ ...track, keypoints: { left_hip: kp(1, 1) } }, 0)).toBeNull();
  });
});
