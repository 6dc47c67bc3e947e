// Side-view events per foot on a treadmill. Stance is found by the treadmill belt rule (docs/references.md): a foot on
// the belt moves backwards in the image at the belt's speed, in swing it moves forwards. Within each stance:
// - foot strike: the lowest point of the foot (heel for a rearfoot striker, toe for a forefoot striker) has been
//   braked to most of the belt speed — the foot cannot move with the belt before it touches it;
// - toe-off: the toe rises above its stance level (Fellin 2010's vertical rule, on the toe), or the Zeni 2008
//   coordinate extreme when asked for.
// All crossings are interpolated linearly between frames (sub-frame timing, issue 3).
// Toe-off limits, measured on the RBDS force plates (issue 11 part 4; scripts/validate/footBias.ts, cameraHeight.ts):
// the 5–7 ms left − right toe-off difference on RBDS001_T35 and RBDS002_T25 comes from the camera, not the rule. The
// 0.9 m camera looks ~12° down on feet that move outwards at 0.16–0.29 m/s at push-off (rear view), and image height ∝
// (camera height − point height) / depth, so the far foot seems to rise sooner and the near foot later; the same joints
// refilmed from 0.1 m give −0.8 and −2.0 ms (120 fps). RBDS002_T25's left toe-offs are also early in themselves (−11
// ms, right −4): its left ball (foot_index: the metatarsal heads, not the toe tip) has already risen 13 px (2.6 cm) at
// the 50 N toe-off against the right's 10 px, and 7.7 against 6.1 px 17 ms before (120 fps, median over its steps):
// that foot seems to roll further onto its toes, which carry the last 50 N after the ball has lifted, so a ball-height
// rule reads it early where a video's toe-tip point would not. Tried and not better leave-one-trial-out
// (scripts/validate/loto.ts): the toe tip extrapolated along heel→ball (left − right grew to 6–11 ms); a stance level
// taken as the mean toe height within a band of its lowest point (under 3 px noise the lowest point lies low and
// toe-offs come 2–7 ms early: the noise lift below answers that). Swept jointly with the rise (0.015–0.03 leg lengths
// by 0.0025 × band 0–1 of the rise by 0.25), all five trials pick rise 0.02 / band 0.5; held out per trial
// (RBDS001_T25, 001_T35, 002_T25, 002_T45, 008_T35) worst ratio 2.06 / 1.96 / 2.20 / 2.83 / 1.06 against 2.10 / 1.93 /
// 2.80 / 2.83 / 1.16 then, rows met 7/40 both: RBDS001_T35 worse (its held-out toe-off ratio 1.39 → 1.75, right
// toe-offs 7–9 ms late at 120 fps). Why: a toe point that rolls up before the lift (foot_index rises ~1% of the leg as
// the foot rolls over the toe tip) lifts the mean, so clean toe-offs come late — the synthetic runs' toe-offs 1.03
// frames late at 240 fps (now ≤ ½), the rendered BlazePose-full clip's toe-off median 3.9 → 4.1 ms. The finer rise grid
// alone (band 0; all five pick 0.0225) holds out 2.03 / 1.95 / 2.80 / 2.83 / 1.07, RBDS001_T35 worse too.
// Toe noise: on a noisy track the lowest stance point is a noise extreme, so the level sits low and toe-offs come
// early (3 px pose-like damage: 2.6 ms earlier than the same trial clean on average, up to 7.6; RBDS002_T25 4.9). The
// σ of the noise left in the toe height after the 12 Hz low-pass is measured on each clip (signal/filteredNoise.ts:
// 1.4–1.7 px at 60 fps and 1.1–1.2 px at 120 fps under that damage, 0.05–0.27 px on the clean RBDS tracks) and the
// level is lifted by toeNoiseLevelFactor × σ. Simulated on the clean RBDS tracks (40 draws of 3 px noise, filtered as
// here) the lowest point from mid-stance to the lift lies 0.45–0.83 σ low (every trial, foot and frame rate; median
// ~0.6). Chosen leave-one-trial-out for a zero mean damaged − clean toe-off shift (scripts/validate/loto.ts): every
// fold picks 0.6, as the simulation does. Held out: shift −2.6 → −0.05 ms (mean |shift| 2.6 → 1.0 ms); worst ratio
// per trial 2.10 / 1.93 / 2.80 / 2.83 / 1.16 → 1.96 / 1.93 / 2.24 / 2.83 / 1.13, rows met 7 → 9 of 40 (the toe rise
// is then chosen 0.02 on every fold; RBDS001_T35's worst row, a strike-driven contact L−R, moves by 0.002 ms). Clean
// toe-offs move 0.1–0.4 ms later (σ 0.05–0.27 px there: the foot's own motion above 12 Hz). Real clips: the demo
// clip's toe-off median 1.26 → 1.01 frames (heavy, right foot), 1.40 → 0.83 (full, right), 1.79 → 1.30 (full, left);
// the rendered RBDS008_T35 clip's toe-off median 6.7 → 5.7 ms (heavy) but 3.9 → 4.3 ms (full, its near foot
// 2.5 → 4.1 ms late).
import { linearCrossing, parabolicOffset, quadraticCrossing, quantile, median } from '../signal/subFrame';
import type { FootSignals } from './footSignals';

