// Key frames from real video (issue 5, section 4): frames decoded by the video station, cropped
// around the runner, JPEG-encoded, skeleton from the PoseTrack. Decoding is the slow part, so each
// frame is decoded once (memoised frame source) and shared by the checks and the PDF.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { prepareKeyFrames, type FrameSource, type KeyFrames } from '../../../src/main/report/keyFramesSection';
import { MIN_DRAW_SCORE } from '../../../src/main/report/poseAtTime';
import { writeReportPdf } from '../../../src/main/report/writeReportPdf';
import { extractFrameAt } from '../../../src/main/video/extractFrameAt';
import { probeVideo } from '../../../src/main/video/probeVideo';
import type { AnalysisResult, PoseTrack, RgbFrame } from '../../../src/shared/contract';
import { pdfImages, pdfText, squash } from './pdfTools';
import { loadReportInput } from './reportInput';
import { pickKeyStances } from '../../../src/main/report/pickKeyFrames';
import { makeSampleResult, type Contact } from './sampleResult';

const dir = mkdtempSync(join(tmpdir(), 'lopsided-keyframes-'));
const DATE = new Date('2026-11-25T12:00:00Z');

interface Case {
  name: string;
  result: AnalysisResult;
  track: PoseTrack;
  videoPath: string;
  frames: FrameSource;
  keyFrames: KeyFrames;
  pdfPath: string;
}

async function memoFrames(videoPath: string): Promise<FrameSource> {
  const info = await probeVideo(videoPath);
  const cache = new Map<number, Promise<RgbFrame>>();
  return (t) => {
    const hit = cache.get(t) ?? extractFrameAt(info, t, { longSide: 1280 });
    cache.set(t, hit);
    return hit;
  };
}

/** The rear synthetic clip with its force-plate contacts (fixtures/synthetic/README.md: video time = trial time − 2 s). */
function syntheticRear(): Omit<Case, 'frames' | 'keyFrames' | 'pdfPath'> {
  const truth = JSON.parse(readFileSync('fixtures/rbds/RBDS008_T35/truth.json', 'utf8')) as { events: { side: 'left' | 'right'; foot_strike_s: number; toe_off_s: number }[] };
  const contacts: Contact[] = truth.events
    .map((e) => ({ side: e.side, strikeSec: e.foot_strike_s - 2, toeOffSec: e.toe_off_s - 2 }))
    .filter((c) => c.strikeSec >= 0 && c.toeOffSec < 10);
  const videoPath = 'fixtures/synthetic/RBDS008_T35_rear.mp4';
  const track = parseKeypointCsv(readFileSync('fixtures/posetracks/RBDS008_T35_rear.blazepose-full.csv', 'utf8'), { name: 'RBDS008_T35_rear.blazepose-full.csv', width: 1280, height: 720 });
  const result = makeSampleResult({ view: 'rear', contacts, video: { path: videoPath, fps: 60, durationSec: 10, width: 1280, height: 720 } });
  return { name: 'synthetic-rear', result, track, videoPath };
}

function realSide(): Omit<Case, 'frames' | 'keyFrames' | 'pdfPath'> {
  const input = loadReportInput();
  if (input.track && input.videoPath) return { name: 'real-side', result: input.result, track: input.track, videoPath: input.videoPath };
  // Analysis not there yet: the side synthetic clip with its truth contacts instead.
  const rear = syntheticRear();
  const videoPath = 'fixtures/synthetic/RBDS008_T35_side.mp4';
  const track = parseKeypointCsv(readFileSync('fixtures/posetracks/RBDS008_T35_side.blazepose-full.csv', 'utf8'), { name: 'side.csv', width: 1280, height: 720 });
  const contacts = (rear.result.steps ?? []).map((s) => ({ side: s.side, strikeSec: s.strikeTimeSec, toeOffSec: s.toeOffTimeSec ?? s.strikeTimeSec + 0.25 }));
  return { name: 'synthetic-side', result: makeSampleResult({ view: 'side', contacts, video: { ...rear.result.video, path: videoPath } }), track, videoPath };
}

const cases: Case[] = [];

