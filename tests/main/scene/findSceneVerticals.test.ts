// Scene verticals (issue 16: the angles' vertical) on painted frames with known lines, and on a real rendered side
// frame turned by known rolls: the lines' tilts within 0.1° and the fitted vertical at the runner within 0.3°.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import type { PoseTrack } from '../../../src/analysis/types';
import { legLengthPx } from '../../../src/analysis/gait/bodyGeometry';
import { rgbToGray, type GrayImage } from '../../../src/main/pixels/grayImage';
import { findSceneVerticals } from '../../../src/main/scene/findSceneVerticals';
import { fitSceneVertical } from '../../../src/main/scene/fitSceneVertical';
import { sceneLinesOfFrame } from '../../../src/main/scene/measureSceneVertical';
import { decodeFrames } from '../../../src/main/video/decodeFrames';
import { probeVideo } from '../../../src/main/video/probeVideo';
import { rotateGray, rotatePoint } from '../pelvis/rearClipFrames';

/** A light frame with dark 3 px bars along the given lines (tilt: + = top leaning right), between rows y0 and y1. */
function paint(w: number, h: number, lines: { xAtMid: number; tiltDeg: number; y0: number; y1: number }[]): GrayImage {
  const data = new Float32Array(w * h).fill(200);
  for (const l of lines) {
    const m = -Math.tan((l.tiltDeg * Math.PI) / 180); // x = xAtMid + m·(y − h/2)
    for (let y = l.y0; y < l.y1; y++) {
      for (let x = 0; x < w; x++) {
        const d = Math.abs(x - (l.xAtMid + m * (y - h / 2))) * Math.cos(Math.atan(m));
        const cover = Math.min(1, Math.max(0, 2 - d));
        data[y * w + x] = Math.min(data[y * w + x] as number, 200 - 150 * cover);
      }
    }
  }
  return { width: w, height: h, originX: 0, originY: 0, data };
}

describe('findSceneVerticals', () => {
  it('finds each painted line with its tilt, leaves out short ones and the excluded box', () => {
    const img = paint(400, 300, [
      { xAtMid: 60, tiltDeg: 2, y0: 10, y1: 290 },
      { xAtMid: 330, tiltDeg: -3.5, y0: 40, y1: 260 },
      { xAtMid: 200, tiltDeg: 0, y0: 20, y1: 280 }, // inside the excluded "runner"
      { xAtMid: 120, tiltDeg: 1, y0: 140, y1: 160 }, // 20 rows: too short
    ]);
    const lines = findSceneVerticals(img, { x: 170, y: 0, width: 60, height: 300 }, 150, 0.15);
    // each bar has two edges (dark on light, light on dark): two lines a bar
    const near = (x: number) => lines.filter((l) => Math.abs(l.xAtRow - x) < 4);
    expect(near(60).length).toBeGreaterThan(0);
    expect(near(330).length).toBeGreaterThan(0);
    for (const l of near(60)) expect(Math.abs(l.tiltDeg - 2)).toBeLessThan(0.1);
    for (const l of near(330)) expect(Math.abs(l.tiltDeg + 3.5)).toBeLessThan(0.1);
    expect(near(200)).toHaveLength(0);
    expect(near(120)).toHaveLength(0);
  });
});

describe('fitSceneVertical', () => {
  const line = (offsetFrac: number, tiltDeg: number, rows = 100) => ({ offsetFrac, tiltDeg, rows });

  it('a rolled camera: lines that agree give their common tilt', () => {
    const fit = fitSceneVertical([line(-0.3, 3.1), line(0.2, 2.9), line(0.35, 3.0)]);
    expect(fit?.tiltDeg).toBeCloseTo(3, 1);
  });

  it('a pitched camera: the converging lines give the tilt at the runner, not their mean', () => {
    // roll 1° at the runner, 10° per frame width of convergence, lines mostly to the right
    const fit = fitSceneVertical([-0.25, 0.1, 0.3, 0.4, 0.45].map((x) => line(x, 1 + 10 * x)));
    expect(fit?.tiltDeg).toBeCloseTo(1, 1);
  });

  it('a leaning board among agreeing lines counts for nothing', () => {
    const fit = fitSceneVertical([line(-0.3, 0.1), line(-0.1, -0.1), line(0.2, 0), line(0.3, 0.05), line(0.25, 8, 300)]);
    expect(Math.abs(fit?.tiltDeg ?? NaN)).toBeLessThan(0.15);
  });

  it('one line, or lines that do not agree, give none', () => {
    expect(fitSceneVertical([line(0.2, 1)])).toBeNull();
    expect(fitSceneVertical([line(-0.2, 4), line(0.1, -3), line(0.3, 7)])).toBeNull();
  });
});

describe('the scene vertical of the rendered side clip', () => {
  const frames: { gray: GrayImage; i: number }[] = [];
  let track: PoseTrack;
  beforeAll(async () => {
    track = parseKeypointCsv(readFileSync('fixtures/posetracks/RBDS008_T35_side.blazepose-heavy.csv', 'utf8'), { name: 'side' });
    const info = await probeVideo('fixtures/synthetic/RBDS008_T35_side.mp4');
    // six frames a second apart, as measureSceneVertical spreads its six over the clip (the runner hides a different
    // part of the wall in each)
    for await (const f of decodeFrames(info, { longSide: 1280, endSec: 6 })) {
      if (f.index % 60 === 30) frames.push({ gray: rgbToGray(f), i: f.index });
    }
  });

  /** The track turned like the frames (clockwise + about the frame centre). */
  function rolledTrack(roll: number, cx: number, cy: number): PoseTrack {
    const keypoints = Object.fromEntries(Object.entries(track.keypoints).map(([name, kp]) => {
      const pts = kp.x.map((x, i) => rotatePoint({ x, y: kp.y[i] as number }, roll, cx, cy));
      return [name, { x: pts.map((p) => p.x), y: pts.map((p) => p.y), score: kp.score }];
    }));
    return { ...track, keypoints };
  }

  function verticalAt(roll: number): number | null {
    const first = frames[0]!.gray;
    const cx = first.width / 2, cy = first.height / 2;
    const rolled = rolledTrack(roll, cx, cy);
    const lines = frames.flatMap((f) => sceneLinesOfFrame(rotateGray(f.gray, roll, cx, cy), rolled, f.i, 1, legLengthPx(rolled)));
    return fitSceneVertical(lines)?.tiltDeg ?? null;
  }

  it('reads the level camera as level and follows a roll within 0.3°', () => {
    expect(frames).toHaveLength(6);
    for (const roll of [0, 3, -4]) {
      const v = verticalAt(roll);
      expect(v, `roll ${roll}°`).not.toBeNull();
      expect(Math.abs((v ?? NaN) - roll), `roll ${roll}°: found ${v}`).toBeLessThan(0.3);
    }
  });
});
