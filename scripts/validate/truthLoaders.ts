// Loaders for the ground truth of issue 3's checks: RBDS force-plate events, the rendered synthetic clip (same
// events shifted by the clip start), the eye-marked treadmill clip, and the third-party RTMPose track.
import { readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseKeypointCsv } from '../../src/analysis/keypointCsv';
import type { GaitEventType, KeypointSeries, PoseTrack, Side } from '../../src/analysis/types';

// scripts/validate/ when run with tsx, dist/ when bundled into dist/validate.js (npm run validate).
export const FIXTURES = [join(import.meta.dirname, '..', '..', 'fixtures'), join(import.meta.dirname, '..', 'fixtures')]
  .find((p) => existsSync(join(p, 'rbds'))) ?? join(process.cwd(), 'fixtures');

export interface TruthEvent { side: Side; type: GaitEventType; timeSec: number }

interface RbdsTruthJson {
  events: { side: Side; foot_strike_s: number; toe_off_s: number }[];
}

export function rbdsTrials(): string[] {
  return ['RBDS001_T25', 'RBDS001_T35', 'RBDS002_T25', 'RBDS002_T45', 'RBDS008_T35'].filter((t) => existsSync(join(FIXTURES, 'rbds', t, 'truth.json')));
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

export function loadRbdsTrack(trial: string, view: 'side' | 'rear', fps: 30 | 60 | 120): PoseTrack {
  return loadCsvTrack(join(FIXTURES, 'rbds', trial, `keypoints_${view}_${fps}fps.csv`));
}

/** The exact 2D joint centres of the rendered clip (video time), as a PoseTrack with score 1. */
export function loadSyntheticJointTruth(view: 'side' | 'left' | 'rear'): PoseTrack {
  const text = readFileSync(join(FIXTURES, 'synthetic', `RBDS008_T35_${view}_truth.csv`), 'utf8').trim().split(/\r?\n/);
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
  return { timesSec, width: 1280, height: 720, keypoints, source: { kind: 'csv', name: `RBDS008_T35_${view}_truth.csv` } };
}

export const SYNTHETIC_T0_SEC = 2.0;

interface EyeEventsJson {
  fps: number;
  events: { foot: Side; footStrikeFrame: number | null; toeOffFrame: number | null }[];
}

/**
 * Eye-marked events of the demo clip (±1 frame). Both definitions are "the first frame in which" the heel is down /
 * the toe is up, so the event itself happened in the interval before that frame: its unbiased time is
 * (frame − ½) / fps, which is what `halfFrameConvention` (default on) returns; off gives frame / fps.
 */
export function loadTreadmillEyeTruth(halfFrameConvention = true): { fps: number; events: TruthEvent[] } {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'videos', 'treadmill_side_30fps.events.json'), 'utf8')) as EyeEventsJson;
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

/** The rendered side clip's belt speed and scale: focal length over the 4 m to the runner's mid-plane (its README). */
export function syntheticSideScale(): { beltSpeedMps: number; pxPerCm: number } {
  const meta = JSON.parse(readFileSync(join(FIXTURES, 'synthetic', 'RBDS008_T35_side_meta.json'), 'utf8')) as { f_px: number; speed_m_s: number };
  return { beltSpeedMps: meta.speed_m_s, pxPerCm: meta.f_px / 400 };
}

/** How much the truth's mean contact time moves if the force plate's 50 N threshold were 80 N or 20 N (ms). */
export function rbdsThresholdBandMs(trial: string): { at80N: number; at20N: number } {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'rbds', trial, 'truth.json'), 'utf8')) as {
    event_detection: { threshold_sensitivity: Record<'20N' | '80N', { gct_shift_ms_mean: number }> };
  };
  const s = json.event_detection.threshold_sensitivity;
  return { at80N: s['80N'].gct_shift_ms_mean, at20N: s['20N'].gct_shift_ms_mean };
}
