// Metrics per step and per side from cleaned events on the repaired, filtered track (design.md station 3;
// definitions in docs/references.md "What the product must measure").
import { chooseMidStanceRule, midStanceSec, pelvisLowTimesSec, type MidStanceRule } from './gait/pelvisLow';
import { ASSUMED_LEVEL_ROLL_DEG, hipDropAt, IMAGE_LEVEL_MAX_TILT_DEG, pelvisLine, pelvisMarksUsable, rollCorrection, type PelvisSource, type RollCorrection } from './hipDrop';
import { kneeFlexionDeg } from './jointAngles';
import { shankInclinationDeg } from './segmentAngles';
import { interpolateAt, mean, median } from './seriesMath';
import { readingBias } from './systematicUncertainty';
import { givenTimingReliability, hasPoseConfidence, MIN_VISIBILITY } from './gait/eventReliability';
import { buildStepTimings, cadenceFromTimings, type StepTiming } from './stepTiming';
import type { AnalysisOptions, GaitEvent, MetricId, PoseTrack, Side, StepRow, TimingReliability, View } from './types';
import { firstFrameFrom } from './signal/frameWindow';
import { footPlacementAt, footPlacements, hipWidthPx, type RightwardSign } from './stepWidth';
import { lateralSwayPx } from './lateralSway';
import { legLengthPx, pelvisSeries } from './gait/bodyGeometry';
import { minScoreAt } from './gait/pointVisibility';
import { worldVertical, type WorldVertical } from './worldVertical';
import { FOOT_ANGLE_BIAS_HEAVY_DEG, FOOT_ANGLE_BIAS_OTHER_DEG, measureSideView, SIDE_VIEW_ANGLE_IDS, sideViewStepFields, type SideViewOutput } from './sideViewMeasures';

export type Facing = 'imageLeft' | 'imageRight' | 'towardsCamera' | 'awayFromCamera';
export type PerSide = { left: number[]; right: number[] };

export interface MetricsInput {
  track: PoseTrack;
  events: GaitEvent[];
  view: View;
  facing: Facing;
  options: AnalysisOptions;
  /** No horizon known and no scene to find one in (an imported keypoint CSV): the image may be taken as level. */
  imageLevelAllowed?: boolean;
  /** How well this clip times each foot's events (gait/eventReliability.ts); events from outside get the floor only. */
  timing?: TimingReliability;
  /** Side view: the belt's image slant (gait/beltLevel.ts); the side-view angles take their vertical from it. */
  beltAngleDeg?: number | null;
  /**
   * Heels and toes filtered lightly (findGaitEvents footTrack), for the foot-strike angle of exact joint centres (at
   * 12 Hz the foot's turn at a strike reads 2–3° low on RBDS008). Not for a pose model's feet: they jump at the
   * impact, and at the rendered clip's force-plate strikes BlazePose heavy's angle read 8.5° high at 25 Hz against
   * 3.4° at 12 Hz (`npx tsx scripts/validate/sideAngles.ts`).
   */
  footTrack?: PoseTrack;
}

export interface HipDropInfo {
  source: PelvisSource;
  roll: RollCorrection;
  /** Pelvis line per frame after roll correction, positive when the runner's right side is lower. */
  rightLowDeg: number[];
  /** How mid-stance was placed for hip drop (gait/pelvisLow.ts). */
  midStance?: MidStanceRule;
}

export interface MetricsOutput {
  timings: StepTiming[];
  steps: StepRow[];
  perStep: Partial<Record<MetricId, PerSide>>;
  units: Partial<Record<MetricId, string>>;
  /** Per-side bound of the method's systematic error, in the metric's unit (added to the left/right interval). */
  systematic: Partial<Record<MetricId, { left: number; right: number }>>;
  /** Side view: strikes per side at which that leg's hip, knee or ankle was not seen (its angles left out). */
  legUnseen: LegUnseen;
  /** The between-feet event-timing bounds used (gait/eventReliability.ts). */
  timing: TimingReliability;
  cadenceSpm: number | null;
  hipDrop: HipDropInfo | null;
  /** Rear view: stances per side landing across the midline, of those measured (stepWidth.ts). */
  crossover: Record<Side, { count: number; of: number }> | null;
  /** Rear view: median hip-keypoint distance, px (the ruler of step width when no scale is known). */
  hipWidthPx: number | null;
  /** Side view (issue 16): whole-clip trunk lean, each foot's strike class, and the vertical used. */
  sideView: (Pick<SideViewOutput, 'trunkLeanWholeClipDeg'> & { vertical: WorldVertical }) | null;
}

