// Touchdown of one foot near a belt-rule strike, from the vertical motion of its two points (issue 11 part 4: one
// physical definition for every strike pattern). The belt stops whichever part of the foot reaches it first:
// - the forefoot (ball, foot_index) of a forefoot or midfoot striker falls faster and faster until the belt pushes
//   back, so its touchdown is the moment its downward image speed peaks (acceleration turning upward);
// - the heel of a rearfoot striker is already braked in late swing (its downward speed peaks ~60 ms before
//   touchdown) and is then stopped dead, so its touchdown is its impact, the upward-acceleration peak (Handsaker
//   2016, docs/references.md).
// The touchdown is the earlier of the two: the first part of the foot that the belt stops.
// Measured on the RBDS force plates at 120 fps (exact joint centres, ±40 ms around each 50 N strike): ball speed
// peak −6…+14 ms per foot (late only for the rearfoot striker RBDS008, whose heel lands first), heel impact −4…+3 ms
// where the heel lands first; their earlier −8…+1 ms per foot, left − right within 4 ms. The belt rule alone at
// half the belt speed: −34…+6 ms, left − right up to 14 ms (RBDS002 pulls the foot back faster at 4.5 m/s).
// Why the ball's peak reads early at 4.5 m/s (RBDS002_T45): the ball falls at ~2.4 m/s and is stopped within ~15 ms;
// a derivative over ±1 frame and the low-pass spread that abrupt stop over the frames before it. Its peak is −2.0 /
// −5.6 ms (left / right) from 50 N on the markers at 120 fps unfiltered, −5.1 / −9.1 ms at 25 Hz, −7.7 / −12.1 ms at
// 60 fps; the plate's 20 N reading moves those strikes by only −1.8 ms, and the 3D (side + rear) heights give the
// same left − right, so the rest is the runner's. Tried and not better leave-one-trial-out: the speed from
// neighbouring-frame differences (60 fps −7.9 / −12.9 → −6.6 / −11.2 ms, chosen in no fold: worse elsewhere); one
// mean trace per foot by equivalent-time sampling (its belt-rule alignment jitters by up to 20 ms under pose noise,
// which smears the trace more than the frames do). Also tried, not better (code in commit 012f441 of the history;
// held-out worst ratio per trial RBDS001_T25 / RBDS001_T35 / RBDS002_T25 / RBDS002_T45 / RBDS008_T35
// and rows meeting every target, against 2.10 / 1.93 / 2.80 / 2.83 / 1.16 and 7/40 with this rule):
// - touchdown as the hinge of a descent line and the flat stance level fitted to the unfiltered heights (least
//   squares at sub-frame steps, earlier of ball and heel): the ball goes on sinking for 10–25 ms after 50 N (the
//   shoe and forefoot give), so it reads late, clean held-out strikes RBDS001 +17…+35 ms, RBDS002_T45 −6…+15 ms;
//   7.64 / 6.94 / 5.91 / 3.33 / 1.67, 1/40.
// - the ball's braking onset (its speed peak without the smear): constant-acceleration fall, constant braking to
//   rest, rest, position and speed continuous, fitted to the unfiltered height per step and again with the foot's
//   median braking time and fall acceleration. Clean held-out strikes of the ball landers (RBDS001, RBDS002_T45)
//   within ±3.1 ms (RBDS002_T45 2.1 / −0.9 ms at 60 fps, 2.2 / −3.1 at 120), but 3 px of white noise hides the
//   gentle braking of the slower runner (RBDS001: 25–40 ms) and the fit slides towards the later hinge: damaged
//   RBDS001 strikes +5…+15 ms at 60 fps (noise alone +5…+13; dropouts and swaps alone within 1 ms of clean); 2.48 /
//   2.47 / 3.91 / 2.37 / 1.20, 9/40 (fitted per step only: 4.43 / 5.65 / 4.32 / 2.63 / 1.20, 10/40).
//   The same read only where the ball's timing noise allows (σ of its unfiltered height over its fall speed: clean
//   feet 0.18–0.60 ms, 3 px damage 2.4–7.4 ms, BlazePose on the rendered clip 2.4–4.7 ms; code in commit e19cd3e of
//   the history), against 1.94 / 1.94 / 2.23 / 2.83 / 1.16 and 9/40 with the toe-off rules of today: a 2 ms gate
//   (clean feet only) leaves every trial's held-out worst as it is, 11/40 rows met (clean RBDS001 and RBDS002_T45
//   strikes within ±3.1 ms), but the sweep picks 3–3.5 ms (by the mean ratio, from RBDS002_T45's damaged feet at
//   2.4–3.3 ms) and with that the heel-share sweep moves to 0.8 and RBDS008 breaks held out (3 ms: 6.31; 3.5 ms:
//   1.62 / 1.66 / 2.23 / 2.83 / 2.80, 9/40). Not shipped: no gate the sweep would choose is better on every trial, and
//   the two constants would need choosing together. Chosen together per fold (gate 0 / 1 / 2 / 3 / 3.5 ms × heel share
//   0.5–0.8; loto.ts in commit 1444742 of the history) it is not better either: the folds pick 3 × 0.8 (both RBDS001),
//   3.5 × 0.6, 1 × 0.8 and, with the one rearfoot striker held out, 3.5 × 0.8 for RBDS008, whose damaged 60 fps left
//   strikes then read +23.5 ms (seed 1): 1.94 / 1.94 / 2.23 / 2.83 / 6.31, 11/40. With the heel share held at 0.6
//   (only RBDS008 lands on its heel, so no fold without it can score that constant) and the gate swept alone, held
//   out 1.94 / 1.94 / 2.23 / 2.83 / 1.16, 11/40 rows; but the gate all five trials pick (3.5 ms) lets in RBDS002_T45's
//   damaged feet (σ / v 2.4–3.3 ms), whose onsets noise pushes late: strike L − R 9.1 ms, contact L − R −10.0 ms at 60
//   fps (5.1 and −7.3 with the speed peak), also when both feet must pass the gate together. Not shipped either.
// - the braking onset of ONE mean ball-height profile per foot (code and synthetic tests in commit 8f3c6db of the
//   history, gait/meanBallProfile.ts): every step's unfiltered heights pooled at (frame time − that step's
//   speed peak), the fall-brake-rest model fitted to the pool (each step its own rest level). Clean strikes right:
//   RBDS002_T45 60 fps −7.9 / −12.9 → +2.6 / −1.2 ms in-sample, RBDS001 within ±2 ms. But under 3 px of noise,
//   aligned on the 25 Hz peaks, the pool's braking time collapses (RBDS001 25–40 → 0–10 ms) and its onsets slide 8–15
//   ms late: the peaks are set by the same noisy heights that shape the corner, so the alignment builds a sharp corner
//   out of the noise. Held out (as the default, the rest swept) 2.13 / 2.35 / 4.09 / 4.33 / 1.16, 12/40.
//   Aligned on peaks low-passed at 6–10 Hz the slide goes (damaged RBDS001 strikes −3…+4 ms) but the onset still
//   scatters by several ms per foot (the onset and the braking time trade along a ridge), and reading the ball's
//   profile on one foot and the heel on the other put the heel's error into left − right (RBDS002_T45 damaged 120 fps
//   3.8 → 12.1 ms), so it was read only where both feet land on the ball and each foot's move from the speed peak
//   exceeds 2 jackknife standard errors. Held out, the alignment cutoff swept (0 / 6 / 8 / 10 Hz: 10 in four folds, 6
//   with RBDS001_T25 held out): 2.18 / 1.94 / 2.23 / 2.69 / 1.16, 9/40 against 1.94 / 1.94 / 2.23 / 2.83 / 1.16, 9/40.
//   Clean RBDS002_T45 strikes held out +5.2 / −0.7 ms at 60 fps (−10.4 / −15.7 with the peak), +2.7 / −1.1 at 120
//   (−8.7 / −13.6), but RBDS001_T25's damaged 120 fps right foot passes the gate with a noisy onset (−8.9 ms, contact
//   L − R −10.9) and that trial's held-out worst grows 1.94 → 2.18. Offered 15 and 25 Hz too, the folds pick them (by
//   the mean ratio) and RBDS001_T25 reads 2.31. On 13 synthetic steps (a 10 s clip) under 3 px the profile's onset
//   scatters −9…+9 ms per foot at 60 fps and its jackknife error is 1.4–15 ms, so the gate mostly keeps the peak.
// - the ball's per-foot median offset extrapolated to an unfiltered peak from the cutoff and half of it (an abrupt
//   stop's smoothed peak moves early about in proportion to the filter's width; a gentle one's barely): in-sample
//   at 25 Hz, clean RBDS002_T45 −7.9 / −12.9 → −4.2 / −9.0 ms at 60 fps and −4.9 / −9.5 → +0.1 / −3.8 at 120, but
//   with 3 px damage its right foot stays at −13.1 / −9.2 while the left moves (strike L − R 7.5 and 7.9 ms), and
//   RBDS001's right strikes come 1–1.5 ms earlier (contact L − R −7.4 → −8.8 ms at 60 fps). Not kept.
import { lowPassSeries } from '../signal/butterworth';
import { derivative, parabolicOffset } from '../signal/subFrame';