beforeAll(async () => {
  for (const base of [realSide(), syntheticRear()]) {
    const frames = await memoFrames(base.videoPath);
    const keyFrames = await prepareKeyFrames(base.result, base.track, frames);
    const pdfPath = join(dir, `${base.name}.pdf`);
    await writeReportPdf(base.result, pdfPath, { track: base.track, frameSource: frames, reportDate: DATE });
    cases.push({ ...base, frames, keyFrames, pdfPath });
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('key frames from the fixture videos', () => {
  it('decodes four frames (strike and mid-stance of each side) with no notes', () => {
    for (const c of cases) {
      expect(c.keyFrames.notes, c.name).toEqual([]);
      expect(c.keyFrames.images.map((i) => `${i.side}-${i.moment}`).sort(), c.name).toEqual(['left-midStance', 'left-strike', 'right-midStance', 'right-strike']);
    }
  });

  it('crops around the runner: every drawn joint lies inside its crop, and the JPEG is the crop', () => {
    for (const c of cases) {
      for (const img of c.keyFrames.images) {
        const joints = Object.values(img.pose.points).filter((p) => p.score >= MIN_DRAW_SCORE);
        expect(joints.length, `${c.name} ${img.side} ${img.moment}`).toBeGreaterThan(8);
        for (const p of joints) {
          const x = p.x * img.displayToDecoded;
          const y = p.y * img.displayToDecoded;
          expect(x).toBeGreaterThanOrEqual(img.crop.x);
          expect(x).toBeLessThanOrEqual(img.crop.x + img.crop.width);
          expect(y).toBeGreaterThanOrEqual(img.crop.y);
          expect(y).toBeLessThanOrEqual(img.crop.y + img.crop.height);
        }
        const decoded = jpeg.decode(img.jpeg, { useTArray: true });
        expect([decoded.width, decoded.height]).toEqual([img.crop.width, img.crop.height]);
      }
    }
  });

  it('uses the track frame nearest each event, so skeleton and picture are the same instant', async () => {
    for (const c of cases) {
      for (const img of c.keyFrames.images) {
        const frame = await c.frames(img.pose.timeSec + 1e-4);
        expect(Math.abs(frame.timeSec - img.pose.timeSec), c.name).toBeLessThan(1e-3);
      }
    }
  });

  it('embeds the four frames as JPEG on one page, captioned, and stays far below 3 MB', async () => {
    for (const c of cases) {
      const images = await pdfImages(c.pdfPath);
      expect(images.length, c.name).toBe(4);
      expect(new Set(images.map((i) => i.page)).size).toBe(1);
      for (const i of images) {
        expect(i.enc).toBe('jpeg');
        expect(i.height).toBeGreaterThanOrEqual(200);
      }
      const text = squash(await pdfText(c.pdfPath));
      for (const caption of ['Left foot strike', 'Left mid-stance', 'Right foot strike', 'Right mid-stance']) expect(text).toContain(caption);
      const size = statSync(c.pdfPath).size;
      console.info(`${c.name}: ${(size / 1024).toFixed(0)} KiB, ${images.map((i) => `${i.width}x${i.height}`).join(', ')}`);
      expect(size).toBeLessThan(1_500_000);
    }
  });
});

describe('key frames when the video cannot be read', () => {
  it('still writes the report, saying why the frames are missing', async () => {
    const c = cases[1] as Case;
    const out = join(dir, 'no-video.pdf');
    await writeReportPdf(c.result, out, { track: c.track, videoPath: join(dir, 'gone.mp4'), reportDate: DATE });
    const text = squash(await pdfText(out));
    expect(text).toMatch(/Key frames are not included: the video could not be opened \(.*gone\.mp4/);
    expect(await pdfImages(out)).toEqual([]);
  });
});

describe('key frames without a pose track', () => {
  it('shows the bare frames, centred, with a note that there is no skeleton', async () => {
    const result = makeSampleResult({ view: 'side' });
    const asked: number[] = [];
    const frames: FrameSource = async (t) => {
      asked.push(t);
      return { index: 0, timeSec: t, width: 640, height: 360, data: new Uint8Array(640 * 360 * 3).fill(128), scaleToDisplay: 3 };
    };
    const kf = await prepareKeyFrames(result, undefined, frames);
    expect(kf.images).toHaveLength(4);
    expect(kf.notes).toEqual(['No pose track was given to the report, so the key frames show no skeleton.']);
    // Full-height centred portrait crop of the 640x360 frame.
    for (const img of kf.images) expect(img.crop).toEqual({ x: 176, y: 0, width: 288, height: 360 });
    // Frames asked for at the chosen strike and mid-stance times themselves.
    const left = pickKeyStances(result).left;
    expect(asked).toContain((left?.strikeTimeSec ?? Number.NaN) + 1e-4);
  });
});
