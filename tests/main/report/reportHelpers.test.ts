// Pure helpers of the report (issue 5): chart ticks and domains, key-frame choice, crops, poses.
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { niceTicks, paddedDomain } from '../../../src/main/report/chartFrame';
import { cropAround, encodeCropJpeg } from '../../../src/main/report/frameJpeg';
import { humaniseKey } from '../../../src/main/report/notesSection';
import { pickKeyStances } from '../../../src/main/report/pickKeyFrames';
import { nearestFrameIndex, poseAtTime, poseBounds } from '../../../src/main/report/poseAtTime';
import { NOT_COMPARED, TOO_FEW_STEPS, metricFlagLevel, metricLevelOrNotCompared } from '../../../src/shared/flagLevel';
import type { AnalysisResult, PoseTrack, RgbFrame } from '../../../src/shared/contract';
import { makeSampleResult } from './sampleResult';

describe('chart axes', () => {
  it('puts ticks on 1-2-5 steps inside the domain', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(233, 271, 4)).toEqual([240, 250, 260, 270]);
    expect(niceTicks(-4.2, 9.1, 5)).toEqual([-4, -2, 0, 2, 4, 6, 8]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('pads the domain to tick multiples, never below zero for non-negative data', () => {
    const [lo, hi] = paddedDomain([235, 271, Number.NaN], [0, 1]);
    expect(lo).toBeLessThan(235);
    expect(hi).toBeGreaterThan(271);
    expect(paddedDomain([3, 80], [0, 1])[0]).toBe(0);
    expect(paddedDomain([-3, 8], [0, 1])[0]).toBeLessThan(-3);
    expect(paddedDomain([Number.NaN], [0, 1])).toEqual([0, 1]);
  });
});

describe('key frame choice', () => {
  it('picks, per side, the inner stance whose contact time is nearest the side median', () => {
    const result = makeSampleResult({ view: 'side' });
    const picks = pickKeyStances(result);
    for (const side of ['left', 'right'] as const) {
      const pick = picks[side];
      expect(pick?.side).toBe(side);
      const own = (result.steps ?? []).filter((s) => s.side === side && s.contactMs !== null).slice(1, -1);
      const contacts = own.map((s) => s.contactMs as number).sort((a, b) => a - b);
      const median = contacts[Math.floor(contacts.length / 2)] as number;
      const bestDistance = Math.min(...own.map((s) => Math.abs((s.contactMs as number) - median)));
      expect(Math.abs((pick?.step?.contactMs ?? 0) - median)).toBeLessThanOrEqual(bestDistance + 1.5);
      expect(pick?.midStanceTimeSec).toBeCloseTo(((pick?.step?.strikeTimeSec ?? 0) + (pick?.step?.toeOffTimeSec ?? 0)) / 2, 9);
    }
  });

  it('rear view: chooses by strike to toe-off when contact times are not reported, and shows mid-stance where the hip drop was read', () => {
    const result = makeSampleResult({ view: 'rear' });
    // as a rear clip's result: no contact times, each stance's hip drop read at the pelvis's low 60 ms into it
    result.steps = (result.steps ?? []).map((s) => ({ ...s, contactMs: null, flightMs: null, stepMs: null, midStanceTimeSec: s.strikeTimeSec + 0.06 }));
    const picks = pickKeyStances(result);
    for (const side of ['left', 'right'] as const) {
      const pick = picks[side];
      expect(pick?.step).not.toBeNull();
      expect(pick?.midStanceTimeSec).toBeCloseTo((pick?.step?.strikeTimeSec ?? Number.NaN) + 0.06, 9);
    }
  });

  it('falls back to strike/toe-off events when there are no step rows', () => {
    const result = makeSampleResult({ view: 'side' });
    delete result.steps;
    const picks = pickKeyStances(result);
    expect(picks.left?.step).toBeNull();
    expect(picks.left && picks.left.midStanceTimeSec > picks.left.strikeTimeSec).toBe(true);
  });
});

describe('flag level per metric', () => {
  it('takes the most serious flag, or null when none was raised', () => {
    const flags = [
      { id: 'a', metricId: 'contactTimeMs' as const, level: 'normal' as const, message: '' },
      { id: 'b', metricId: 'contactTimeMs' as const, level: 'marked' as const, message: '' },
      { id: 'c', metricId: 'contactTimeMs' as const, level: 'watch' as const, message: '' },
    ];
    expect(metricFlagLevel(flags, 'contactTimeMs')).toBe('marked');
    expect(metricFlagLevel(flags, 'hipDropDeg')).toBeNull();
  });

  it('says "not compared" for a metric with one side only, "too few steps" for one on fewer than 8 steps of a side, and nothing for an unflagged one with both', () => {
    const metric = (left: number | null, right: number | null, steps = 10) => ({
      left, right, unit: 'ms', differenceCi95: null, symmetryIndexPct: null,
      perStep: { left: left === null ? [] : Array<number>(steps).fill(left), right: right === null ? [] : Array<number>(10).fill(right) },
    });
    const result = {
      flags: [{ id: 'a', metricId: 'stepTimeMs' as const, level: 'unclear' as const, message: '' }],
      metrics: { contactTimeMs: metric(300, null), flightTimeMs: metric(null, 60), dutyFactorPct: metric(40, 41), stepTimeMs: metric(350, 352), armSwingDeg: metric(30, 25, 7) },
    } as unknown as AnalysisResult;
    expect(metricLevelOrNotCompared(result, 'contactTimeMs')).toBe(NOT_COMPARED);
    expect(metricLevelOrNotCompared(result, 'flightTimeMs')).toBe(NOT_COMPARED);
    expect(metricLevelOrNotCompared(result, 'dutyFactorPct')).toBeNull();
    expect(metricLevelOrNotCompared(result, 'stepTimeMs')).toBe('unclear');
    expect(metricLevelOrNotCompared(result, 'armSwingDeg')).toBe(TOO_FEW_STEPS);
  });
});

describe('crops and JPEG', () => {
  it('keeps the crop inside the frame with the requested aspect', () => {
    const frame = { width: 640, height: 360 };
    const crop = cropAround(frame, { x: 300, y: 40, width: 80, height: 280 }, 0.8);
    expect(crop.width / crop.height).toBeCloseTo(0.8, 1);
    expect(crop.x).toBeGreaterThanOrEqual(0);
    expect(crop.y).toBeGreaterThanOrEqual(0);
    expect(crop.x + crop.width).toBeLessThanOrEqual(640);
    expect(crop.y + crop.height).toBeLessThanOrEqual(360);
    // The runner's box lies inside the crop.
    expect(crop.x).toBeLessThanOrEqual(300);
    expect(crop.x + crop.width).toBeGreaterThanOrEqual(380);
    expect(cropAround(frame, null, 0.8).height).toBe(360);
  });

  it('encodes exactly the cropped pixels', () => {
    const width = 64;
    const height = 48;
    const data = new Uint8Array(width * height * 3);
    // Left half red, right half blue.
    for (let i = 0; i < width * height; i++) data.set((i % width) < 32 ? [220, 20, 20] : [20, 20, 220], i * 3);
    const frame: RgbFrame = { index: 0, timeSec: 0, width, height, data, scaleToDisplay: 1 };
    const bytes = encodeCropJpeg(frame, { x: 32, y: 8, width: 16, height: 16 }, 90);
    const img = jpeg.decode(bytes, { useTArray: true });
    expect([img.width, img.height]).toEqual([16, 16]);
    const centre = (8 * 16 + 8) * 4;
    expect(img.data[centre + 2]).toBeGreaterThan(180); // blue
    expect(img.data[centre]).toBeLessThan(60);
  });
});

describe('pose at a time', () => {
  const track: PoseTrack = {
    timesSec: [0, 0.033, 0.067, 0.1],
    width: 640,
    height: 360,
    source: { kind: 'csv', name: 't.csv' },
    keypoints: {
      left_knee: { x: [1, 2, 3, 4], y: [10, 20, 30, 40], score: [0.9, 0.9, 0.9, 0.9] },
      left_ankle: { x: [1, 2, 300, 4], y: [10, 20, 300, 40], score: [0.9, 0.9, 0.1, 0.9] },
      left_hip: { x: [5, 6, Number.NaN, 8], y: [5, 6, 7, 8], score: [0.9, 0.9, 0.9, 0.9] },
      right_hip: { x: [9, 9, 9, 9], y: [1, 1, 1, 1], score: [0.9, 0.9, 0.9, 0.9] },
      right_knee: { x: [2, 2, 2, 2], y: [50, 50, 50, 50], score: [0.9, 0.9, 0.9, 0.9] },
    },
  };

  it('finds the nearest frame by time', () => {
    expect(nearestFrameIndex(track.timesSec, 0.055)).toBe(2);
    expect(nearestFrameIndex(track.timesSec, 0.049)).toBe(1);
    expect(nearestFrameIndex(track.timesSec, 9)).toBe(3);
    expect(nearestFrameIndex([], 1)).toBe(-1);
  });

  it('drops missing joints and bounds only the confident ones', () => {
    const pose = poseAtTime(track, 0.066);
    expect(pose?.frameIndex).toBe(2);
    expect(pose?.timeSec).toBe(0.067);
    expect(pose?.points.left_hip).toBeUndefined();
    // The unsure ankle (score 0.1) at (300, 300) does not stretch the box.
    expect(poseBounds(pose!)).toEqual({ minX: 2, minY: 1, maxX: 9, maxY: 50 });
  });

  it('humanises method keys for the method section', () => {
    expect(humaniseKey('eventMethod')).toBe('Event method');
    expect(humaniseKey('pose_model')).toBe('Pose model');
  });
});