const UNITS: Record<MetricId, string> = {
  contactTimeMs: 'ms', flightTimeMs: 'ms', stepTimeMs: 'ms', dutyFactorPct: '%', kneeFlexionAtStrikeDeg: 'deg',
  overstrideDeg: 'deg', verticalOscillationPx: 'px', verticalOscillationCm: 'cm', stepLengthCm: 'cm',
  strideLengthCm: 'cm', hipDropDeg: 'deg', stepWidthCm: 'cm', stepWidthPctHip: '% hip width', lateralSwayPx: 'px',
  hipExtensionAtToeOffDeg: 'deg', kneeDriveDeg: 'deg', footStrikeAngleDeg: 'deg',
  kneeFlexionMidstanceDeg: 'deg', trunkLeanDeg: 'deg', armSwingDeg: 'deg',
};

function pelvisYAt(track: PoseTrack, t: number): number {
  const l = track.keypoints.left_hip; const r = track.keypoints.right_hip;
  if (!l || !r) return Number.NaN;
  return (interpolateAt(track.timesSec, l.y, t) + interpolateAt(track.timesSec, r.y, t)) / 2;
}

/**
 * Pelvis bounce of one stance: the range of the mid-hip height from this foot's strike to the other foot's
 * strike (this stance and the flight after it), so each value belongs to one side's loading.
 */
function pelvisBouncePx(track: PoseTrack, fromSec: number, toSec: number): number {
  const ys = [pelvisYAt(track, fromSec), pelvisYAt(track, toSec)];
  const times = track.timesSec;
  for (let i = firstFrameFrom(times, fromSec, true); i < times.length && (times[i] as number) < toSec; i++) {
    ys.push(((track.keypoints.left_hip?.y[i] ?? NaN) + (track.keypoints.right_hip?.y[i] ?? NaN)) / 2);
  }
  if (!ys.every(Number.isFinite)) return Number.NaN;
  return ys.reduce((a, b) => Math.max(a, b)) - ys.reduce((a, b) => Math.min(a, b));
}

const LEG_JOINTS = ['hip', 'knee', 'ankle'] as const;

export interface LegUnseen { left: number; right: number; strikes: { left: number; right: number }; minScore: { left: number; right: number } }

/**
 * A leg whose joints are unseen at most of its strikes is not measured from this side at all: the few strikes
 * where it peeks out are the least typical ones.
 */
export function legMeasured(u: LegUnseen, side: Side): boolean {
  return u[side] * 2 <= u.strikes[side];
}

/**
 * A pose model places each leg's joints with its own error, larger on the far leg: 2D pose-model knee angles are off
 * by 5.6° on average against markers (Stenum 2021), and on the rendered RBDS008 clip the near and far knee's errors at
 * strike differ by 4.5° (BlazePose heavy) and 6.4° (full). Each leg's angle carries 3° of it, so left − right carries
 * about 4°; exact joint centres carry none.
 */
const POSE_ANGLE_BIAS_DEG = 3;

/**
 * The bounce is the range of the mid-hip point over a step, and a pose model places the hips differently while the
 * near leg and while the far leg stands (it infers the hidden hip from the legs). Measured as the left − right bounce
 * against the hip joint centres (`npx tsx scripts/validate/coverage.ts`): rendered RBDS008 clips 0.2–0.5% of the leg
 * length (hip to ankle) with BlazePose heavy and full, except full on the clip from the runner's left, 3.0% (−8.2 px for
 * a true −0.5: marked); the demo clip and its mirror, the same steps read twice, disagree by 1.5% (heavy and full).
 * Each side carries 2.5% of the leg (left − right √2 × 2.5 = 3.5%); exact joint centres carry none.
 */
const POSE_BOUNCE_BIAS_LEG_FRACTION = 0.025;

