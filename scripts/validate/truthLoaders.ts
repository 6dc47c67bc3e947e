// Loaders for the ground truth of the validation: RBDS force-plate events, the rendered clips (the same events shifted
// by the clip start), the clips marked by eye, and the demo clip's third-party RTMPose track. Trials and clips are
// found from the fixtures folder's layout, so the same checks run on any other folder laid out alike.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { parseKeypointCsv } from '../../src/analysis/keypointCsv';
import type { GaitEventType, KeypointSeries, PoseTrack, Side } from '../../src/analysis/types';

// scripts/validate/ when run with tsx, dist/ when bundled into dist/validate.js (npm run validate).
// LOPSIDED_FIXTURES_DIR runs every check on another fixtures folder of the same layout (rbds/<trial>/truth.json and
// keypoint CSVs, synthetic/, videos/, posetracks/): trials and clips this project does not have.
export const FIXTURES = process.env.LOPSIDED_FIXTURES_DIR
  ? resolve(process.env.LOPSIDED_FIXTURES_DIR)
  : [join(import.meta.dirname, '..', '..', 'fixtures'), join(import.meta.dirname, '..', 'fixtures')]
    .find((p) => existsSync(join(p, 'rbds'))) ?? join(process.cwd(), 'fixtures');

export interface TruthEvent { side: Side; type: GaitEventType; timeSec: number }

interface RbdsTruthJson {
  events: { side: Side; foot_strike_s: number; toe_off_s: number }[];
}

/** Every RBDS-format trial in the fixtures (a folder of rbds/ with a truth.json), by name. */
export function rbdsTrials(): string[] {
  const dir = join(FIXTURES, 'rbds');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'truth.json'))).sort();
}

/** Force-plate events of an RBDS trial (vertical force crossing 50 N), optionally shifted (video time = trial − shift). */
export function loadRbdsTruth(trial: string, shiftSec = 0): TruthEvent[] {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as RbdsTruthJson;
  const out: TruthEvent[] = [];
  for (const e of json.events) {
    out.push({ side: e.side, type: 'footStrike', timeSec: e.foot_strike_s - shiftSec });
    out.push({ side: e.side, type: 'toeOff', timeSec: e.toe_off_s - shiftSec });
  }
  return out.sort((a, b) => a.timeSec - b.timeSec);
}

export function loadCsvTrack(path: string): PoseTrack {
  return parseKeypointCsv(readFileSync(path, 'utf8'), { name: basename(path) });
}

export function loadRbdsTrack(trial: string, view: 'side' | 'rear', fps: number): PoseTrack {
  return loadCsvTrack(join(FIXTURES, 'rbds', trial, `keypoints_${view}_${fps}fps.csv`));
}

/**
 * The frame rates a trial has keypoints of for a view, lowest first (this project's trials: 30, 60 and 120 fps;
 * another fixtures folder may have fewer or others).
 */
