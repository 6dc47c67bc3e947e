// Which side works harder, side view (issue 16): hip extension at toe-off, knee drive in swing, foot-strike angle,
// knee flexion at mid-stance, trunk lean in each side's stance and arm swing, per step, each with the per-side bound
// of its systematic error (added to the left − right interval by compareSides).
//
// An angle read at an event inherits the event's timing error: it is read again at the event ± the per-foot timing
// bound of this clip (gait/eventReliability.ts → systematicUncertainty.ts readingBias), and on a pose model's track
// each leg's angle also carries the model's joint-placement error (computeMetrics POSE_ANGLE_BIAS_DEG).
// A leg, foot or arm the pose model does not see at the moment read is not measured (gait/nearLeg.ts rules).
import { minScoreAt, nearestFrame } from './gait/pointVisibility';
import { MIN_VISIBILITY } from './gait/eventReliability';
import { kneeFlexionDeg, pointAt } from './jointAngles';
import { footAngleDeg, thighInclinationDeg, trunkLeanDeg, upperArmInclinationDeg } from './segmentAngles';
import { mean } from './seriesMath';
import { firstFrameFrom } from './signal/frameWindow';
import type { StepTiming } from './stepTiming';
import { readingBias } from './systematicUncertainty';
import type { PoseTrack, Side, StepRow } from './types';