/** Each foot's heel→toe placement error on a pose model's track (sideViewMeasures.ts says how it was measured). */
function footAngleBiasDeg(track: PoseTrack): number {
  return track.source.kind === 'pose-model' && /heavy/.test(track.source.model) ? FOOT_ANGLE_BIAS_HEAVY_DEG : FOOT_ANGLE_BIAS_OTHER_DEG;
}

/**
 * The lowest pose confidence of a leg's hip, knee and ankle at a frame. From one side the far leg's knee is often
 * hidden (the demo clip's far knee scored 0.02–0.25 at every strike behind the treadmill console), and an angle
 * from guessed points is not a measurement. Lab tracks without scores count as seen.
 */
function legScoreAt(track: PoseTrack, side: Side, frame: number): number {
  return minScoreAt(track, LEG_JOINTS.map((j) => `${side}_${j}`), frame);
}

function push(perStep: Partial<Record<MetricId, PerSide>>, id: MetricId, side: Side, v: number | null): void {
  if (v === null || !Number.isFinite(v)) return;
  (perStep[id] ??= { left: [], right: [] })[side].push(v);
}

function frameRate(timesSec: readonly number[]): number {
  const dts = timesSec.slice(1).map((t, i) => t - (timesSec[i] as number));
  const dt = median(dts);
  return dt > 0 ? 1 / dt : Number.NaN;
}