export function rbdsRates(trial: string, view: 'side' | 'rear'): number[] {
  const name = new RegExp(`^keypoints_${view}_(\\d+)fps\\.csv$`);
  return readdirSync(join(FIXTURES, 'rbds', trial))
    .map((f) => name.exec(f)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The highest frame rate a trial has keypoints of for a view (its truth angles are read there). */
export function topRbdsRate(trial: string, view: 'side' | 'rear'): number {
  const rates = rbdsRates(trial, view);
  const top = rates[rates.length - 1];
  if (top === undefined) throw new Error(`rbds/${trial} has no keypoints_${view}_<fps>fps.csv`);
  return top;
}

/** Which way a rendered clip films its run: from the runner's right ('side'), from the left, or from behind. */
export type RenderedView = 'side' | 'left' | 'rear';

/**
 * One rendered clip of fixtures/synthetic (found by its `<run>_<view>_meta.json`): `run` is the RBDS trial whose force
 * plate gives its events (video time = trial time − t0Sec); `caseTrial` names it in the tables (the clip from the left
 * is a trial of its own: its near leg is the other one).
 */
export interface RenderedClip {
  run: string;
  view: RenderedView;
  name: string;
  caseTrial: string;
  t0Sec: number;
  fps: number;
  widthPx: number;
  heightPx: number;
  focalPx: number;
  /** Image scale at the runner's mid-plane: the focal length over the 4 m to it (fixtures/synthetic/README.md). */
  pxPerCm: number;
  beltSpeedMps: number;
  video: string;
}

interface RenderedMetaJson { trial: string; view: RenderedView; t0: number; fps: number; w: number; h: number; f_px: number; speed_m_s: number }

/** Every rendered clip in the fixtures, by run then view (side, left, rear). */
export function renderedClips(): RenderedClip[] {
  const dir = join(FIXTURES, 'synthetic');
  if (!existsSync(dir)) return [];
  const order: RenderedView[] = ['side', 'left', 'rear'];
  return readdirSync(dir)
    .filter((f) => f.endsWith('_meta.json'))
    .map((f): RenderedClip => {
      const meta = JSON.parse(readFileSync(join(dir, f), 'utf8')) as RenderedMetaJson;
      const name = f.slice(0, -'_meta.json'.length);
      return {
        run: meta.trial, view: meta.view, name, caseTrial: meta.view === 'left' ? `${meta.trial}_left` : meta.trial,
        t0Sec: meta.t0, fps: meta.fps, widthPx: meta.w, heightPx: meta.h, focalPx: meta.f_px, pxPerCm: meta.f_px / 400, beltSpeedMps: meta.speed_m_s,
        video: join(dir, `${name}.mp4`),
      };
    })
    .filter((c) => order.includes(c.view) && existsSync(c.video) && existsSync(join(dir, `${c.name}_truth.csv`)) && hasRunTruth(c))
    .sort((a, b) => a.run.localeCompare(b.run) || order.indexOf(a.view) - order.indexOf(b.view));
}

const saidMissing = new Set<string>();

/** A rendered clip's events are its run's force-plate events (rbds/<run>/truth.json): without them it is left out, said once. */
function hasRunTruth(c: RenderedClip): boolean {
  if (existsSync(join(FIXTURES, 'rbds', c.run, 'truth.json'))) return true;
  if (!saidMissing.has(c.name)) console.error(`${c.name}: left out, its run's events (rbds/${c.run}/truth.json) are not in the fixtures`);
  saidMissing.add(c.name);
  return false;
}

/** The rendered clip a validation case names (its trial and view), if it is one. */
export function renderedClipOf(c: { trial: string; view: 'side' | 'rear' }): RenderedClip | undefined {
  return renderedClips().find((r) => r.caseTrial === c.trial && (r.view === 'rear') === (c.view === 'rear'));
}

/** The rendered clip of `run` filmed from `view`, if the fixtures have it. */
export function renderedClipFor(run: string, view: RenderedView): RenderedClip | undefined {
  return renderedClips().find((r) => r.run === run && r.view === view);
}

/** The run this project's own rendered clips film (fixtures/synthetic/README.md): the unit tests read it. */
export const OWN_RENDERED_RUN = 'RBDS008_T35';

export function ownRenderedClip(view: RenderedView): RenderedClip {
  const clip = renderedClipFor(OWN_RENDERED_RUN, view);
  if (!clip) throw new Error(`fixtures/synthetic has no ${OWN_RENDERED_RUN}_${view} clip (meta, mp4 and truth csv)`);
  return clip;
}

/** The force-plate events of a rendered clip's run, in the clip's time. */
export function loadRenderedTruth(clip: RenderedClip): TruthEvent[] {
  return loadRbdsTruth(clip.run, clip.t0Sec);
}

/** The exact 2D joint centres of a rendered clip (video time), as a PoseTrack with score 1. */
export function loadSyntheticJointTruth(clip: RenderedClip): PoseTrack {
  const file = `${clip.name}_truth.csv`;
  const text = readFileSync(join(FIXTURES, 'synthetic', file), 'utf8').trim().split(/\r?\n/);
  const header = (text[0] ?? '').split(',');
  const keypoints: Record<string, KeypointSeries> = {};
  const timesSec: number[] = [];
  for (const line of text.slice(1)) {
    const cells = line.split(',').map(Number);
    timesSec.push(cells[0] as number);
    header.forEach((h, j) => {
      const m = /^(.+)_(x|y)$/.exec(h);
      if (!m || !m[1] || j < 2) return;
      const kp = (keypoints[m[1]] ??= { x: [], y: [], score: [] });
      kp[m[2] as 'x' | 'y'].push(cells[j] as number);
      if (m[2] === 'x') kp.score.push(1);
    });
  }
  return { timesSec, width: clip.widthPx, height: clip.heightPx, keypoints, source: { kind: 'csv', name: file } };
}

/** A pose model's stored track of a clip, by the clip's file stem (fixtures/posetracks or LOPSIDED_POSETRACKS_DIR), if made. */
export function storedPoseTrack(stem: string, model: string): string | null {
  const p = posetrackPath(`${stem}.blazepose-${model}.csv`);
  return existsSync(p) ? p : null;
}

interface EyeEventsJson {
  fps: number;
  events: { foot: Side; footStrikeFrame: number | null; toeOffFrame: number | null }[];
}

/** A real clip whose every strike and toe-off was marked by eye: videos/<stem>.mp4 beside <stem>.events.json. */
export interface EyeMarkedClip {
  stem: string;
  /** Its name in the tables: the stem without its frame rate (the demo: `treadmill_side`). */
  trial: string;
  video: string;
  fps: number;
}

/** The demo clip's stem (fixtures/videos/SOURCES.md). */
export const DEMO_STEM = 'treadmill_side_30fps';

/** Every eye-marked clip in the fixtures (the demo, and any other of the same layout). */
export function eyeMarkedClips(): EyeMarkedClip[] {
  const dir = join(FIXTURES, 'videos');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.events.json')).sort().flatMap((f) => {
    const stem = f.slice(0, -'.events.json'.length);
    const video = join(dir, `${stem}.mp4`);
    if (!existsSync(video)) return [];
    const json = JSON.parse(readFileSync(join(dir, f), 'utf8')) as EyeEventsJson;
    return [{ stem, trial: stem.replace(/_\d+fps$/, ''), video, fps: json.fps }];
  });
}

