// Image scale from the treadmill belt (design.md: vertical oscillation in px, "or cm when a scale is known").
//
// The belt speed is the one real-world quantity a treadmill runner always knows (issue 3), and in a side view it is
// also a ruler: a foot standing on the belt is carried backwards at the belt's speed, so its image speed in
// mid-stance (px/s) divided by the belt speed (cm/s) is the image scale at the feet (px/cm). Only the middle half of
// each contact is read: around strike the foot is still being braked and around toe-off it rolls over the toes.
// The near foot is a little closer to the camera than the far one (a few % bigger at 3–5 m); their mean is the
// scale of the runner's mid-plane, where the hips are (RBDS projection: 500 px/m at the mid-plane).
//
// The scale is refused (vertical oscillation stays in px) when neither foot's stances agree — a moving or zooming
// camera — or the hips drift across the frame (not a treadmill with a still camera). One steady foot is enough: a
// pose model often tracks one foot worse than the other.
import { legLengthPx } from './gait/bodyGeometry';
import { buildStepTimings } from './stepTiming';
import { interpolateAt, leastSquaresSlope, median, percentile } from './seriesMath';
import type { Facing } from './computeMetrics';
import type { GaitEvent, PoseTrack, Side } from './types';
import { firstFrameFrom } from './signal/frameWindow';

export interface BeltScale {
  pxPerCm: number;
  /** Backward image speed of each foot in mid-stance (median over its stances), px/s. */
  footSpeedPxPerSec: Record<Side, number>;
  stances: Record<Side, number>;
  /** Interquartile range / median of each foot's stance speeds. */
  spread: Record<Side, number>;
  /** Both feet averaged (the mid-plane), or the one steady foot when the other is tracked badly. */
  from: 'both' | Side;
  /** The runner's median hip-to-ankle distance at this scale: a check on the belt speed given (assessQuality.ts). */
  legLengthCm: number;
}

export type BeltScaleResult = { ok: true; scale: BeltScale } | { ok: false; reason: string };

/** At least this many stances per foot give a scale (one stance can be a mislabelled foot). */
const MIN_STANCES = 3;
/** Stance speeds of one foot may spread this much (interquartile range / median). */
const MAX_SPREAD = 0.15;
/**
 * Near and far foot may differ this much: at 3 m with the feet 10–20 cm apart across the belt the near foot's scale
 * is 3–7% larger; more means something else is wrong.
 */
const MAX_NEAR_FAR = 0.15;
/** A foot counts as badly tracked when its stances spread this many times more than the other foot's, and over 4%. */
const WOBBLE_RATIO = 3;
const MIN_WOBBLE = 0.04;
/** The hips' net image speed over the clip may be this fraction of the belt's: a treadmill keeps them in place. */
const MAX_PELVIS_DRIFT = 0.1;

/**
 * Mean image x of heel and toe: the points on the belt. The ankle is only a fallback (models without foot points):
 * it turns about the foot as the heel starts to rise and reads the belt ~3% slow (RBDS008 joint centres).
 */
function footXOf(track: PoseTrack, side: Side, t: number): number {
  const at = (p: string): number => {
    const kp = track.keypoints[`${side}_${p}`];
    return kp ? interpolateAt(track.timesSec, kp.x, t) : Number.NaN;
  };
  const xs = [at('heel'), at('foot_index')].filter(Number.isFinite);
  if (xs.length) return xs.reduce((a, b) => a + b, 0) / xs.length;
  return at('ankle');
}

/** Least-squares slope (px/s) of an image x over the track's frames within [t0, t1]. */
function slopeOver(track: PoseTrack, t0: number, t1: number, xAt: (frame: number, t: number) => number): number {
  const pts: [number, number][] = [];
  const times = track.timesSec;
  for (let i = firstFrameFrom(times, t0); i < times.length && (times[i] as number) <= t1; i++) {
    const t = times[i] as number;
    const x = xAt(i, t);
    if (Number.isFinite(x)) pts.push([t, x]);
  }
  return leastSquaresSlope(pts);
}

const pelvisX = (track: PoseTrack) => (i: number): number =>
  ((track.keypoints.left_hip?.x[i] ?? NaN) + (track.keypoints.right_hip?.x[i] ?? NaN)) / 2;