// cutoffHz and ballBeforeSec were swept and scored leave-one-trial-out (scripts/validate/loto.ts, clean and three
// damage seeds): 25 Hz was chosen in four of the five folds (15 Hz when RBDS002_T45 was held out, which then scored
// worse), 15 ms in all five.
export interface TouchdownOptions {
  /** Low-pass cutoff (Hz) of the foot's heights before differentiating, capped at 0.4 × fps. */
  cutoffHz: number;
  /** Search window around the belt-rule strike (s): retraction puts that strike up to ~35 ms before touchdown. */
  beforeSec: number;
  afterSec: number;
  /** The ball's speed peak is looked for from this long before the belt-rule strike only (s): see ballBeforeSec below. */
  ballBeforeSec: number;
}

// ballBeforeSec: on every RBDS foot the ball's speed peak came at most ~5 ms before the belt-rule strike (retraction
// moves that strike earlier, never the other way); a ball whose fall peaks well before it is braked in the air (the
// synthetic runner of tests/analysis/synthetic: 17–20 ms before, while its heel lands on the belt-rule strike).
export const DEFAULT_TOUCHDOWN_OPTIONS: TouchdownOptions = { cutoffHz: 25, beforeSec: 0.04, afterSec: 0.05, ballBeforeSec: 0.015 };

