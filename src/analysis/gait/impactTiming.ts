// Touchdown correction of side-view foot strikes (issue 3: contact time within 10 ms at 60 fps, 5 ms at 120 fps;
// issue 11 part 4: each foot's strike bias within ±8 ms at 60 fps, ±5 ms at 120, the feet within 5 ms of each other).
//
// The treadmill belt rule (sideViewEvents.ts) finds every stance from the foot's backward speed, which is robust but
// carries a per-foot offset: a foot pulled back before touchdown reaches half the belt speed in the air (RBDS002 at
// 4.5 m/s: 20 ms early on the left, 34 ms on the right), one that lands still moving forward reaches it after
// touchdown (RBDS008's right foot: +6 ms). That offset differs between the feet, and the difference reads as
// asymmetry. The touchdown itself is read from the foot's vertical motion (gait/touchdown.ts: the ball's downward
// speed peak or the heel's impact, whichever point lands first). Per step that reading is noisier than the belt rule,
// so it does not replace it step by step: per foot, the median offset between touchdown and belt-rule strike is added
// to every strike of that foot, when (a) the clip has at least COARSE_IMPACT_MIN_FPS frames per second (read coarsely
// below IMPACT_MIN_FPS, see below), (b) the landing point shows a touchdown at half the foot's strikes or more (at
// least MIN_IMPACTS), and (c) those offsets agree (interquartile range within maxIqrSec, and half a frame more in
// quadrature when read coarsely: maxOffsetIqrSec). Feet that fail keep the belt rule.
// Measured (`npx tsx scripts/validate/events.ts`, bias per foot table): RBDS side, 60 fps clean, strike bias per foot
// −33…+15 ms → −13…+1 ms, left − right up to 24 ms → up to 5 ms; 120 fps −15…0 → −10…0 ms. The constants
// (here heelShare, in touchdown.ts the cutoff and ball window) are scored leave-one-trial-out by
// scripts/validate/loto.ts. maxIqrSec 20 ms: the clean RBDS feet agree within 2–6 ms,
// damaged ones (3 px noise, 9% swapped labels) within 7–22 ms, BlazePose on the rendered clip within 4–14 ms.
import { indexAtOrBefore } from '../seriesMath';
import { median, quantile } from '../signal/subFrame';
import { SIDES, type GaitEvent, type PoseTrack, type Side } from '../types';
import { DEFAULT_TOUCHDOWN_OPTIONS, footVertical, touchdownsNear, type TouchdownOptions } from './touchdown';

// Below IMPACT_MIN_FPS (a phone's 30 fps) the ±40/50 ms window holds only 2–3 frames, so a touchdown peak is seldom a
// turning point inside it: the demo clip showed one at 4–7 of its 17 strikes and was never shifted. There the peak
// may sit on the window's edge frame (its neighbour outside lower), and the heel is held to the ball's bound of
// ballBeforeSec before the belt-rule strike (gait/touchdown.ts: without it RBDS008's right heel read 30 ms early).
// Measured (2026-12-06; scripts/validate/comparedFeet.ts, the 30 fps rows of events.ts' bias table), no constant
// added or refitted: demo clip strikes 0.71 / 0.87 → 0.18 / 0.19 frames from the eye marks (BlazePose heavy; mirrored
// 0.90 / 0.70 → 0.31 / 0.20; full 0.78 / 1.19 → 0.24 / 0.47; RTMPose 0.78 / 0.89 → 0.26 / 0.23; the mirrored demo's
// far foot under full has offsets too scattered to shift, and takes its near foot's shift, below);
// clean RBDS at 30 fps, strike bias per foot RBDS002_T25 −15.6 / −16.8 → +2.4 / +2.5 ms, RBDS002_T45 −17.7 / −30.4 →
// −11.5 / −16.4 (left − right 12.8 → 4.9), RBDS001 within 1.9 ms (was −5.3…−1.5), RBDS008 +1.0 / +8.6 → +5.0 / +10.5
// (left − right −7.6 → −5.5); contact left − right within 7.1 ms on every trial (was up to 14.1). The same reading at
// 60 and 120 fps is worse (edge peaks: RBDS001_T25 left strikes +39 ms at 120 fps; the heel bound alone: held-out
// worst ratio RBDS002_T45 2.83 → 3.27), so it stays below 50 fps. Only 30 fps was measured: slower clips keep the
// belt rule alone.
export const IMPACT_MIN_FPS = 50;
export const COARSE_IMPACT_MIN_FPS = 29;
const MIN_IMPACTS = 5;

export interface ImpactOptions extends TouchdownOptions {
  /** The per-step offsets must agree this well (interquartile range, s) for the foot's shift to be applied. */
  maxIqrSec: number;
  /** The heel decides only where it shows an impact at this share of the foot's strikes or more. */
  heelShare: number;
}

export const DEFAULT_IMPACT_OPTIONS: ImpactOptions = { ...DEFAULT_TOUCHDOWN_OPTIONS, maxIqrSec: 0.02, heelShare: 0.6 };

export interface ImpactShift {
  side: Side;
  /** Median touchdown − belt-rule strike (s); applied only when `applied`. */
  shiftSec: number;
  iqrSec: number;
  impacts: number;
  applied: boolean;
  /** Coarse reading only: this foot's touchdown was not clear, so it took the other foot's shift (see below). */
  sharedFrom?: Side;
}

function keypointY(track: PoseTrack, name: string): number[] | null {
  const kp = track.keypoints[name];
  return kp && kp.y.some((v) => Number.isFinite(v)) ? [...kp.y] : null;
}