/** Side view only: the image scale at the runner from the belt speed and the feet in mid-stance. */
export function beltScale(track: PoseTrack, events: readonly GaitEvent[], facing: Facing, beltSpeedMps: number): BeltScaleResult {
  if (facing !== 'imageLeft' && facing !== 'imageRight') return { ok: false, reason: 'the belt gives a scale only in a side view' };
  if (!(beltSpeedMps > 0)) return { ok: false, reason: 'no belt speed' };
  // Image x of a foot on the belt grows when the runner faces image-left (the belt carries it to image-right).
  const backwardSign = facing === 'imageLeft' ? 1 : -1;
  const speeds: Record<Side, number[]> = { left: [], right: [] };
  const timings = buildStepTimings(events);
  for (const s of timings) {
    if (s.toeOffTimeSec === null) continue;
    const c = s.toeOffTimeSec - s.strikeTimeSec;
    const v = backwardSign * slopeOver(track, s.strikeTimeSec + 0.25 * c, s.strikeTimeSec + 0.75 * c, (_i, t) => footXOf(track, s.side, t));
    if (Number.isFinite(v)) speeds[s.side].push(v);
  }
  const footSpeed = { left: median(speeds.left), right: median(speeds.right) };
  const spread = { left: Number.NaN, right: Number.NaN };
  const steady: Record<Side, boolean> = { left: false, right: false };
  for (const side of ['left', 'right'] as const) {
    const v = speeds[side];
    if (v.length < MIN_STANCES) continue;
    spread[side] = (percentile(v, 75) - percentile(v, 25)) / footSpeed[side];
    steady[side] = footSpeed[side] > 0 && spread[side] <= MAX_SPREAD;
  }
  if (!steady.left && !steady.right) {
    const said = (side: Side): string => (speeds[side].length < MIN_STANCES
      ? `${speeds[side].length} ${side} stances could be read`
      : `the ${side} foot's speed varies by ${Math.round(100 * spread[side])}% between stances`);
    return { ok: false, reason: `neither foot moves steadily with the belt (${said('left')}, ${said('right')}): a moving camera, or feet tracked badly` };
  }
  // The belt is steady, so a foot whose reading wanders from stance to stance is the badly tracked one (BlazePose
  // heavy's near foot on the rendered clip: 12–15% spread and 11% slow, the far foot 1%): the scale then comes from
  // the steadier foot alone, which is off the mid-plane by half the stride width (±1–3% at 3–5 m).
  let from: BeltScale['from'];
  if (!steady.left || !steady.right) from = steady.left ? 'left' : 'right';
  else {
    const steadier: Side = spread.left <= spread.right ? 'left' : 'right';
    const wobbly: Side = steadier === 'left' ? 'right' : 'left';
    from = spread[wobbly] > WOBBLE_RATIO * spread[steadier] && spread[wobbly] > MIN_WOBBLE ? steadier : 'both';
  }
  if (from === 'both') {
    const nearFar = Math.abs(footSpeed.left - footSpeed.right) / Math.min(footSpeed.left, footSpeed.right);
    if (nearFar > MAX_NEAR_FAR) return { ok: false, reason: `the feet move on the belt at speeds ${Math.round(100 * nearFar)}% apart` };
  }
  const meanSpeed = from === 'both' ? (footSpeed.left + footSpeed.right) / 2 : footSpeed[from];
  const first = timings[0]?.strikeTimeSec ?? 0;
  const last = timings[timings.length - 1]?.strikeTimeSec ?? 0;
  const drift = Math.abs(slopeOver(track, first, last, pelvisX(track)));
  if (!(drift <= MAX_PELVIS_DRIFT * meanSpeed)) return { ok: false, reason: 'the hips travel across the picture (not a treadmill with a still camera)' };
  const pxPerCm = meanSpeed / (beltSpeedMps * 100);
  return {
    ok: true,
    scale: {
      pxPerCm,
      legLengthCm: legLengthPx(track) / pxPerCm,
      footSpeedPxPerSec: footSpeed,
      spread,
      from,
      stances: { left: speeds.left.length, right: speeds.right.length },
    },
  };
}
