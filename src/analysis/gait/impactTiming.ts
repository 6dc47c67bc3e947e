// Touchdown correction of side-view foot strikes (issue 3: contact time within 10 ms at 60 fps, 5 ms at 120 fps;
// issue 11 part 4: each foot's strike bias within ±8 ms at 60 fps, ±5 ms at 120, the feet within 5 ms of each other).
//
// The treadmill belt rule (sideViewEvents.ts) finds every stance from the foot's backward speed, which is robust but
// carries a per-foot offset: a foot pulled back before touchdown reaches half the belt speed in the air (RBDS002 at
// 4.5 m/s: 20 ms early on the left, 34 ms on the right), one that lands still moving forward reaches it after
// touchdown (RBDS008's right foot: +6 ms). That offset differs between the feet, and the difference reads as
// asymmetry. The touchdown itself is read from the foot's vertical motion (gait/touchdown.ts: the ball's downward
// speed peak or the heel's impact, whichever point lands first). Per step that reading is noisier than the belt
// rule, so it does not replace it step by step: per foot, the median offset between touchdown and belt-rule strike is
// added to every strike of that foot, when (a) the clip has at least IMPACT_MIN_FPS frames per second, (b) the
// landing point shows a touchdown at half the foot's strikes or more (at least MIN_IMPACTS), and (c) those offsets
// agree (interquartile range within maxIqrSec). Feet that fail keep the belt rule.
// Measured (`npx tsx scripts/validate/events.ts`, bias per foot table): RBDS side, 60 fps clean, strike bias per foot
// −33…+15 ms → −13…+1 ms, left − right up to 24 ms → up to 5 ms; 120 fps −15…0 → −10…0 ms. The constants
// (here heelShare, in touchdown.ts the cutoff and ball window) are scored leave-one-trial-out by
// scripts/validate/loto.ts. maxIqrSec 20 ms: the clean RBDS feet agree within 2–6 ms,
// damaged ones (3 px noise, 9% swapped labels) within 7–22 ms, BlazePose on the rendered clip within 4–14 ms.
// Experiment, off by default (profileAlignCutoffHz 0): where both feet land on the ball, the braking onset of each
// foot's mean ball profile (gait/meanBallProfile.ts) instead of its speed peak, where it moves each foot by more than
// profileMinZ = 2 jackknife standard errors (a 95% two-sided test: a move the profile's own noise could make is not
// read). Leave-one-trial-out not better on every trial (gait/touchdown.ts "Also tried" has the figures).
import { indexAtOrBefore } from '../seriesMath';
import { median, quantile } from '../signal/subFrame';
import { SIDES, type GaitEvent, type PoseTrack, type Side } from '../types';
import { DEFAULT_TOUCHDOWN_OPTIONS, footVertical, touchdownsNear, type TouchdownOptions } from './touchdown';
import { meanProfileOnsetSec, type ProfileFit } from './meanBallProfile';

export const IMPACT_MIN_FPS = 50;
const MIN_IMPACTS = 5;

export interface ImpactOptions extends TouchdownOptions {
  /** The per-step offsets must agree this well (interquartile range, s) for the foot's shift to be applied. */
  maxIqrSec: number;
  /** The heel decides only where it shows an impact at this share of the foot's strikes or more. */
  heelShare: number;
  /**
   * Where the ball lands first, its touchdown is the braking onset of the foot's mean ball profile, aligned on each
   * step's ball speed peak low-passed at this cutoff (Hz; gait/meanBallProfile.ts); 0: the speed peak itself.
   */
  profileAlignCutoffHz: number;
  /** The profile is read only where it moves each foot's touchdown by more than this many standard errors. */
  profileMinZ: number;
}

export const DEFAULT_IMPACT_OPTIONS: ImpactOptions = { ...DEFAULT_TOUCHDOWN_OPTIONS, maxIqrSec: 0.02, heelShare: 0.6, profileAlignCutoffHz: 0, profileMinZ: 2 };

export interface ImpactShift {
  side: Side;
  /** Median touchdown − belt-rule strike (s); applied only when `applied`. */
  shiftSec: number;
  iqrSec: number;
  impacts: number;
  applied: boolean;
  /** The fit of the foot's mean ball profile where it gave the touchdown (onset relative to the alignment peaks). */
  ballProfile: ProfileFit | null;
  /** Standard error of the profile's onset (s; jackknife over steps), also where it was not read; NaN where not fitted. */
  ballProfileSeSec: number;
}

function keypointY(track: PoseTrack, name: string): number[] | null {
  const kp = track.keypoints[name];
  return kp && kp.y.some((v) => Number.isFinite(v)) ? [...kp.y] : null;
}

/** Groups of the grouped jackknife that measures how well a foot's mean profile fixes its onset. */
const JACKKNIFE_GROUPS = 8;

/**
 * The foot's median braking onset − belt-rule strike (s) from its mean ball profile (gait/meanBallProfile.ts): each
 * step aligned on its ball speed peak low-passed at opts.profileAlignCutoffHz; null where the profile shows no fit.
 * Its standard error (s) by the grouped jackknife over the foot's steps: the profile's noise and the alignment's alike.
 */
