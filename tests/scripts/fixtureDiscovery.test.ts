// `npm run validate` on fixtures this project does not have (LOPSIDED_FIXTURES_DIR): the trials and clips are found
// from the folder's layout, not from a list of the project's own names.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Loaders = typeof import('../../scripts/validate/truthLoaders');

let dir = '';
let loaders: Loaders;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lopsided fixtures ü-'));
  const truth = { events: [{ side: 'right', foot_strike_s: 2.5, toe_off_s: 2.75 }, { side: 'left', foot_strike_s: 2.85, toe_off_s: 3.1 }] };
  for (const trial of ['RBDS010_T25', 'RBDS003_T45']) {
    mkdirSync(join(dir, 'rbds', trial), { recursive: true });
    writeFileSync(join(dir, 'rbds', trial, 'truth.json'), JSON.stringify(truth));
  }
  mkdirSync(join(dir, 'rbds', 'notes')); // a folder without truth.json is not a trial
  // keypoints at the frame rates this trial has (not every one of this project's 30, 60 and 120)
  for (const f of ['keypoints_side_120fps.csv', 'keypoints_side_60fps.csv', 'keypoints_rear_100fps.csv', 'keypoints_side_60fps.csv.bak']) {
    writeFileSync(join(dir, 'rbds', 'RBDS010_T25', f), 'time_s\n0\n');
  }
  mkdirSync(join(dir, 'synthetic'));
  for (const view of ['rear', 'left', 'side']) {
    const stem = join(dir, 'synthetic', `RBDS010_T25_${view}`);
    writeFileSync(`${stem}_meta.json`, JSON.stringify({ trial: 'RBDS010_T25', view, t0: 1.5, fps: 120, w: 1920, h: 1080, f_px: 2000, speed_m_s: 2.5 }));
    writeFileSync(`${stem}.mp4`, '');
    writeFileSync(`${stem}_truth.csv`, 'video_time_s,trial_time_s,left_hip_x,left_hip_y\n0,1.5,10,20\n0.5,2,11,21\n');
  }
  // a clip whose run's force-plate events are not in the folder is left out
  const orphan = join(dir, 'synthetic', 'RBDS004_T35_side');
  writeFileSync(`${orphan}_meta.json`, JSON.stringify({ trial: 'RBDS004_T35', view: 'side', t0: 0, fps: 60, w: 1, h: 1, f_px: 1, speed_m_s: 3.5 }));
  writeFileSync(`${orphan}.mp4`, '');
  writeFileSync(`${orphan}_truth.csv`, 'video_time_s,trial_time_s\n0,0\n');
  // a clip without its truth csv is not scored
  writeFileSync(join(dir, 'synthetic', 'RBDS003_T45_side_meta.json'), JSON.stringify({ trial: 'RBDS003_T45', view: 'side', t0: 0, fps: 60, w: 1, h: 1, f_px: 1, speed_m_s: 4.5 }));
  writeFileSync(join(dir, 'synthetic', 'RBDS003_T45_side.mp4'), '');
  mkdirSync(join(dir, 'videos'));
  writeFileSync(join(dir, 'videos', 'my run ü_60fps.mp4'), '');
  writeFileSync(join(dir, 'videos', 'my run ü_60fps.events.json'), JSON.stringify({ fps: 60, events: [{ foot: 'left', footStrikeFrame: 30, toeOffFrame: 45 }] }));
  writeFileSync(join(dir, 'videos', 'unmarked_30fps.mp4'), '');
  vi.stubEnv('LOPSIDED_FIXTURES_DIR', dir);
  vi.resetModules();
  loaders = await import('../../scripts/validate/truthLoaders');
});

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('validation fixtures found from the folder (LOPSIDED_FIXTURES_DIR)', () => {
  it('reads every trial folder with a truth.json, and nothing else', () => {
    expect(loaders.FIXTURES).toBe(dir);
    expect(loaders.rbdsTrials()).toEqual(['RBDS003_T45', 'RBDS010_T25']);
  });

  it('finds the frame rates each trial has keypoints at, per view', () => {
    expect(loaders.rbdsRates('RBDS010_T25', 'side')).toEqual([60, 120]);
    expect(loaders.rbdsRates('RBDS010_T25', 'rear')).toEqual([100]);
    expect(loaders.rbdsRates('RBDS003_T45', 'side')).toEqual([]);
    expect(loaders.topRbdsRate('RBDS010_T25', 'side')).toBe(120);
    expect(() => loaders.topRbdsRate('RBDS003_T45', 'rear')).toThrow(/rbds\/RBDS003_T45 has no keypoints_rear_<fps>fps\.csv/);
  });

  it('reads each rendered clip from its meta: its run, view, start and scale; the clip from the left is a trial of its own', () => {
    const clips = loaders.renderedClips();
    expect(clips.map((c) => c.name)).toEqual(['RBDS010_T25_side', 'RBDS010_T25_left', 'RBDS010_T25_rear']);
    const left = clips[1];
    expect(left).toMatchObject({ run: 'RBDS010_T25', view: 'left', caseTrial: 'RBDS010_T25_left', t0Sec: 1.5, fps: 120, beltSpeedMps: 2.5 });
    expect(loaders.renderedClipOf({ trial: 'RBDS010_T25_left', view: 'side' })?.name).toBe('RBDS010_T25_left');
    expect(loaders.renderedClipOf({ trial: 'RBDS010_T25', view: 'rear' })?.name).toBe('RBDS010_T25_rear');
    expect(loaders.renderedClipOf({ trial: 'RBDS010_T25', view: 'side' })?.name).toBe('RBDS010_T25_side');
    // force-plate events in clip time, joint truth at the meta's frame size
    expect(loaders.loadRenderedTruth(left!).map((e) => e.timeSec)).toEqual([1, 1.25, 1.35, 1.6]);
    const joints = loaders.loadSyntheticJointTruth(left!);
    expect([joints.width, joints.height, joints.timesSec]).toEqual([1920, 1080, [0, 0.5]]);
    expect(loaders.syntheticSideScale(left!)).toEqual({ beltSpeedMps: 2.5, pxPerCm: 5 });
  });

  it('reads each video marked by eye, by its stem, with its frame rate (paths with spaces and unicode)', () => {
    expect(loaders.eyeMarkedClips()).toEqual([{ stem: 'my run ü_60fps', trial: 'my run ü', video: join(dir, 'videos', 'my run ü_60fps.mp4'), fps: 60 }]);
    // "the first frame in which": the event itself half a frame before
    expect(loaders.loadEyeTruth('my run ü_60fps').events).toEqual([
      { side: 'left', type: 'footStrike', timeSec: 29.5 / 60 }, { side: 'left', type: 'toeOff', timeSec: 44.5 / 60 }]);
  });
});