export interface SideEventOptions {
  strikeMethod: 'beltVelocity' | 'zeni';
  toeOffMethod: 'toeRise' | 'toeLift' | 'toeVelocity' | 'zeni';
  /** Fraction of the toe's peak lifting speed at which it counts as off the belt. */
  toeLiftFraction: number;
  /** Fraction of the belt speed the lowest foot point must reach at strike. */
  strikeBeltFraction: number;
  toeOffBeltFraction: number;
  /** Toe rise at toe-off as a fraction of the leg length (hip to ankle). */
  toeRiseLegFraction: number;
  /** How far (in σ of the toe height's noise left after the low-pass) the toe's lowest stance point lies below its
   * true stance level: the stance level is raised by this many σ (σ ≈ 0 on a noiseless track). */
  toeNoiseLevelFactor: number;
}

export const DEFAULT_SIDE_OPTIONS: SideEventOptions = {
  strikeMethod: 'beltVelocity',
  toeOffMethod: 'toeRise',
  strikeBeltFraction: 0.5,
  toeOffBeltFraction: 0.7,
  toeRiseLegFraction: 0.02,
  toeLiftFraction: 0.25,
  toeNoiseLevelFactor: 0.6,
};

/** Fractional frame indices of one foot's strikes and toe-offs (unpaired, unordered cleaning happens later). */
export interface FootEventIndices { strikes: number[]; toeOffs: number[] }

/** The belt speed in px/s as seen on this foot: the typical backward speed of its lowest point. */
export function beltSpeedOf(lowVel: readonly number[]): number {
  const backward = -quantile(lowVel, 0.2);
  return backward > 0 ? median(lowVel.filter((v) => v < -0.5 * backward).map((v) => -v)) : Number.NaN;
}

/**
 * Runs of frames whose foot velocity is below `level` (moving backwards at more than a fraction of the belt speed):
 * candidate stances [start, end] inclusive.
 * Runs split by a short dip (noise, a blurred frame: under 0.1 s, while a running swing lasts 0.3 s or more) are
 * one stance.
 */
export function stanceRuns(lowVel: readonly number[], level: number, fps: number): [number, number][] {
  const raw: [number, number][] = [];
  let i = 0;
  while (i < lowVel.length) {
    if (!((lowVel[i] as number) < level)) { i++; continue; }
    let j = i;
    while (j + 1 < lowVel.length && (lowVel[j + 1] as number) < level) j++;
    raw.push([i, j]);
    i = j + 1;
  }
  const merged: [number, number][] = [];
  const maxGap = Math.max(1, Math.round(0.1 * fps));
  for (const run of raw) {
    const last = merged[merged.length - 1];
    if (last && run[0] - last[1] - 1 <= maxGap) last[1] = run[1];
    else merged.push([run[0], run[1]]);
  }
  const minLen = Math.max(2, Math.round(0.06 * fps));
  return merged.filter(([a, b]) => b - a + 1 >= minLen);
}

function crossingForward(v: readonly number[], from: number, stop: number, level: number): number {
  let j = from;
  while (j < stop && (v[j] as number) < level) j++;
  if (!((v[j] as number) >= level) || j === 0) return Number.NaN;
  return linearCrossing(j - 1, v[j - 1] as number, v[j] as number, level);
}

function extremeIndex(v: readonly number[], lo: number, hi: number, kind: 'max' | 'min'): number {
  let best = Number.NaN;
  let bi = -1;
  for (let k = Math.max(1, lo); k <= Math.min(v.length - 2, hi); k++) {
    const x = v[k] as number;
    if (!Number.isFinite(x)) continue;
    if (bi < 0 || (kind === 'max' ? x > best : x < best)) { best = x; bi = k; }
  }
  if (bi <= lo || bi >= hi) return Number.NaN; // an extreme on the window's edge is not a turning point
  return bi + parabolicOffset(v[bi - 1] as number, v[bi] as number, v[bi + 1] as number);
}