function ballProfileOnset(ballY: readonly number[], t: readonly number[], fps: number, strikesSec: readonly number[], opts: ImpactOptions): { onsetSec: number; seSec: number; fit: ProfileFit } | null {
  const v = footVertical(null, ballY, t, fps, opts.profileAlignCutoffHz);
  // every peak in the window aligns (the ballBeforeSec refusal is for reading a touchdown, not for aligning steps)
  const peaksSec = strikesSec.map((s) => touchdownsNear(v, t, s, { ...opts, ballBeforeSec: opts.beforeSec }).ballSec);
  const onsetOf = (keep: (k: number) => boolean): { onsetSec: number; fit: ProfileFit } => {
    const p = peaksSec.map((x, k) => (keep(k) ? x : Number.NaN));
    const fit = meanProfileOnsetSec(ballY, t, p, MIN_IMPACTS);
    return { onsetSec: median(p.map((x, k) => x - (strikesSec[k] as number))) + fit.onsetSec, fit };
  };
  const all = onsetOf(() => true);
  if (!Number.isFinite(all.onsetSec)) return null;
  const parts = Array.from({ length: JACKKNIFE_GROUPS }, (_, g) => onsetOf((k) => k % JACKKNIFE_GROUPS !== g).onsetSec).filter(Number.isFinite);
  const m = parts.reduce((a, x) => a + x, 0) / parts.length;
  const seSec = parts.length >= 2 ? Math.sqrt(((parts.length - 1) / parts.length) * parts.reduce((a, x) => a + (x - m) ** 2, 0)) : Number.NaN;
  return { ...all, seSec };
}

/**
 * Shifts each foot's strikes by its median touchdown offset where the touchdown is clearly seen (see the header).
 * `track` is the repaired, outlier-free track before the pipeline's low-pass; other events pass unchanged.
 */
export function refineStrikesByImpact(track: PoseTrack, events: readonly GaitEvent[], fps: number, options: Partial<ImpactOptions> = {}): { events: GaitEvent[]; shifts: ImpactShift[] } {
  if (!(fps >= IMPACT_MIN_FPS)) return { events: [...events], shifts: [] };
  const opts = { ...DEFAULT_IMPACT_OPTIONS, ...options };
  const t = track.timesSec;
  const feet = SIDES.map((side) => {
    const ballY = keypointY(track, `${side}_foot_index`);
    const v = footVertical(keypointY(track, `${side}_heel`), ballY, t, fps, opts.cutoffHz);
    const ball: number[] = [];
    const heel: number[] = [];
    for (const e of events) {
      if (e.side !== side || e.type !== 'footStrike') continue;
      const td = touchdownsNear(v, t, e.timeSec, opts);
      if (Number.isFinite(td.ballSec)) ball.push(td.ballSec - e.timeSec);
      if (Number.isFinite(td.heelSec)) heel.push(td.heelSec - e.timeSec);
    }
    // A foot lands the same way step after step: the point that lands first is the one whose typical touchdown is
    // earlier (the median of per-step minima would pick whichever point's noise came first).
    // A point counts only where it shows a touchdown at half the foot's strikes or more: a forefoot striker's heel
    // has no impact of its own near the strike, and its few noise peaks would otherwise decide.
    const strikesSec = events.filter((e) => e.side === side && e.type === 'footStrike').map((e) => e.timeSec);
    const enough = (a: readonly number[], share = 0.5): boolean => a.length >= Math.max(MIN_IMPACTS, share * strikesSec.length);
    const iqr = (a: readonly number[]): number => quantile(a, 0.75) - quantile(a, 0.25);
    const heelClear = enough(heel, opts.heelShare) && iqr(heel) <= opts.maxIqrSec;
    // The heel decides when its impacts agree better than the ball's speed peaks do: a heel that is stopped dead
    // step after step landed first even if the ball's fall peaked earlier in the air (a ball braked in late swing).
    const heelFirst = heelClear && (!enough(ball) || median(heel) < median(ball) || iqr(heel) < iqr(ball));
    const offsets = heelFirst ? heel : ball;
    const iqrSec = iqr(offsets);
    return { side, ballY, strikesSec, heelFirst, offsets, iqrSec, applied: enough(offsets) && iqrSec <= opts.maxIqrSec };
  });
  // The ball's speed peak reads early where the ball is stopped abruptly: the braking onset of the foot's mean profile
  // instead (gait/meanBallProfile.ts), but only where both feet are read from the ball and both profiles fit, so that
  // the two feet are read alike (a heel read on one foot, the ball's profile on the other, put their difference in
  // the reading: measured, RBDS002_T45 damaged at 120 fps strike L − R 3.8 → 12.1 ms); the heel's impact as it is.
  const profiles = feet.map((f) => (opts.profileAlignCutoffHz > 0 && !feet.some((g) => g.heelFirst) && f.ballY ? ballProfileOnset(f.ballY, t, fps, f.strikesSec, opts) : null));
  // ... and only where each foot's profile moves its touchdown from the speed peak's by more than opts.profileMinZ
  // standard errors (a correction the profile's own noise could have made is not one).
  const useProfiles = profiles.every((p, k) => p !== null && Math.abs(p.onsetSec - median((feet[k] as (typeof feet)[number]).offsets)) > opts.profileMinZ * p.seSec);
  const shifts: ImpactShift[] = [];
  const shiftOf = new Map<Side, number>();
  feet.forEach((f, k) => {
    const profile = useProfiles ? profiles[k] ?? null : null;
    const shiftSec = profile ? profile.onsetSec : median(f.offsets);
    shifts.push({ side: f.side, shiftSec: Number.isFinite(shiftSec) ? shiftSec : 0, iqrSec: Number.isFinite(f.iqrSec) ? f.iqrSec : Number.NaN, impacts: f.offsets.length, applied: f.applied, ballProfile: profile?.fit ?? null, ballProfileSeSec: profiles[k]?.seSec ?? Number.NaN });
    if (f.applied) shiftOf.set(f.side, shiftSec);
  });
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
