import { describe, expect, it } from 'vitest';
import { boxToCanvas, runnerBox } from '../../../src/renderer/draw/cropBox';
import { drawSkeleton, fitWholeFrame } from '../../../src/renderer/draw/drawSkeleton';
import { SIDE_COLOUR } from '../../../src/renderer/format/sideStyle';
import type { PoseTrack } from '../../../src/shared/contract';

/** Records the coloured line segments a drawing makes (enough of CanvasRenderingContext2D for drawSkeleton). */
function recordingContext() {
  const segments: { colour: string; from: number[]; to: number[] }[] = [];
  let from: number[] = [];
  let to: number[] = [];
  const ctx = {
    strokeStyle: '', fillStyle: '', lineWidth: 1, lineCap: '', lineJoin: '', font: '', textAlign: '', textBaseline: '',
    save() {}, restore() {}, beginPath() {}, fill() {}, arc() {}, fillRect() {}, fillText() {},
    moveTo(x: number, y: number) { from = [x, y]; },
    lineTo(x: number, y: number) { to = [x, y]; },
    stroke() { segments.push({ colour: String(ctx.strokeStyle), from, to }); },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, segments };
}

const series = (x: number, y: number, score = 0.9) => ({ x: [x, Number.NaN], y: [y, Number.NaN], score: [score, 0] });
const track: PoseTrack = {
  timesSec: [0, 1 / 60], width: 1000, height: 500, source: { kind: 'csv', name: 't' },
  keypoints: {
    left_hip: series(400, 200), left_knee: series(420, 300), left_ankle: series(410, 400, 0.1),
    right_hip: series(600, 200), right_knee: series(580, 300), right_ankle: series(590, 400),
  },
};

describe('drawSkeleton', () => {
  it('draws each side’s bones in that side’s colour at the keypoints, skipping unsure and missing points', () => {
    const { ctx, segments } = recordingContext();
    const drawn = drawSkeleton(ctx, track, 0, fitWholeFrame(track, 500, 250));
    const coloured = segments.filter((s) => s.colour === SIDE_COLOUR.left || s.colour === SIDE_COLOUR.right);
    // left hip–knee, right hip–knee, right knee–ankle (left ankle is below the score threshold).
    expect(drawn).toBe(4); // + the hip line in the neutral colour
    expect(coloured.filter((s) => s.colour === SIDE_COLOUR.left)).toEqual([{ colour: SIDE_COLOUR.left, from: [200, 100], to: [210, 150] }]);
    expect(coloured.filter((s) => s.colour === SIDE_COLOUR.right)).toHaveLength(2);
    // Frame 1 has no pose at all: nothing is drawn, not even a halo.
    const empty = recordingContext();
    expect(drawSkeleton(empty.ctx, track, 1, fitWholeFrame(track, 500, 250))).toBe(0);
    expect(empty.segments).toHaveLength(0);
  });

  it('mirrors x when asked, keeping the side colours', () => {
    const { ctx, segments } = recordingContext();
    drawSkeleton(ctx, track, 0, fitWholeFrame(track, 500, 250, true));
    const left = segments.find((s) => s.colour === SIDE_COLOUR.left)!;
    expect(left.from).toEqual([300, 100]);
  });
});

describe('runnerBox', () => {
  it('frames the confident keypoints with padding at the requested aspect, inside the picture', () => {
    const box = runnerBox(track, 0, 0, 3 / 4);
    expect(box.width / box.height).toBeCloseTo(3 / 4, 6);
    expect(box.x).toBeLessThanOrEqual(400);
    expect(box.x + box.width).toBeGreaterThanOrEqual(600);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(500);
    const map = boxToCanvas(box, 300, 400, false);
    const [cx] = map(box.x + box.width / 2, 0);
    expect(cx).toBeCloseTo(150, 6);
  });
});