/** `toeNoisePx`: σ of the noise in this foot's (filtered) toe height, px (signal/filteredNoise.ts; 0 if unknown). */
export function sideViewFootEvents(s: FootSignals, fps: number, legLengthPx: number, opts: SideEventOptions, toeNoisePx = 0): FootEventIndices {
  const belt = beltSpeedOf(s.lowVel);
  const out: FootEventIndices = { strikes: [], toeOffs: [] };
  if (!Number.isFinite(belt) || belt <= 0) return out;
  const reach = Math.round(0.25 * fps);
  const rel = (a: readonly number[]): number[] => a.map((v, i) => v - (s.pelvisFwd[i] as number));
  const heelRel = opts.strikeMethod === 'zeni' ? rel(s.heelFwd) : [];
  const toeRel = opts.toeOffMethod === 'zeni' ? rel(s.toeFwd) : [];
  const strikeLevel = -opts.strikeBeltFraction * belt;
  for (const [a, b] of stanceRuns(s.lowVel, strikeLevel, fps)) {
    const mid = Math.round((a + b) / 2);
    // strike
    let fs: number;
    if (opts.strikeMethod === 'zeni') fs = extremeIndex(heelRel, mid - reach, mid, 'max');
    else {
      // The run starts where the foot first moved back at the strike fraction of the belt speed: a noisy frame
      // later in the stance (merged over by stanceRuns) cannot move the strike.
      fs = a > 0 ? linearCrossing(a - 1, s.lowVel[a - 1] as number, s.lowVel[a] as number, strikeLevel) : Number.NaN;
    }
    // toe-off
    let to: number;
    if (opts.toeOffMethod === 'zeni') {
      to = extremeIndex(toeRel, mid, mid + reach, 'min');
    } else if (opts.toeOffMethod === 'toeVelocity') {
      to = crossingForward(s.toeVel, mid, Math.min(s.toeVel.length - 1, mid + reach), -opts.toeOffBeltFraction * belt);
    } else if (opts.toeOffMethod === 'toeLift') {
      to = toeLiftIndex(s.toeY, mid, Math.min(s.toeY.length - 2, b + reach), opts.toeLiftFraction, fps);
    } else {
      const sigma = Number.isFinite(toeNoisePx) ? toeNoisePx : 0;
      to = toeRiseIndex(s.toeY, mid, Math.min(s.toeY.length - 1, b + reach), opts.toeRiseLegFraction * legLengthPx, opts.toeNoiseLevelFactor * sigma);
    }
    if (Number.isFinite(fs)) out.strikes.push(fs);
    if (Number.isFinite(to)) out.toeOffs.push(to);
  }
  return out;
}

/**
 * Toe-off: the last moment the toe was within riseDelta of its stance level before it lifted into swing. Walking
 * back from the lift (the first frame after mid-stance where the toe is clearly up: 4 × riseDelta above the level)
 * makes a noisy toe's dips during stance harmless. The stance level is the toe's lowest image position (largest y)
 * between mid-stance and the lift, raised by `noiseLift` px: on a noisy track the lowest point is a noise extreme.
 */
function toeRiseIndex(toeY: readonly number[], from: number, stop: number, riseDelta: number, noiseLift: number): number {
  let level = -Infinity;
  let lift = -1;
  for (let k = from; k <= stop; k++) {
    const y = toeY[k] as number;
    if (!Number.isFinite(y)) continue;
    if (y > level) level = y;
    if (y < level - 4 * riseDelta) { lift = k; break; }
  }
  if (lift < 0) return Number.NaN;
  const target = level - noiseLift - riseDelta;
  let j = lift;
  while (j > from && (toeY[j - 1] as number) < target) j--;
  if (j <= from) return Number.NaN;
  // The toe accelerates up from rest, so a chord between two frames crosses the rise early; the parabola through the
  // next frame too does not. Measured (scripts/validate/events.ts, sideAngles.ts; clean RBDS): 30 fps toe-offs 0.1–3.5
  // ms later, within 2.8 ms of the same trial's 120 fps ones (spread of that difference over the feet 1.2 → 0.6 ms);
  // the hip extension at toe-off of RBDS002_T45 at 30 fps −2.0 / −1.7° → −1.1 / −0.6° from the joint centres' at the
  // force plate; 60 and 120 fps move under 1 ms; held out (loto.ts) 1.96 / 1.93 / 2.24 / 2.83 / 1.13 → 1.94 / 1.94 /
  // 2.23 / 2.83 / 1.16, rows met 9/40 both.
  return quadraticCrossing(j - 1, -(toeY[j - 1] as number), -(toeY[j] as number), -(toeY[j + 1] ?? Number.NaN), -target);
}

/**
 * Toe-off as the start of the toe's lift: the fastest upward image speed of the toe in the early swing after this
 * stance, then walking back to where the upward speed was still below `fraction` of that peak. Scale-free, and a
 * slow drift of the toe during stance (camera yaw, heel rise) does not trigger it.
 */
function toeLiftIndex(toeY: readonly number[], from: number, stop: number, fraction: number, fps: number): number {
  const up = (k: number): number => -((toeY[k + 1] as number) - (toeY[k - 1] as number)) * fps / 2;
  let peak = 0;
  let pi = -1;
  for (let k = Math.max(1, from); k <= stop; k++) {
    const v = up(k);
    if (Number.isFinite(v) && v > peak) { peak = v; pi = k; }
  }
  if (pi < 0) return Number.NaN;
  const level = fraction * peak;
  let j = pi;
  while (j > from && up(j - 1) >= level) j--;
  if (j <= from) return Number.NaN;
  return linearCrossing(j - 1, up(j - 1), up(j), level);
}