/** The demo clip's eye marks (loadEyeTruth). */
export function loadTreadmillEyeTruth(halfFrameConvention = true): { fps: number; events: TruthEvent[] } {
  return loadEyeTruth(DEMO_STEM, halfFrameConvention);
}

/**
 * Eye-marked events of a clip (±1 frame). Both definitions are "the first frame in which" the heel is down /
 * the toe is up, so the event itself happened in the interval before that frame: its unbiased time is
 * (frame − ½) / fps, which is what `halfFrameConvention` (default on) returns; off gives frame / fps.
 */
export function loadEyeTruth(stem: string, halfFrameConvention = true): { fps: number; events: TruthEvent[] } {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'videos', `${stem}.events.json`), 'utf8')) as EyeEventsJson;
  const events: TruthEvent[] = [];
  for (const e of json.events) {
    const shift = halfFrameConvention ? 0.5 : 0;
    if (e.footStrikeFrame !== null) events.push({ side: e.foot, type: 'footStrike', timeSec: (e.footStrikeFrame - shift) / json.fps });
    if (e.toeOffFrame !== null) events.push({ side: e.foot, type: 'toeOff', timeSec: (e.toeOffFrame - shift) / json.fps });
  }
  return { fps: json.fps, events: events.sort((a, b) => a.timeSec - b.timeSec) };
}

interface RtmposeJson {
  fps: number;
  width: number;
  height: number;
  keypoint_names: string[];
  frames: [number, number, number][][];
}

const HALPE_TO_BLAZEPOSE: Record<string, string> = {
  l_hip: 'left_hip', r_hip: 'right_hip', l_knee: 'left_knee', r_knee: 'right_knee', l_ankle: 'left_ankle',
  r_ankle: 'right_ankle', l_heel: 'left_heel', r_heel: 'right_heel', l_big_toe: 'left_foot_index',
  r_big_toe: 'right_foot_index', l_shoulder: 'left_shoulder', r_shoulder: 'right_shoulder', nose: 'nose',
};

/** The third-party RTMPose (Halpe-26) track of the demo clip, keypoints renamed to BlazePose's names. */
export function loadRtmposeTrack(): PoseTrack {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'videos', 'treadmill_side_30fps.rtmpose-halpe26.json'), 'utf8')) as RtmposeJson;
  const keypoints: Record<string, KeypointSeries> = {};
  json.keypoint_names.forEach((name, k) => {
    const mapped = HALPE_TO_BLAZEPOSE[name];
    if (!mapped) return;
    keypoints[mapped] = {
      x: json.frames.map((f) => f[k]?.[0] ?? Number.NaN),
      y: json.frames.map((f) => f[k]?.[1] ?? Number.NaN),
      score: json.frames.map((f) => f[k]?.[2] ?? 0),
    };
  });
  return {
    timesSec: json.frames.map((_f, i) => i / json.fps),
    width: json.width, height: json.height, keypoints,
    source: { kind: 'csv', name: 'treadmill_side_30fps.rtmpose-halpe26.json' },
  };
}

/** LOPSIDED_POSETRACKS_DIR: validate tracks made afresh (e.g. by another pose runtime, issue 12) instead of the stored ones. */
export function posetrackPath(name: string): string {
  if (process.env.LOPSIDED_POSETRACKS_DIR) return join(process.env.LOPSIDED_POSETRACKS_DIR, name);
  return join(FIXTURES, 'posetracks', name);
}

/** Belt speed (m/s) and the true image scale at the runner's mid-plane (px/cm) of an RBDS trial's side camera. */
export function rbdsSideScale(trial: string): { beltSpeedMps: number; pxPerCm: number } {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as {
    metadata: { speed_m_s: number }; keypoints: { cameras: { side: { px_per_m_at_runner_midplane: number } } };
  };
  return { beltSpeedMps: json.metadata.speed_m_s, pxPerCm: json.keypoints.cameras.side.px_per_m_at_runner_midplane / 100 };
}

/** A rendered side clip's belt speed and scale at the runner. */
export function syntheticSideScale(clip: RenderedClip): { beltSpeedMps: number; pxPerCm: number } {
  return { beltSpeedMps: clip.beltSpeedMps, pxPerCm: clip.pxPerCm };
}

/** How much the truth's mean contact time moves if the force plate's 50 N threshold were 80 N or 20 N (ms). */
export function rbdsThresholdBandMs(trial: string): { at80N: number; at20N: number } {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as {
    event_detection: { threshold_sensitivity: Record<'20N' | '80N', { gct_shift_ms_mean: number }> };
  };
  const s = json.event_detection.threshold_sensitivity;
  return { at80N: s['80N'].gct_shift_ms_mean, at20N: s['20N'].gct_shift_ms_mean };
}
