// Measurements pinned on the review screen are among the PDF's key frames (issue 13): the frame they were drawn on,
// their geometry, and their value in degrees in the caption. Frames come from a stand-in decoder (half the track's
// resolution, so the display → decoded scale is exercised) over the real side-view fixture track.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { prepareKeyFrames, type FrameSource } from '../../../src/main/report/keyFramesSection';
import { writeReportPdf } from '../../../src/main/report/writeReportPdf';
import type { FrameMeasurement } from '../../../src/shared/api';
import type { RgbFrame } from '../../../src/shared/contract';
import { pdfText, squash } from './pdfTools';
import { makeSampleResult } from './sampleResult';

const dir = mkdtempSync(join(tmpdir(), 'lopsided-pinned-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const track = parseKeypointCsv(readFileSync('fixtures/posetracks/RBDS008_T35_side.blazepose-full.csv', 'utf8'), { name: 'side.csv', width: 1280, height: 720 });
const result = makeSampleResult({ view: 'side', video: { path: 'side.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 } });

/** A grey 640×360 frame for any time (the track is 1280×720: decoded = display × 0.5); records what was asked. */
function fakeFrames(asked: number[]): FrameSource {
  return async (timeSec) => {
    asked.push(timeSec);
    const width = 640;
    const height = 360;
    const frame: RgbFrame = { index: 0, timeSec, width, height, data: new Uint8Array(width * height * 3).fill(128), scaleToDisplay: 2 };
    return frame;
  };
}

// A right angle at (600, 300) — 90.0° by construction — and a line 3 px across for 4 px down: atan(3/4) = 36.87° to vertical.
const knee: FrameMeasurement = { id: 'knee', kind: 'angle', frame: 240, points: [{ x: 600, y: 200 }, { x: 600, y: 300 }, { x: 700, y: 300 }], pinned: true };
const shin: FrameMeasurement = { id: 'shin', kind: 'vertical', frame: 120, points: [{ x: 500, y: 400 }, { x: 530, y: 440 }], pinned: true };
const notPinned: FrameMeasurement = { id: 'loose', kind: 'horizontal', frame: 60, points: [{ x: 100, y: 100 }, { x: 200, y: 110 }] };

describe('pinned measurements as key frames', () => {
  it('adds each pinned measurement’s own frame and geometry, in frame order, and leaves unpinned ones out', async () => {
    const asked: number[] = [];
    const keyFrames = await prepareKeyFrames(result, track, fakeFrames(asked), undefined, [knee, notPinned, shin]);
    expect(keyFrames.pinned.map((p) => p.measurement.id)).toEqual(['shin', 'knee']);
    for (const [img, m] of [[keyFrames.pinned[0]!, shin], [keyFrames.pinned[1]!, knee]] as const) {
      expect(img.frameIndex).toBe(m.frame);
      expect(img.timeSec).toBe(track.timesSec[m.frame]);
      expect(asked).toContain(track.timesSec[m.frame]! + 1e-4);
      expect(img.measurement.points).toEqual(m.points);
      expect(img.displayToDecoded).toBe(0.5);
      // every drawn point lies inside the cropped picture (decoded pixels)
      for (const p of m.points) {
        expect(p.x * 0.5).toBeGreaterThanOrEqual(img.crop.x);
        expect(p.x * 0.5).toBeLessThanOrEqual(img.crop.x + img.crop.width);
        expect(p.y * 0.5).toBeGreaterThanOrEqual(img.crop.y);
        expect(p.y * 0.5).toBeLessThanOrEqual(img.crop.y + img.crop.height);
      }
    }
    expect(keyFrames.pinned[1]!.caption).toBe(`Angle 90.0° · frame 240 · ${track.timesSec[240]!.toFixed(2)} s`);
    expect(keyFrames.pinned[0]!.caption).toMatch(/^Line 36\.9° to vertical · frame 120 · /);
    expect(asked).not.toContain(track.timesSec[60]! + 1e-4);
  });

  it('says why a pinned measurement on a frame the clip does not have is missing', async () => {
    const keyFrames = await prepareKeyFrames(result, track, fakeFrames([]), undefined, [{ ...knee, frame: track.timesSec.length + 5 }]);
    expect(keyFrames.pinned).toEqual([]);
    expect(keyFrames.notes.join(' ')).toContain(`The pinned measurement on frame ${track.timesSec.length + 5} could not be shown: the clip has no frame`);
  });

  it('prints the pinned measurement with its value in the PDF, and nothing of an unpinned one', async () => {
    const out = join(dir, 'pinned.pdf');
    await writeReportPdf(result, out, { track, frameSource: fakeFrames([]), measurements: [knee, notPinned], reportDate: new Date('2026-12-06T12:00:00Z') });
    const text = squash(await pdfText(out));
    expect(text).toContain('Pinned measurements');
    expect(text).toContain(`Angle 90.0° · frame 240 · ${track.timesSec[240]!.toFixed(2)} s`);
    expect(text).not.toContain('frame 60');
    expect(text).not.toContain('to horizontal');
  }, 60_000);
});
