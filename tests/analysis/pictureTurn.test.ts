import { describe, expect, it } from 'vitest';
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { assertUpright, pictureTurn } from '../../src/analysis/pictureTurn';
import type { PoseTrack } from '../../src/analysis/types';
import { generateRun } from './synthetic/generateRun';

/** The same track as a picture turned clockwise by `quarters` quarter turns (w × h becomes h × w for odd turns). */
function turned(track: PoseTrack, quarters: 1 | 2 | 3): PoseTrack {
  const { width: w, height: h } = track;
  const map = (x: number, y: number): [number, number] => (quarters === 1 ? [h - y, x] : quarters === 2 ? [w - x, h - y] : [y, w - x]);
  const keypoints: PoseTrack['keypoints'] = {};
  for (const [name, kp] of Object.entries(track.keypoints)) {
    const pts = kp.x.map((x, i) => map(x, kp.y[i] as number));
    keypoints[name] = { x: pts.map((p) => p[0]), y: pts.map((p) => p[1]), score: [...kp.score] };
  }
  const odd = quarters % 2 === 1;
  return { ...track, width: odd ? h : w, height: odd ? w : h, keypoints };
}

describe('pictureTurn', () => {
  const run = generateRun({ fps: 60, durationSec: 10, view: 'side' }).track;
  // shoulders 50 px above the hips and 15 px ahead (running forward lean), as a pose model gives them
  const shoulder = (side: 'left' | 'right') => {
    const hip = run.keypoints[`${side}_hip`]!;
    return { x: hip.x.map((x) => x + 15), y: hip.y.map((y) => y - 50), score: [...hip.score] };
  };
  // as a pose model gives it from a video (a keypoint CSV is refused in its own words: below)
  const upright: PoseTrack = {
    ...run, keypoints: { ...run.keypoints, left_shoulder: shoulder('left'), right_shoulder: shoulder('right') },
    source: { kind: 'pose-model', model: 'heavy', backend: 'onnx' },
  };

  it('reads an upright runner as upright, and each quarter turn as that turn', () => {
    expect(pictureTurn(upright)?.turn).toBe(0);
    expect(Math.abs(pictureTurn(upright)?.upDeg ?? 99)).toBeLessThan(20);
    expect(pictureTurn(turned(upright, 1))).toMatchObject({ turn: 90 });
    expect(pictureTurn(turned(upright, 2))).toMatchObject({ turn: 180 });
    expect(pictureTurn(turned(upright, 3))).toMatchObject({ turn: 270 });
  });

  it('uses the hips where no shoulder is tracked (lab joint-centre CSVs)', () => {
    const noShoulders = run;
    expect(noShoulders.keypoints.left_shoulder).toBeUndefined();
    expect(pictureTurn(noShoulders)?.turn).toBe(0);
    expect(pictureTurn(turned(noShoulders, 1))?.turn).toBe(90);
  });

  it('refuses a turned clip with the turn that rights it, and analyses it once turned back', () => {
    expect(() => assertUpright(turned(upright, 1))).toThrow(/head to the right.*Turn it a quarter turn anticlockwise/);
    expect(() => assertUpright(turned(upright, 3))).toThrow(/head to the left.*Turn it a quarter turn clockwise/);
    expect(() => assertUpright(turned(upright, 2))).toThrow(/upside down/);
    const video = { path: 'turned.mp4', fps: 60, durationSec: 10, width: upright.height, height: upright.width };
    expect(() => analyseTrack(turned(upright, 1), { view: 'auto' }, video)).toThrow(expect.objectContaining({ code: 'RUNNER_NOT_UPRIGHT' }));
    expect(() => assertUpright(upright)).not.toThrow();
  });

  it('says what a keypoint CSV needs when its y axis points up', () => {
    const csv: PoseTrack = { ...turned(upright, 2), source: { kind: 'csv', name: 'lab.csv' } };
    expect(() => assertUpright(csv)).toThrow(/In lab\.csv the runner's head is below the feet .*y downwards/);
  });
});
