// Two people in view (issue 15, "nothing hidden"): the pose model follows one person per frame (maxPoses 1), so a
// second person near the treadmill (a coach, someone walking past) shows up as the tracked hips jumping to another
// place and back. A runner on a treadmill stays in one place; a jump of most of a leg length from one frame to the
// next, to a place the track then keeps for many frames, is someone else. Said as a quality warning, with where.
import { median } from '../../analysis/seriesMath';
import type { PoseTrack } from '../../shared/contract';

const MIN_SCORE = 0.3;
/** Distance between the two places, in leg lengths (hip to ankle): a runner's hips move far less than this. */
const MIN_SEPARATION_LEGS = 0.8;
/** A frame-to-frame jump of this many leg lengths between the places counts as a switch of person. */
const MIN_JUMP_LEGS = 0.5;
/** The second place must hold this many frames, and this share of the frames with hips. */
const MIN_FRAMES = 10;
const MIN_SHARE = 0.03;
/** Consecutive frames with hips further apart in time than this many frame intervals are not a "jump". */
const MAX_GAP_FRAMES = 3;

export interface SecondPerson {
  /** Frames whose hips are at the second (less used) place. */
  frames: number;
  /** Frames with hips found at all. */
  framesWithHips: number;
  /** How many times the track jumped between the two places. */
  switches: number;
  /** Time ranges (seconds) spent at the second place, in order. */
  ranges: Array<[number, number]>;
}

function at(track: PoseTrack, name: string, i: number): { x: number; y: number } | null {
  const s = track.keypoints[name];
  if (!s) return null;
  const x = s.x[i];
  const y = s.y[i];
  const score = s.score[i];
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (score !== undefined && Number.isFinite(score) && score < MIN_SCORE) return null;
  return { x, y };
}

/** The second person the track followed for a while, or null when it stayed with one. */
export function findSecondPerson(track: PoseTrack): SecondPerson | null {
  const idx: number[] = [];
  const px: number[] = [];
  const py: number[] = [];
  const legs: number[] = [];
  for (let i = 0; i < track.timesSec.length; i++) {
    const l = at(track, 'left_hip', i);
    const r = at(track, 'right_hip', i);
    if (l === null || r === null) continue;
    const cx = (l.x + r.x) / 2;
    const cy = (l.y + r.y) / 2;
    idx.push(i);
    px.push(cx);
    py.push(cy);
    for (const ankle of ['left_ankle', 'right_ankle']) {
      const a = at(track, ankle, i);
      if (a !== null) legs.push(Math.hypot(a.x - cx, a.y - cy));
    }
  }
  const n = idx.length;
  const leg = median(legs);
  if (n < 2 * MIN_FRAMES || !(leg > 0)) return null;

  // two places by 2-means: start from the median position and the point farthest from it
  const mx = median(px);
  const my = median(py);
  let far = 0;
  for (let k = 1; k < n; k++) {
    if (Math.hypot(px[k]! - mx, py[k]! - my) > Math.hypot(px[far]! - mx, py[far]! - my)) far = k;
  }
  let a = { x: mx, y: my };
  let b = { x: px[far]!, y: py[far]! };
  const inB = new Array<boolean>(n).fill(false);
  for (let iter = 0; iter < 20; iter++) {
    let ax = 0, ay = 0, an = 0, bx = 0, by = 0, bn = 0;
    for (let k = 0; k < n; k++) {
      inB[k] = Math.hypot(px[k]! - b.x, py[k]! - b.y) < Math.hypot(px[k]! - a.x, py[k]! - a.y);
      if (inB[k]) { bx += px[k]!; by += py[k]!; bn++; } else { ax += px[k]!; ay += py[k]!; an++; }
    }
    if (an === 0 || bn === 0) return null;
    const next = { a: { x: ax / an, y: ay / an }, b: { x: bx / bn, y: by / bn } };
    const moved = Math.hypot(next.a.x - a.x, next.a.y - a.y) + Math.hypot(next.b.x - b.x, next.b.y - b.y);
    a = next.a;
    b = next.b;
    if (moved < 1e-6 * leg) break;
  }
  if (Math.hypot(a.x - b.x, a.y - b.y) < MIN_SEPARATION_LEGS * leg) return null;

  // the second place is the one used less
  const countB = inB.filter(Boolean).length;
  const second = countB <= n - countB;
  const isSecond = (k: number) => inB[k] === second;
  const frames = second ? countB : n - countB;
  if (frames < MIN_FRAMES || frames < MIN_SHARE * n) return null;

  // an abrupt jump between the places (not a runner walking off the belt, which passes through the space between)
  const dt = median(idx.slice(1).map((v, k) => (track.timesSec[v] as number) - (track.timesSec[idx[k] as number] as number)));
  let switches = 0;
  for (let k = 1; k < n; k++) {
    if (isSecond(k) === isSecond(k - 1)) continue;
    const gap = (track.timesSec[idx[k]!] as number) - (track.timesSec[idx[k - 1]!] as number);
    if (gap > MAX_GAP_FRAMES * dt + 1e-9) continue;
    if (Math.hypot(px[k]! - px[k - 1]!, py[k]! - py[k - 1]!) >= MIN_JUMP_LEGS * leg) switches++;
  }
  if (switches === 0) return null;

  const ranges: Array<[number, number]> = [];
  let open: [number, number] | null = null;
  for (let k = 0; k < n; k++) {
    const t = track.timesSec[idx[k]!] as number;
    if (!isSecond(k)) {
      open = null;
      continue;
    }
    if (open === null) {
      open = [t, t];
      ranges.push(open);
    } else {
      open[1] = t;
    }
  }
  return { frames, framesWithHips: n, switches, ranges };
}

/** The quality warning, or null when the track stayed with one person. At most five stretches are listed. */
export function secondPersonWarning(track: PoseTrack): string | null {
  const found = findSecondPerson(track);
  if (found === null) return null;
  const pct = (100 * found.frames) / found.framesWithHips;
  const fmt = ([s, e]: [number, number]) => (e - s < 0.005 ? `${s.toFixed(2)} s` : `${s.toFixed(2)}–${e.toFixed(2)} s`);
  const shown = found.ranges.slice(0, 5).map(fmt).join(', ');
  const more = found.ranges.length > 5 ? ` and ${found.ranges.length - 5} more stretches` : '';
  return `Two people seem to be in view: the pose model's hips jumped ${found.switches === 1 ? 'once' : `${found.switches} times`} to a second place `
    + `and stayed there for ${found.frames} of ${found.framesWithHips} frames (${pct.toFixed(0)}%), at ${shown}${more}. `
    + 'Measures from those frames may be someone else\'s; film with only the runner in view.';
}
