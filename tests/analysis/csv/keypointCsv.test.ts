import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../../src/analysis/analysisError';
import { formatKeypointCsv, parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import type { FootMotion, FootMotionSeries, PoseTrack } from '../../../src/analysis/types';

function codeOf(fn: () => unknown): string | undefined {
  try { fn(); } catch (e) { return e instanceof AnalysisError ? e.code : 'not-an-AnalysisError'; }
  return undefined;
}
function messageOf(fn: () => unknown): string {
  try { fn(); } catch (e) { return (e as Error).message; }
  return '';
}

describe('parseKeypointCsv', () => {
  it('reads the RBDS fixture (time_s + triples) with the right shape and values', () => {
    const text = readFileSync('fixtures/rbds/RBDS008_T35/keypoints_side_60fps.csv', 'utf8');
    const track = parseKeypointCsv(text, { name: 'rbds', width: 1920, height: 1080 });
    expect(Object.keys(track.keypoints)).toContain('left_heel');
    expect(Object.keys(track.keypoints)).toHaveLength(10);
    expect(track.timesSec[0]).toBe(0);
    expect(track.timesSec[1]).toBeCloseTo(0.01667, 6);
    expect(track.keypoints.left_hip?.x[0]).toBeCloseTo(901.95, 6);
    expect(track.keypoints.right_foot_index?.y[1]).toBeCloseTo(907.74, 6);
    expect(track.keypoints.left_hip?.x).toHaveLength(track.timesSec.length);
    expect(track.width).toBe(1920);
    expect(track.source).toEqual({ kind: 'csv', name: 'rbds' });
  });

  it('treats empty, NaN and null cells as missing (NaN) and keeps row alignment', () => {
    const t = parseKeypointCsv('time_s,a_x,a_y,a_score\n0,1,2,0.9\n0.1,,NaN,\n0.2,null,3,0.5\n', { name: 'x' });
    expect(t.keypoints.a?.x[1]).toBeNaN();
    expect(t.keypoints.a?.y[1]).toBeNaN();
    expect(t.keypoints.a?.score[1]).toBeNaN();
    expect(t.keypoints.a?.x[2]).toBeNaN();
    expect(t.keypoints.a?.y[2]).toBe(3);
  });

  it('accepts a CSV without time_s when fps is given, and refuses it without', () => {
    const text = 'a_x,a_y,a_score\n1,2,1\n3,4,1\n5,6,1\n';
    const t = parseKeypointCsv(text, { name: 'x', fps: 50 });
    expect(t.timesSec).toEqual([0, 0.02, 0.04]);
    expect(codeOf(() => parseKeypointCsv(text, { name: 'x' }))).toBe('CSV_NO_TIME');
    expect(messageOf(() => parseKeypointCsv(text, { name: 'x' }))).toMatch(/--fps/);
  });

  it('gives a score of 1 for present points and 0 for missing ones when there is no score column', () => {
    const t = parseKeypointCsv('time_s,a_x,a_y\n0,1,2\n0.1,,\n', { name: 'x' });
    expect(t.keypoints.a?.score).toEqual([1, 0]);
  });

  it('estimates width/height from the data when not given', () => {
    const t = parseKeypointCsv('time_s,a_x,a_y,a_score\n0,100.2,50,1\n0.1,640,479.5,1\n', { name: 'x' });
    expect(t.width).toBe(640);
    expect(t.height).toBe(480);
  });

  it('reports malformed input with a code and the line number', () => {
    expect(codeOf(() => parseKeypointCsv('', { name: 'x' }))).toBe('CSV_EMPTY');
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_y,a_score\n', { name: 'x' }))).toBe('CSV_EMPTY');
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_y,a_z\n0,1,2,3\n', { name: 'x' }))).toBe('CSV_BAD_HEADER');
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_score\n0,1,2\n', { name: 'x' }))).toBe('CSV_BAD_HEADER');
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_x,a_y\n0,1,2,3\n', { name: 'x' }))).toBe('CSV_BAD_HEADER');
    expect(messageOf(() => parseKeypointCsv('a_x,time_s,a_y\n1,0,2\n', { name: 'x', fps: 30 }))).toMatch(/first column/);
    const bad = 'time_s,a_x,a_y,a_score\n0,1,2,1\n0.1,1,2\n';
    expect(codeOf(() => parseKeypointCsv(bad, { name: 'x' }))).toBe('CSV_BAD_ROW');
    expect(messageOf(() => parseKeypointCsv(bad, { name: 'x' }))).toMatch(/line 3/);
    const word = 'time_s,a_x,a_y,a_score\n0,1,2,1\n0.1,1,abc,1\n';
    expect(codeOf(() => parseKeypointCsv(word, { name: 'x' }))).toBe('CSV_BAD_NUMBER');
    expect(messageOf(() => parseKeypointCsv(word, { name: 'x' }))).toMatch(/line 3, column a_y/);
    const back = 'time_s,a_x,a_y,a_score\n0,1,2,1\n0.1,1,2,1\n0.1,1,2,1\n';
    expect(codeOf(() => parseKeypointCsv(back, { name: 'x' }))).toBe('CSV_TIME_NOT_INCREASING');
    expect(messageOf(() => parseKeypointCsv(back, { name: 'x' }))).toMatch(/line 4/);
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_y,a_score\n,1,2,1\n', { name: 'x' }))).toBe('CSV_BAD_NUMBER');
  });

  it('tolerates CRLF, a BOM and a trailing blank line', () => {
    const t = parseKeypointCsv('\uFEFFtime_s,a_x,a_y,a_score\r\n0,1,2,1\r\n0.5,3,4,1\r\n\r\n', { name: 'x' });
    expect(t.timesSec).toEqual([0, 0.5]);
    expect(t.keypoints.a?.x).toEqual([1, 3]);
  });
});

describe('formatKeypointCsv', () => {
  it('round-trips a track with missing values within the written precision', () => {
    const track: PoseTrack = {
      timesSec: [0, 1 / 60, 2 / 60, 3 / 60],
      width: 1280,
      height: 720,
      keypoints: {
        left_hip: { x: [100.12345, Number.NaN, 102, 103.5], y: [200, 201, Number.NaN, 203], score: [0.91234, 0, 0.5, 1] },
        right_pelvis_mark: { x: [1, 2, 3, 4], y: [5, 6, 7, 8], score: [1, 1, Number.NaN, 1] },
      },
      source: { kind: 'pose-model', model: 'full', backend: 'wasm' },
    };
    const text = formatKeypointCsv(track);
    expect(text.split('\n')[0]).toBe('time_s,left_hip_x,left_hip_y,left_hip_score,right_pelvis_mark_x,right_pelvis_mark_y,right_pelvis_mark_score');
    const back = parseKeypointCsv(text, { name: 'rt', width: 1280, height: 720 });
    expect(back.timesSec).toHaveLength(4);
    back.timesSec.forEach((t, i) => expect(Math.abs(t - (track.timesSec[i] as number))).toBeLessThan(1e-6));
    for (const name of Object.keys(track.keypoints)) {
      for (const axis of ['x', 'y', 'score'] as const) {
        const a = track.keypoints[name]?.[axis] as number[];
        const b = back.keypoints[name]?.[axis] as number[];
        a.forEach((v, i) => {
          if (Number.isNaN(v)) expect(b[i]).toBeNaN();
          else expect(Math.abs((b[i] as number) - v)).toBeLessThan(1e-3);
        });
      }
    }
    // and a second trip is exact (the written text is a fixed point)
    expect(formatKeypointCsv(back)).toBe(text);
  });

  it('writes a video track\'s foot motion after the keypoints and reads it back (none without it)', () => {
    const s = (dx: number[]): FootMotionSeries => ({ dxPx: dx, dyPx: dx.map((v) => -v / 2), ncc: dx.map((v) => (Number.isNaN(v) ? NaN : 0.91234)) });
    const motion: FootMotion = {
      left: { heel: s([1.23456, -2, NaN]), toe: s([0.5, 0.25, NaN]) },
      right: { heel: s([-6.0004, NaN, NaN]), toe: s([3, 4, NaN]) },
      patchWidthPx: 24, msPerFrame: 2,
    };
    const track: PoseTrack = {
      timesSec: [0, 1 / 60, 2 / 60], width: 640, height: 360,
      keypoints: { left_heel: { x: [1, 2, 3], y: [4, 5, 6], score: [0.9, 0.8, 0.7] } },
      source: { kind: 'pose-model', model: 'heavy', backend: 'onnx' }, footMotion: motion,
    };
    const text = formatKeypointCsv(track);
    const header = text.split('\n')[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['time_s', 'left_heel_x', 'left_heel_y', 'left_heel_score']);
    expect(header.slice(4, 7)).toEqual(['left_heel_motion_dx_px', 'left_heel_motion_dy_px', 'left_heel_motion_ncc']);
    expect(header).toHaveLength(4 + 12);
    const back = parseKeypointCsv(text, { name: 'keypoints.csv' });
    expect(Object.keys(back.keypoints)).toEqual(['left_heel']);
    for (const side of ['left', 'right'] as const) {
      for (const part of ['heel', 'toe'] as const) {
        for (const key of ['dxPx', 'dyPx', 'ncc'] as const) {
          const a = motion[side][part][key];
          const b = back.footMotion![side][part][key];
          expect(b).toHaveLength(3);
          a.forEach((v, i) => (Number.isNaN(v) ? expect(b[i]).toBeNaN() : expect(Math.abs(b[i]! - v)).toBeLessThan(1e-3)));
        }
      }
    }
    expect(formatKeypointCsv(back)).toBe(text);
    const { footMotion: _dropped, ...bare } = track;
    expect(formatKeypointCsv(bare).split('\n')[0]).toBe('time_s,left_heel_x,left_heel_y,left_heel_score');
    expect(parseKeypointCsv(formatKeypointCsv(bare), { name: 'x' }).footMotion).toBeUndefined();
    expect(back.footMotion!.camera).toBeUndefined(); // a track measured before the camera was read has none
  });

  it('writes the camera\'s motion after the feet\'s and reads it back, so a hand-held clip\'s CSV is steadied as the clip was', () => {
    const s = (dx: number[]): FootMotionSeries => ({ dxPx: dx, dyPx: dx.map((v) => v / 4), ncc: dx.map((v) => (Number.isNaN(v) ? NaN : 0.97)) });
    const track: PoseTrack = {
      timesSec: [0, 1 / 60, 2 / 60], width: 640, height: 360,
      keypoints: { left_heel: { x: [1, 2, 3], y: [4, 5, 6], score: [0.9, 0.8, 0.7] } },
      source: { kind: 'pose-model', model: 'heavy', backend: 'onnx' },
      footMotion: { left: { heel: s([1, 2, NaN]), toe: s([1, 2, NaN]) }, right: { heel: s([1, 2, NaN]), toe: s([1, 2, NaN]) }, camera: s([2.5, -1.25, NaN]), patchWidthPx: 24, msPerFrame: 2 },
    };
    const text = formatKeypointCsv(track);
    const header = text.split('\n')[0]!.split(',');
    expect(header.slice(-3)).toEqual(['camera_motion_dx_px', 'camera_motion_dy_px', 'camera_motion_ncc']);
    const back = parseKeypointCsv(text, { name: 'keypoints.csv' });
    expect(back.footMotion!.camera!.dxPx.slice(0, 2)).toEqual([2.5, -1.25]);
    expect(back.footMotion!.camera!.dyPx[0]).toBeCloseTo(0.625, 3);
    expect(back.footMotion!.camera!.dxPx[2]).toBeNaN();
    expect(formatKeypointCsv(back)).toBe(text);
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_y,camera_motion_dx_px,camera_motion_ncc\n0,1,2,3,4\n', { name: 'x' }))).toBe('CSV_BAD_HEADER');
  });

  it('writes the scene\'s vertical on every row and reads it back, so the CSV reads its angles as the clip did', () => {
    const track: PoseTrack = {
      timesSec: [0, 1 / 60], width: 640, height: 360,
      keypoints: { left_hip: { x: [1, 2], y: [4, 5], score: [0.9, 0.8] } },
      source: { kind: 'pose-model', model: 'heavy', backend: 'onnx' }, sceneVertical: { tiltDeg: -0.5307, lines: 23, scatterDeg: 1.0701 },
    };
    const text = formatKeypointCsv(track);
    const rows = text.trim().split('\n');
    expect(rows[0]!.split(',').slice(4)).toEqual(['scene_vertical_tilt_deg', 'scene_vertical_lines', 'scene_vertical_scatter_deg']);
    expect(rows[1]!.split(',').slice(4)).toEqual(['-0.531', '23', '1.07']);
    expect(rows[2]!.split(',').slice(4)).toEqual(['-0.531', '23', '1.07']);
    const back = parseKeypointCsv(text, { name: 'keypoints.csv' });
    expect(back.sceneVertical).toEqual({ tiltDeg: -0.531, lines: 23, scatterDeg: 1.07 });
    expect(Object.keys(back.keypoints)).toEqual(['left_hip']);
    const { sceneVertical: _dropped, ...bare } = track;
    expect(parseKeypointCsv(formatKeypointCsv(bare), { name: 'x' }).sceneVertical).toBeUndefined();
    expect(codeOf(() => parseKeypointCsv('time_s,a_x,a_y,scene_vertical_lines\n0,1,2,3\n', { name: 'x' }))).toBe('CSV_BAD_HEADER');
  });

  it('refuses a foot part with only some of its motion columns, naming the missing one', () => {
    const text = 'time_s,a_x,a_y,left_toe_motion_dx_px,left_toe_motion_dy_px\n0,1,2,0.5,0.1\n';
    expect(codeOf(() => parseKeypointCsv(text, { name: 'x' }))).toBe('CSV_BAD_HEADER');
    expect(messageOf(() => parseKeypointCsv(text, { name: 'x' }))).toMatch(/left_toe_motion_ncc/);
    expect(codeOf(() => parseKeypointCsv('time_s,left_toe_motion_dx_px,left_toe_motion_dy_px,left_toe_motion_ncc\n0,1,2,3\n', { name: 'x' }))).toBe('CSV_BAD_HEADER');
  });

  it('round-trips the RBDS fixture exactly', () => {
    const text = readFileSync('fixtures/rbds/RBDS001_T25/keypoints_rear_30fps.csv', 'utf8');
    const a = parseKeypointCsv(text, { name: 'a' });
    const b = parseKeypointCsv(formatKeypointCsv(a), { name: 'b' });
    expect(b.keypoints).toEqual(a.keypoints);
    expect(b.timesSec).toEqual(a.timesSec);
  });
});