/** Image heights of one foot differentiated once and twice (down = positive speed; up = positive acceleration). */
export interface FootVertical { ballDownSpeed: number[]; heelUpAccel: number[] }

export function footVertical(heelY: readonly number[] | null, ballY: readonly number[] | null, timesSec: readonly number[], fps: number, cutoffHz: number): FootVertical {
  const cut = Math.min(cutoffHz, 0.4 * fps);
  const nan = (): number[] => new Array<number>(timesSec.length).fill(Number.NaN);
  const speed = (y: readonly number[]): number[] => derivative(lowPassSeries(y, cut, fps), timesSec);
  return {
    ballDownSpeed: ballY ? speed(ballY) : nan(),
    heelUpAccel: heelY ? derivative(speed(heelY), timesSec).map((a) => -a) : nan(),
  };
}

/**
 * Time of the largest value within frames [lo, hi] when it is a turning point, else NaN. A peak on the window's edge
 * frame counts only with `edges` (its neighbour outside the window lower): below IMPACT_MIN_FPS the window holds
 * only 2–3 frames (gait/impactTiming.ts says why; at 60 and 120 fps edge peaks were wrong, RBDS001_T25 +39 ms).
 */
function peakTime(v: readonly number[], timesSec: readonly number[], lo: number, hi: number, edges = false): number {
  let bi = -1;
  for (let k = Math.max(1, lo); k <= Math.min(v.length - 2, hi); k++) {
    const x = v[k] as number;
    if (Number.isFinite(x) && (bi < 0 || x > (v[bi] as number))) bi = k;
  }
  if (bi < 0) return Number.NaN;
  if (edges) {
    const peak = v[bi] as number;
    if (!((v[bi - 1] as number) < peak && (v[bi + 1] as number) <= peak)) return Number.NaN;
  } else if (bi <= lo || bi >= hi) return Number.NaN;
  const off = parabolicOffset(v[bi - 1] as number, v[bi] as number, v[bi + 1] as number);
  const t = timesSec[bi] as number;
  const step = off >= 0 ? (timesSec[bi + 1] as number) - t : t - (timesSec[bi - 1] as number);
  return t + off * step;
}

/**
 * Ball speed peak and heel impact (s) near a belt-rule strike at `strikeSec`; NaN where a point shows none. `coarse`
 * (below IMPACT_MIN_FPS): peaks on the window's edge frames count, and the heel's impact is held to the ball's bound
 * too (not more than ballBeforeSec before the belt-rule strike): a rearfoot striker's impact smeared over two 33 ms
 * frames merges with its late-swing braking and was read 30 ms early on one foot (RBDS008 right at 30 fps).
 */
export function touchdownsNear(v: FootVertical, timesSec: readonly number[], strikeSec: number, opts: TouchdownOptions, coarse = false): { ballSec: number; heelSec: number } {
  const range = (beforeSec: number): [number, number] => {
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < timesSec.length; i++) {
      const t = timesSec[i] as number;
      if (lo < 0 && t >= strikeSec - beforeSec) lo = i;
      if (t <= strikeSec + opts.afterSec) hi = i;
    }
    return [lo, hi];
  };
  const [lo, hi] = range(opts.beforeSec);
  if (lo < 0 || hi <= lo) return { ballSec: Number.NaN, heelSec: Number.NaN };
  // The ball's peak is found over the whole window and then refused if it came too early (a window cut at that time
  // would refuse peaks near its edge too, and censor a noisy foot's early peaks only: measured, it moved RBDS001's
  // damaged 60 fps strikes 6 ms late).
  const ball = peakTime(v.ballDownSpeed, timesSec, lo, hi, coarse);
  const heel = peakTime(v.heelUpAccel, timesSec, lo, hi, coarse);
  const notBefore = strikeSec - opts.ballBeforeSec;
  return { ballSec: ball >= notBefore ? ball : Number.NaN, heelSec: !coarse || heel >= notBefore ? heel : Number.NaN };
}