export const SIDE_VIEW_ANGLE_IDS = ['hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'trunkLeanDeg', 'armSwingDeg'] as const;
export type SideViewAngleId = (typeof SIDE_VIEW_ANGLE_IDS)[number];

export interface SideViewInput {
  track: PoseTrack;
  /** The same frames with heels and toes filtered only lightly: the foot turns flat within hundredths of a second. */
  footTrack: PoseTrack;
  timings: readonly StepTiming[];
  forwardSign: 1 | -1;
  /** The world vertical's tilt in the image (segmentAngles.ts; computeMetrics.ts chooses: the scene's, the belt's, or 0). */
  verticalDeg: number;
  /** Per-side bound of event-timing bias (seconds) at strike, toe-off and mid-stance (computeMetrics derives them). */
  strikeBiasSec: number;
  toeOffBiasSec: number;
  midStanceBiasSec: number;
  /** Each leg's joint-placement error on a pose model's track, 0 on exact joint centres. */
  poseAngleBiasDeg: number;
  /** Each foot's heel→toe placement error on a pose model's track (computeMetrics footAngleBiasDeg), 0 on exact joint centres. */
  footAngleBiasDeg: number;
  /** Whether that leg is measured from this side at all (computeMetrics legMeasured). */
  legMeasured: (side: Side) => boolean;
  /**
   * The leg nearer the camera on a pose model's track (null on exact joint centres, where nothing is hidden). At the
   * far leg's mid-stance the near leg swings past in front of it: the model guesses it with full confidence (rendered
   * clip, BlazePose full: the far knee at mid-stance read 25–29° against 38° true), so it is not measured there.
   */
  nearSide: Side | null;
}

export interface SideViewOutput {
  /** Per step (same order as timings): the six angles, NaN where not measured. */
  perStep: Record<SideViewAngleId, number>[];
  /** Per step, per angle: the systematic bound of that value (NaN where not measured). */
  systematic: Record<SideViewAngleId, number>[];
  /** Trunk lean over every frame from the first to the last strike with a shoulder seen. */
  trunkLeanWholeClipDeg: number;
}

/**
 * Both stances read the same trunk through the same points, yet not alike on a pose model's track: the rendered run
 * filmed from both sides (BlazePose heavy) read left − right trunk lean +1.2° from its left and −1.6° from its right,
 * the near leg's stance ~1.4° more forward in each (the near arm and shoulder cross the trunk line). Each side carries
 * 1.5° of it; exact joint centres carry none.
 */
const TRUNK_POSE_BIAS_DEG = 1.5;

/**
 * A pose model places the arm worse than the leg: the demo clip and the same clip mirrored in x (one arm, the same
 * frames, read twice; scripts/validate/mirroredDemo.ts) give that arm's mean swing range 34.7° and 25.3° (BlazePose
 * heavy, TF.js), 39.4° and 31.1° (full), 32.5° and 22.0° (heavy on ONNX Runtime): up to 10.5° between two readings
 * of one arm, so each arm's range carries 7.5° (√2 × 7.5 = 10.6°), not the legs' 3°. Exact joint centres carry none.
 */
export const ARM_POSE_BIAS_DEG = 7.5;

/**
 * A foot's angle is read from two points a foot-length apart that pose models place worst (2D pose-model ankle angles
 * are off by 6–7°: Stenum 2021, Van Hooren 2023). Measured at the detected strikes (`npx tsx
 * scripts/validate/sideAngles.ts`, and the same on `npm run validate:variants`' re-encodings): BlazePose heavy's
 * foot-strike angle +1.2° (clip from the right) and +3.4° (from the left), with the runner at half size +0.6° and
 * +2.2°; BlazePose full's −3.9° and +10.5°, at half size −5.8° and +12.2°. Per foot: 7° for heavy, 13° for any other
 * or unknown model (an imported keypoint CSV does not say which model made it).
 */
export const FOOT_ANGLE_BIAS_HEAVY_DEG = 7;
export const FOOT_ANGLE_BIAS_OTHER_DEG = 13;

/** Arm swing is measured over a stride only when the arm is seen in most of its frames (a far arm behind the trunk is guessed). */
const ARM_SEEN_FRACTION = 0.8;

const seenAt = (track: PoseTrack, names: readonly string[], t: number): boolean =>
  minScoreAt(track, names, nearestFrame(track.timesSec, t)) >= MIN_VISIBILITY;

/**
 * At mid-stance the stance foot carries the body on the belt while the other swings above it: a "stance" ankle higher
 * in the image than the other ankle means the labels crossed there (rendered clip, BlazePose full: the near ankle and
 * foot took the swinging far foot's place at the first and last mid-stance, and its knee read 90–94°).
 */
function stanceFootLowest(track: PoseTrack, side: Side, t: number): boolean {
  const own = pointAt(track, `${side}_ankle`, t);
  const other = pointAt(track, `${side === 'left' ? 'right' : 'left'}_ankle`, t);
  return own !== null && (other === null || own.y >= other.y);
}

/**
 * How far either side of mid-stance a frame where the points are seen is looked for (s): three frames at 60 fps. A
 * time, not a frame count: three frames at 30 fps reach 100 ms into a 250 ms stance, where the knee has straightened
 * well away from its mid-stance angle (the rendered run's true knee: 39° at mid-stance, 24° 54 ms later). Measured on
 * that run rendered at 30 fps (BlazePose heavy; 60 fps unchanged): knee flexion at mid-stance 5.5 → 4.7° low from the
 * right, 6.0 → 6.2° from the left; the rest is the pose model's knee where the legs cross and the render's late
 * near-foot toe-offs (its rigid shoe pivots on the toe), which put mid-stance 9–22 ms late.
 */
const MID_STANCE_SEARCH_SEC = 0.05;

/**
 * A quantity read at mid-stance from the frames nearest to t where the points are seen, interpolated between the last
 * such frame before t and the first after (or the one there is), within MID_STANCE_SEARCH_SEC. At mid-stance the
 * legs cross and a pose model's labels flicker between them for a frame or two (rendered clip, BlazePose heavy: the
 * near knee scored 0.2–0.4 in the 1–3 frames before 9 of 13 mid-stances and 0.97–1.0 around them, and the knee angle
 * read through those frames came out 6.5° large); the knee and the flat foot hardly move over those 50 ms.
 */
function readWhereSeen(track: PoseTrack, names: readonly string[], t: number, read: (t: number) => number): number {
  const times = track.timesSec;
  const near = (i: number): boolean => i >= 0 && i < times.length && Math.abs((times[i] as number) - t) <= MID_STANCE_SEARCH_SEC + 1e-9;
  const seen = (i: number): boolean => minScoreAt(track, names, i) >= MIN_VISIBILITY;
  const after = firstFrameFrom(times, t);
  let b = -1; let a = -1;
  for (let i = after - 1; near(i) && b < 0; i--) if (seen(i)) b = i;
  for (let i = after; near(i) && a < 0; i++) if (seen(i)) a = i;
  if (a < 0 && b < 0) return Number.NaN;
  if (a < 0 || b < 0) return read(times[Math.max(a, b)] as number);
  const ta = times[a] as number; const tb = times[b] as number;
  const w = ta > tb ? (t - tb) / (ta - tb) : 0;
  return read(tb) * (1 - w) + read(ta) * w;
}

function framesIn(times: readonly number[], t0: number, t1: number): number[] {
  const out: number[] = [];
  for (let i = firstFrameFrom(times, t0); i < times.length && (times[i] as number) <= t1; i++) out.push(i);
  return out;
}

export function measureSideView(input: SideViewInput): SideViewOutput {
  const { track, forwardSign, verticalDeg, poseAngleBiasDeg: pose } = input;
  const times = track.timesSec;
  const thigh = (side: Side) => (t: number): number => thighInclinationDeg(track, side, t, forwardSign, verticalDeg);
  const foot = (side: Side) => (t: number): number => footAngleDeg(input.footTrack, side, t, forwardSign);
  const knee = (side: Side) => (t: number): number => kneeFlexionDeg(track, side, t);
  const shoulderSeen = (side: Side, frame: number): boolean => minScoreAt(track, [`${side}_shoulder`], frame) >= MIN_VISIBILITY;
  const hipSeen = (side: Side, frame: number): boolean => minScoreAt(track, [`${side}_hip`], frame) >= MIN_VISIBILITY;
  const trunkAtFrame = (i: number): number => trunkLeanDeg(track, times[i] as number, forwardSign, verticalDeg,
    (joint, side) => (joint === 'shoulder' ? shoulderSeen(side, i) : hipSeen(side, i)));
  const trunkOver = (t0: number, t1: number): number => mean(framesIn(times, t0, t1).map(trunkAtFrame).filter(Number.isFinite));
  const withPose = (timingBias: number): number => Math.hypot(timingBias, pose);

  const perStep: Record<SideViewAngleId, number>[] = [];
  const systematic: Record<SideViewAngleId, number>[] = [];
  for (const s of input.timings) {
    const v = { hipExtensionAtToeOffDeg: NaN, kneeDriveDeg: NaN, footStrikeAngleDeg: NaN, kneeFlexionMidstanceDeg: NaN, trunkLeanDeg: NaN, armSwingDeg: NaN };
    const e = { ...v };
    const leg = input.legMeasured(s.side);
    const legPts = ['hip', 'knee', 'ankle'].map((j) => `${s.side}_${j}`);
    const thighPts = [`${s.side}_hip`, `${s.side}_knee`];
    const footPts = [`${s.side}_heel`, `${s.side}_foot_index`];
    const to = s.toeOffTimeSec;
    const nextStrike = s.strideMs !== null ? s.strikeTimeSec + s.strideMs / 1000 : null;
    if (leg && to !== null && seenAt(track, thighPts, to)) {
      // hip extension = the thigh behind the vertical at toe-off
      v.hipExtensionAtToeOffDeg = -thigh(s.side)(to);
      e.hipExtensionAtToeOffDeg = withPose(readingBias(thigh(s.side), to, input.toeOffBiasSec));
    }
    if (leg && to !== null && nextStrike !== null) {
      // knee drive = the thigh's largest angle ahead of the vertical between this foot's toe-off and its next strike;
      // a peak in mid-swing, so the events' timing hardly moves it
      let best = Number.NEGATIVE_INFINITY;
      let bestFrame = -1;
      for (const i of framesIn(times, to, nextStrike)) {
        const a = thigh(s.side)(times[i] as number);
        if (a > best) { best = a; bestFrame = i; }
      }
      if (bestFrame >= 0 && minScoreAt(track, thighPts, bestFrame) >= MIN_VISIBILITY) {
        v.kneeDriveDeg = best;
        e.kneeDriveDeg = pose;
      }
    }
    if (to !== null) {
      // mid-stance = the midpoint of contact (RBDS truth: 50% of contact), where the foot lies flat on the belt
      const mid = (s.strikeTimeSec + to) / 2;
      const midOk = leg && (input.nearSide === null || input.nearSide === s.side) && stanceFootLowest(track, s.side, mid);
      if (midOk && seenAt(track, footPts, s.strikeTimeSec)) {
        v.footStrikeAngleDeg = foot(s.side)(s.strikeTimeSec) - readWhereSeen(track, footPts, mid, foot(s.side));
        e.footStrikeAngleDeg = Math.hypot(readingBias(foot(s.side), s.strikeTimeSec, input.strikeBiasSec), input.footAngleBiasDeg);
      }
      const kneeMid = midOk ? readWhereSeen(track, legPts, mid, knee(s.side)) : Number.NaN;
      if (Number.isFinite(kneeMid)) {
        v.kneeFlexionMidstanceDeg = kneeMid;
        e.kneeFlexionMidstanceDeg = withPose(readingBias(knee(s.side), mid, input.midStanceBiasSec));
      }
      // trunk lean over this foot's stance: the window's timing, and on a pose model's track TRUNK_POSE_BIAS_DEG
      v.trunkLeanDeg = trunkOver(s.strikeTimeSec, to);
      e.trunkLeanDeg = Math.hypot(readingBias((dt) => trunkOver(s.strikeTimeSec + dt, to + dt), 0, input.strikeBiasSec), pose > 0 ? TRUNK_POSE_BIAS_DEG : 0);
    }
    if (nextStrike !== null) {
      // arm swing = range of the upper arm's angle over this side's stride, from the frames where the arm is seen
      const armPts = ['shoulder', 'elbow', 'wrist'].map((j) => `${s.side}_${j}`);
      const frames = framesIn(times, s.strikeTimeSec, nextStrike);
      const seen = frames.filter((i) => minScoreAt(track, armPts, i) >= MIN_VISIBILITY);
      const angles = seen.map((i) => upperArmInclinationDeg(track, s.side, times[i] as number, forwardSign, verticalDeg)).filter(Number.isFinite);
      if (frames.length > 0 && angles.length >= ARM_SEEN_FRACTION * frames.length) {
        v.armSwingDeg = Math.max(...angles) - Math.min(...angles);
        e.armSwingDeg = pose > 0 ? ARM_POSE_BIAS_DEG : 0;
      }
    }
    perStep.push(v);
    systematic.push(e);
  }
  const first = input.timings[0]?.strikeTimeSec;
  const last = input.timings[input.timings.length - 1]?.strikeTimeSec;
  const whole = first !== undefined && last !== undefined ? trunkOver(first, last) : Number.NaN;
  return { perStep, systematic, trunkLeanWholeClipDeg: whole };
}

/** The six angles of a step as StepRow fields (null where not measured). */
export function sideViewStepFields(v: Record<SideViewAngleId, number> | undefined): Partial<Pick<StepRow, SideViewAngleId>> {
  if (!v) return {};
  const nz = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return Object.fromEntries(SIDE_VIEW_ANGLE_IDS.map((id) => [id, nz(v[id])])) as Partial<Pick<StepRow, SideViewAngleId>>;
}