/**
 * How well a foot's per-step touchdown offsets must agree (interquartile range, s) for its shift to be applied.
 * Read coarsely (below IMPACT_MIN_FPS), each offset also carries where the touchdown fell within its frame: uniform
 * over a frame, whose interquartile range is half a frame (17 ms at 30 fps, against the 20 ms every foot must meet),
 * so that spread is allowed for too, in quadrature (26 ms at 30 fps). Measured (comparedFeet.ts with
 * LOPSIDED_FIXTURES_DIR: the demo re-encoded at 360×640, CRF 30, and mirrored, BlazePose full): its near foot's
 * offsets agree within 22 ms and are now applied, strikes 0.62 → 0.30 frames from the eye marks, and the far foot
 * (a touchdown at only 8 of its 17 strikes) takes that shift, 1.33 → 1.01 frames; no other clip or trial changes.
 */
export function maxOffsetIqrSec(fps: number, maxIqrSec: number): number {
  return fps < IMPACT_MIN_FPS ? Math.hypot(maxIqrSec, 0.5 / fps) : maxIqrSec;
}

/**
 * Shifts each foot's strikes by its median touchdown offset where the touchdown is clearly seen (see the header).
 * `track` is the repaired, outlier-free track before the pipeline's low-pass; other events pass unchanged.
 */
export function refineStrikesByImpact(track: PoseTrack, events: readonly GaitEvent[], fps: number, options: Partial<ImpactOptions> = {}): { events: GaitEvent[]; shifts: ImpactShift[] } {
  if (!(fps >= COARSE_IMPACT_MIN_FPS)) return { events: [...events], shifts: [] };
  const coarse = fps < IMPACT_MIN_FPS;
  const opts = { ...DEFAULT_IMPACT_OPTIONS, ...options };
  const t = track.timesSec;
  const shifts: ImpactShift[] = [];
  const shiftOf = new Map<Side, number>();
  for (const side of SIDES) {
    const v = footVertical(keypointY(track, `${side}_heel`), keypointY(track, `${side}_foot_index`), t, fps, opts.cutoffHz);
    const ball: number[] = [];
    const heel: number[] = [];
    for (const e of events) {
      if (e.side !== side || e.type !== 'footStrike') continue;
      const td = touchdownsNear(v, t, e.timeSec, opts, coarse);
      if (Number.isFinite(td.ballSec)) ball.push(td.ballSec - e.timeSec);
      if (Number.isFinite(td.heelSec)) heel.push(td.heelSec - e.timeSec);
    }
    // A foot lands the same way step after step: the point that lands first is the one whose typical touchdown is
    // earlier (the median of per-step minima would pick whichever point's noise came first).
    // A point counts only where it shows a touchdown at half the foot's strikes or more: a forefoot striker's heel
    // has no impact of its own near the strike, and its few noise peaks would otherwise decide.
    const strikes = events.filter((e) => e.side === side && e.type === 'footStrike').length;
    const enough = (a: readonly number[], share = 0.5): boolean => a.length >= Math.max(MIN_IMPACTS, share * strikes);
    const iqr = (a: readonly number[]): number => quantile(a, 0.75) - quantile(a, 0.25);
    const heelClear = enough(heel, opts.heelShare) && iqr(heel) <= opts.maxIqrSec;
    // The heel decides when its impacts agree better than the ball's speed peaks do: a heel that is stopped dead
    // step after step landed first even if the ball's fall peaked earlier in the air (a ball braked in late swing).
    const heelFirst = heelClear && (!enough(ball) || median(heel) < median(ball) || iqr(heel) < iqr(ball));
    const offsets = heelFirst ? heel : ball;
    const shiftSec = median(offsets);
    const iqrSec = quantile(offsets, 0.75) - quantile(offsets, 0.25);
    const applied = enough(offsets) && iqrSec <= maxOffsetIqrSec(fps, opts.maxIqrSec);
    shifts.push({ side, shiftSec: Number.isFinite(shiftSec) ? shiftSec : 0, iqrSec: Number.isFinite(iqrSec) ? iqrSec : Number.NaN, impacts: offsets.length, applied });
    if (applied) shiftOf.set(side, shiftSec);
  }
  // Read coarsely, a shift is 20–30 ms: one foot moved and the other not would put that into left − right (the demo
  // mirrored under BlazePose full: step time's interval then missed the eye marks' difference). So where only one
  // foot's touchdown is clear, its shift moves both feet: left − right stays as the belt rule reads it, and the far
  // foot's strikes, whose own touchdowns scatter, come nearer theirs too (that clip's far foot 1.12 → 0.78 frames
  // from the eye marks, its near foot 0.72 → 0.23; scripts/validate/comparedFeet.ts; no other clip or trial changes).
  // Above IMPACT_MIN_FPS each foot keeps its own: no RBDS trial at 60 or 120 fps, clean or damaged, nor any rendered
  // clip has only one foot clear there, so sharing would be unmeasured.
  const clear = [...shiftOf.entries()];
  const shared = coarse && clear.length === 1 ? clear[0] : undefined;
  if (shared) {
    const [from, shiftSec] = shared;
    for (const side of SIDES) shiftOf.set(side, shiftSec);
    for (const s of shifts) if (s.side !== from) Object.assign(s, { applied: true, sharedFrom: from, shiftSec });
  }
  const out = events.map((e) => {
    const d = e.type === 'footStrike' ? shiftOf.get(e.side) : undefined;
    if (d === undefined) return e;
    const timeSec = e.timeSec + d;
    const i = Math.max(0, indexAtOrBefore(t, timeSec));
    const frame = i + 1 < t.length && (t[i + 1] as number) - timeSec < timeSec - (t[i] as number) ? i + 1 : i;
    return { ...e, timeSec, frame };
  });
  return { events: out.sort((a, b) => a.timeSec - b.timeSec), shifts };
}