export function computeMetrics(input: MetricsInput): MetricsOutput {
  const { track, view, facing, options } = input;
  const timings = buildStepTimings(input.events);
  const perStep: Partial<Record<MetricId, PerSide>> = {};
  const sideView = view === 'side' && (facing === 'imageLeft' || facing === 'imageRight');
  const forwardSign: 1 | -1 = facing === 'imageLeft' ? -1 : 1;
  const belt = options.beltSpeedMps !== undefined && options.beltSpeedMps > 0 ? options.beltSpeedMps : null;
  const pxPerCm = options.pxPerCm !== undefined && options.pxPerCm > 0 ? options.pxPerCm : null;
  const oscId: MetricId = pxPerCm ? 'verticalOscillationCm' : 'verticalOscillationPx';
  const timing = input.timing ?? givenTimingReliability(frameRate(track.timesSec));
  // compareSides adds the two sides' bounds in quadrature, so each side carries 1/√2 of a between-feet bound.
  // Contact (strike → toe-off of one foot) and flight (toe-off → the other foot's strike) differ left − right by
  // one strike-bias difference and one toe-off-bias difference. They are bounds, not spreads, and a foot tracked
  // badly shifts both its events, so they add linearly (rendered clip, BlazePose heavy: flight time off by 30 ms
  // left − right from a 14 ms strike and a 16 ms toe-off difference). Step (strike → the other foot's strike)
  // differs by twice the strike-bias difference.
  const { footStrike: fsSec, toeOff: toSec } = timing.betweenFeetSec;
  const durationBiasMs = ((fsSec + toSec) / Math.SQRT2) * 1000;
  const stepBiasMs = Math.SQRT2 * fsSec * 1000;
  const strikeBiasSec = fsSec / Math.SQRT2;
  const midStanceBiasSec = Math.max(fsSec, toSec) / Math.SQRT2;
  const sys: Partial<Record<MetricId, PerSide>> = {};

  let hipDrop: HipDropInfo | null = null;
  const hipLine = view === 'rear' && timings.length > 0 ? pelvisLine(track) : null;
  if (hipLine) {
    const roll = rollCorrection(hipLine, track, {
      horizonDeg: options.horizonDeg,
      rightOnImageRight: facing !== 'towardsCamera',
      fromSec: timings[0]?.strikeTimeSec,
      toSec: timings[timings.length - 1]?.strikeTimeSec,
      ...(input.imageLevelAllowed ? { imageLevelMaxTiltDeg: IMAGE_LEVEL_MAX_TILT_DEG } : {}),
    });
    hipDrop = { source: hipLine.source, roll, rightLowDeg: hipLine.rightLowDeg.map((v) => v - roll.offsetDeg) };
  }
  // Rear view: mid-stance for hip drop is the contact midpoint unless the pelvis's lowest points show the foot
  // events mistimed; then it is the pelvis low (gait/pelvisLow.ts; issue 6).
  const stepSec = median(timings.flatMap((s) => (s.stepMs !== null ? [s.stepMs / 1000] : [])));
  const stepTolSec = Number.isFinite(stepSec) ? stepSec / 2 : 0.15;
  const pelvisLows = hipLine ? pelvisLowTimesSec(track, stepTolSec * (2 / 3)) : [];
  const midRule: MidStanceRule = chooseMidStanceRule(timings, pelvisLows, stepTolSec);
  if (hipDrop) hipDrop.midStance = midRule;

  const legUnseen: LegUnseen = { left: 0, right: 0, strikes: { left: 0, right: 0 }, minScore: { left: 1, right: 1 } };
  const seenAt = new Map<StepTiming, boolean>();
  if (sideView) {
    for (const s of timings) {
      const score = legScoreAt(track, s.side, s.strikeFrame);
      const seen = score >= MIN_VISIBILITY;
      seenAt.set(s, seen);
      legUnseen.strikes[s.side]++;
      if (!seen) legUnseen[s.side]++;
      legUnseen.minScore[s.side] = Math.min(legUnseen.minScore[s.side], score);
    }
  }
  const poseAngleBiasDeg = sideView && hasPoseConfidence(track) ? POSE_ANGLE_BIAS_DEG : 0;
  const bounceBiasPx = sideView && hasPoseConfidence(track) ? POSE_BOUNCE_BIAS_LEG_FRACTION * legLengthPx(track) : 0;
  const vertical = sideView ? worldVertical(track, input.beltAngleDeg) : { deg: 0, from: 'image' as const };
  const side = sideView ? measureSideView({
    track, footTrack: poseAngleBiasDeg > 0 ? track : (input.footTrack ?? track), timings, forwardSign, verticalDeg: vertical.deg, strikeBiasSec, toeOffBiasSec: toSec / Math.SQRT2, midStanceBiasSec,
    poseAngleBiasDeg, footAngleBiasDeg: poseAngleBiasDeg > 0 ? footAngleBiasDeg(track) : 0, legMeasured: (sd) => legMeasured(legUnseen, sd),
    nearSide: poseAngleBiasDeg > 0 ? (facing === 'imageLeft' ? 'left' : 'right') : null,
  }) : null;

  // Mid-stance = midpoint of contact (RBDS truth: 50% of contact), or the pelvis low when the feet are mistimed.
  const mids = timings.map((s) => (s.toeOffTimeSec !== null ? midStanceSec(s.strikeTimeSec, s.toeOffTimeSec, midRule, pelvisLows, stepTolSec) : null));
  const rear = rearPlacement(input, timings, mids, pxPerCm);

  const steps: StepRow[] = timings.map((s, i) => {
    const angleOk = sideView && seenAt.get(s) === true && legMeasured(legUnseen, s.side);
    const knee = angleOk ? kneeFlexionDeg(track, s.side, s.strikeTimeSec) : Number.NaN;
    const shank = angleOk ? shankInclinationDeg(track, s.side, s.strikeTimeSec, forwardSign, vertical.deg) : Number.NaN;
    const mid = mids[i] ?? null;
    const drop = hipDrop && hipLine && mid !== null ? hipDropAt(hipLine, track, hipDrop.roll, s.side, mid) : Number.NaN;
    if (angleOk) {
      push(sys, 'kneeFlexionAtStrikeDeg', s.side, Math.hypot(readingBias((t) => kneeFlexionDeg(track, s.side, t), s.strikeTimeSec, strikeBiasSec), poseAngleBiasDeg));
      push(sys, 'overstrideDeg', s.side, Math.hypot(readingBias((t) => shankInclinationDeg(track, s.side, t, forwardSign, vertical.deg), s.strikeTimeSec, strikeBiasSec), poseAngleBiasDeg));
    }
    if (hipDrop && hipLine && mid !== null) {
      push(sys, 'hipDropDeg', s.side, readingBias((t) => hipDropAt(hipLine, track, hipDrop.roll, s.side, t), mid, midStanceBiasSec));
    }
    if (s.strideMs !== null) push(sys, 'dutyFactorPct', s.side, (100 * durationBiasMs) / s.strideMs);
    push(perStep, 'contactTimeMs', s.side, s.contactMs);
    push(perStep, 'flightTimeMs', s.side, s.flightMs);
    push(perStep, 'stepTimeMs', s.side, s.stepMs);
    if (s.contactMs !== null && s.strideMs !== null) push(perStep, 'dutyFactorPct', s.side, (100 * s.contactMs) / s.strideMs);
    push(perStep, 'kneeFlexionAtStrikeDeg', s.side, knee);
    push(perStep, 'overstrideDeg', s.side, shank);
    if (s.nextOtherStrikeSec !== null) {
      const next = s.nextOtherStrikeSec;
      const bounce = pelvisBouncePx(track, s.strikeTimeSec, next);
      push(perStep, oscId, s.side, pxPerCm ? bounce / pxPerCm : bounce);
      // The step's window is bounded by this foot's strike and the other's, and the pelvis is still falling at a
      // strike, so its range moves with where the strikes are read (the demo clip mirrored: both feet's strikes moved
      // 23–28 ms to the touchdown moved the bounce left − right from −3.4 to −6.0 px). One foot read later than the
      // other moves this window's start one way and its end the other; the hips' placement adds bounceBiasPx.
      const sysPx = Math.hypot(readingBias((d) => pelvisBouncePx(track, s.strikeTimeSec + d, next - d), 0, strikeBiasSec), bounceBiasPx);
      push(sys, oscId, s.side, pxPerCm ? sysPx / pxPerCm : sysPx);
    }
    // Only the belt speed gives a scale we can trust on a treadmill: length = belt speed × time (issue 3).
    if (belt !== null && s.stepMs !== null) push(perStep, 'stepLengthCm', s.side, (belt * s.stepMs) / 10);
    if (belt !== null && s.strideMs !== null) push(perStep, 'strideLengthCm', s.side, (belt * s.strideMs) / 10);
    push(perStep, 'hipDropDeg', s.side, drop);
    const angles = side?.perStep[i];
    for (const id of SIDE_VIEW_ANGLE_IDS) {
      push(perStep, id, s.side, angles?.[id] ?? Number.NaN);
      push(sys, id, s.side, side?.systematic[i]?.[id] ?? Number.NaN);
    }
    const nz = (v: number): number | null => (Number.isFinite(v) ? v : null);
    const row: StepRow = {
      side: s.side, strikeTimeSec: s.strikeTimeSec, toeOffTimeSec: s.toeOffTimeSec, contactMs: s.contactMs,
      flightMs: s.flightMs, stepMs: s.stepMs, kneeFlexionAtStrikeDeg: nz(knee), overstrideDeg: nz(shank), hipDropDeg: nz(drop),
      ...sideViewStepFields(angles),
    };
    if (!rear) return row;
    const width = rear.widths[i] ?? null; const sway = rear.sway[i] ?? null;
    push(perStep, rear.widthId, s.side, width);
    push(perStep, 'lateralSwayPx', s.side, sway);
    // the ankle hardly moves sideways in stance: its bound is how far it moves over the mid-stance timing bound
    if (width !== null && mid !== null) push(sys, rear.widthId, s.side, readingBias((t) => rear.widthAt(i, t), mid, midStanceBiasSec));
    return { ...row, midStanceTimeSec: mid !== null && Number.isFinite(mid) ? mid : null, [rear.widthId]: width, crossover: rear.crossover[i] ?? null, lateralSwayPx: sway };
  });

  const units: Partial<Record<MetricId, string>> = {};
  const systematic: Partial<Record<MetricId, { left: number; right: number }>> = {};
  const fixed: Partial<Record<MetricId, number>> = {
    contactTimeMs: durationBiasMs, flightTimeMs: durationBiasMs, stepTimeMs: stepBiasMs,
    stepLengthCm: belt !== null ? (belt * stepBiasMs) / 10 : 0,
    // a stride runs strike to strike of the same foot: its bias does not differ between the feet
    strideLengthCm: belt !== null ? (belt * timing.floorSec * 1000) / 10 : 0,
  };
  for (const id of Object.keys(perStep) as MetricId[]) {
    units[id] = UNITS[id];
    const f = fixed[id];
    if (f !== undefined) systematic[id] = { left: f, right: f };
    const v = sys[id];
    if (v) systematic[id] = { left: mean(v.left), right: mean(v.right) };
  }
  // An assumed-level camera may be rolled a little: that raises one side's drop and lowers the other's by the same
  // angle, so the left−right difference carries twice it (√2 per side, added in quadrature by compareSides).
  const hd = systematic.hipDropDeg;
  if (hd && hipDrop?.roll.reference === 'imageLevel') {
    const roll = Math.SQRT2 * ASSUMED_LEVEL_ROLL_DEG;
    systematic.hipDropDeg = { left: Math.hypot(hd.left, roll), right: Math.hypot(hd.right, roll) };
  }
  return {
    timings, steps, perStep, units, systematic, legUnseen, timing, cadenceSpm: cadenceFromTimings(timings), hipDrop,
    crossover: rear ? crossoverCounts(timings, rear.crossover) : null, hipWidthPx: rear ? rear.hipWidthPx : null,
    sideView: side ? { trunkLeanWholeClipDeg: side.trunkLeanWholeClipDeg, vertical } : null,
  };
}

interface RearPlacement {
  widthId: 'stepWidthCm' | 'stepWidthPctHip';
  widths: (number | null)[];
  /** Width of stance i with its own mid-stance moved to t (for the timing bound). */
  widthAt: (i: number, t: number) => number;
  crossover: (boolean | null)[];
  sway: (number | null)[];
  hipWidthPx: number;
}

/** Rear view: step width, crossover and lateral sway per stance (stepWidth.ts, lateralSway.ts); null otherwise. */
function rearPlacement(input: MetricsInput, timings: readonly StepTiming[], mids: readonly (number | null)[], pxPerCm: number | null): RearPlacement | null {
  if (input.view !== 'rear' || timings.length === 0) return null;
  const { track } = input;
  const sign: RightwardSign = input.facing === 'towardsCamera' ? -1 : 1;
  const hipW = hipWidthPx(track);
  const toUnit = (px: number): number => (pxPerCm ? px / pxPerCm : (100 * px) / hipW);
  const stances = timings.map((s, i) => ({ side: s.side, midSec: mids[i] ?? null }));
  const placements = footPlacements(track, stances, sign);
  const widthAt = (i: number, t: number): number => {
    const p = footPlacementAt(track, stances, i, sign, t);
    return p ? toUnit(p.widthPx) : Number.NaN;
  };
  // The pelvis centre: between the image-tracked pelvis marks when there are any (on the rendered rear clip they put
  // the same sway error on both sides, 0.23 / 0.26 cm, where BlazePose's hips erred +0.07 / −0.41 cm), else the hips.
  const lm = track.keypoints.left_pelvis_mark; const rm = track.keypoints.right_pelvis_mark;
  const centreX = lm && rm && pelvisMarksUsable(track) ? lm.x.map((x, i) => (x + (rm.x[i] as number)) / 2) : pelvisSeries(track).x;
  const pelvis = centreX.map((x) => sign * x);
  return {
    widthId: pxPerCm ? 'stepWidthCm' : 'stepWidthPctHip',
    widths: placements.map((p) => (p && Number.isFinite(toUnit(p.widthPx)) ? toUnit(p.widthPx) : null)),
    widthAt,
    crossover: placements.map((p) => (p && Number.isFinite(p.outwardOfMidlinePx) ? p.outwardOfMidlinePx <= 0 : null)),
    sway: lateralSwayPx(track.timesSec, pelvis, timings),
    hipWidthPx: hipW,
  };
}

function crossoverCounts(timings: readonly StepTiming[], crossover: readonly (boolean | null)[]): Record<Side, { count: number; of: number }> {
  const out = { left: { count: 0, of: 0 }, right: { count: 0, of: 0 } };
  timings.forEach((s, i) => {
    const c = crossover[i];
    if (c === null || c === undefined) return;
    out[s.side].of++;
    if (c) out[s.side].count++;
  });
  return out;
}
