// Capture-quality warnings and the rule that asymmetry is not flagged when the data cannot support it (issue 3
// "Quality"; docs/references.md: frame rate is the floor, average ≥ 7 steps per side (Dingenen 2018)).
import type { HipDropInfo } from './computeMetrics';
import { IMPACT_MIN_FPS } from './gait/impactTiming';
import { commonestEdge, outsideEdgeAt } from './gait/pointVisibility';
import { mean, median, percentile } from './seriesMath';
import { alternateStrikeGapsSec, type StepTiming } from './stepTiming';
import type { MetricId, PictureEdge, PoseTrack, Side, View } from './types';

/** Fewer strikes than this on either side and no left/right difference is flagged (issue 3: "fewer than ~8"). */
export const MIN_STEPS_PER_SIDE = 8;

export interface QualityInput {
  /** The track as it came in (before repair and filtering): what the camera and pose model really delivered. */
  rawTrack: PoseTrack;
  view: View;
  fps: number;
  timings: StepTiming[];
  swappedFrames: number;
  eventWarnings: string[];
  /** What the result says elsewhere (the feet this clip cannot time, gait/eventReliability.ts): not said again here. */
  saidElsewhere?: string[];
  hipDrop: HipDropInfo | null;
  /** Side view with a belt speed: the runner's hip-to-ankle length that speed implies (beltScale.ts). */
  beltCheck?: { beltSpeedMps: number; legLengthCm: number };
  /** Events given from outside (force plates, a hand-corrected file): the rear view's coarse timing does not apply. */
  eventsGiven?: boolean;
}

/**
 * Median hip-to-ankle distance while running, cm: 0.44–0.47 of stature on the RBDS runners (80–85 cm at 180–183 cm),
 * so about 60–100 cm for 140–210 cm tall runners; outside these generous bounds the belt speed (or its unit) is wrong.
 */
const LEG_CM_RANGE: readonly [number, number] = [55, 110];

export interface QualityAssessment {
  framesWithPose: number;
  framesTotal: number;
  warnings: string[];
  /** True when no left/right difference may be flagged at all. */
  refuseFlags: boolean;
  /** Metrics whose left/right difference must not be flagged, with the reason. */
  suppressed: Partial<Record<MetricId, string>>;
  /**
   * Metrics whose numbers the clip cannot support: 'difference' withholds the left − right interval and symmetry
   * index (a number without a flag would still read as a finding), 'sides' the per-side means too, 'all' every
   * per-step value as well (a measure this clip does not take: no step, chart or CSV cell shows a number for it).
   */
  withheld: Partial<Record<MetricId, 'difference' | 'sides' | 'all'>>;
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

function present(track: PoseTrack, name: string, i: number): boolean {
  const kp = track.keypoints[name];
  return !!kp && Number.isFinite(kp.x[i]) && Number.isFinite(kp.y[i]) && !((kp.score[i] ?? 1) <= 0);
}

function footMissingFraction(track: PoseTrack, side: Side): number {
  const n = track.timesSec.length;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (!['ankle', 'heel', 'foot_index'].some((p) => present(track, `${side}_${p}`, i))) missing++;
  }
  return n === 0 ? 1 : missing / n;
}

/** Share of frames in which a foot lies outside the picture, and past which edge mostly (pointVisibility.ts). */
function footOutside(track: PoseTrack, side: Side): { share: number; edge: PictureEdge } {
  const n = track.timesSec.length;
  const { edge, count } = commonestEdge(track.timesSec.map((_, i) => outsideEdgeAt(track, ['ankle', 'heel', 'foot_index'].map((p) => `${side}_${p}`), i)));
  return { share: n === 0 ? 0 : count / n, edge };
}

/** Steps per minute below which no one runs (running cadence about 130–240: gait/rearRhythm.ts, docs/references.md). */
const SLOWEST_RUNNING_SPM = 120;

/**
 * Steps per minute from the median time between consecutive strikes of alternate feet, with no bound on a step's
 * length (stepTiming.ts leaves steps of a second or more out, which a clip slowed four or eight times is made of);
 * null with fewer than six such pairs (a few contacts far apart say nothing about the rhythm).
 */
function strikeRhythmSpm(timings: readonly StepTiming[]): number | null {
  const gaps = alternateStrikeGapsSec(timings.map((t) => ({ side: t.side, timeSec: t.strikeTimeSec })));
  return gaps.length >= 6 ? 60 / median(gaps) : null;
}

const TIMING_METRICS: MetricId[] = ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'stepLengthCm', 'strideLengthCm'];
const BOUNCE_METRICS: MetricId[] = ['verticalOscillationPx', 'verticalOscillationCm'];

/**
 * Running on a treadmill has contacts of about 160–300 ms and a duty factor of about 0.28–0.39 (docs/references.md;
 * Sports 2019 7(11):233); with generous margins, means outside 120–450 ms or 18–50% are a detector failure, not a
 * gait. In a continuous clip the feet alternate, so their contact counts differ by one, not by several.
 */
function implausibleTiming(timings: readonly StepTiming[], strikes: Record<Side, number>): string | null {
  const gap = Math.abs(strikes.left - strikes.right);
  if (gap > Math.max(2, 0.15 * Math.max(strikes.left, strikes.right))) {
    return `The feet have different numbers of detected contacts (${strikes.left} left, ${strikes.right} right)`;
  }
  for (const side of ['left', 'right'] as const) {
    const own = timings.filter((t) => t.side === side);
    const contact = mean(own.map((t) => t.contactMs ?? NaN));
    const duty = mean(own.map((t) => (t.contactMs !== null && t.strideMs !== null ? (100 * t.contactMs) / t.strideMs : NaN)));
    if (Number.isFinite(contact) && (contact < 120 || contact > 450)) return `The ${side} foot's mean contact time of ${Math.round(contact)} ms is outside the running range`;
    if (Number.isFinite(duty) && (duty < 18 || duty > 50)) return `The ${side} foot's duty factor of ${Math.round(duty)}% is outside the running range`;
  }
  return null;
}

export function assessQuality(q: QualityInput): QualityAssessment {
  const track = q.rawTrack;
  const framesTotal = track.timesSec.length;
  let framesWithPose = 0;
  for (let i = 0; i < framesTotal; i++) if (present(track, 'left_hip', i) || present(track, 'right_hip', i)) framesWithPose++;
  const warnings: string[] = [];
  const suppressed: Partial<Record<MetricId, string>> = {};
  const withheld: QualityAssessment['withheld'] = {};
  let refuseFlags = false;

  const strikes: Record<Side, number> = { left: q.timings.filter((t) => t.side === 'left').length, right: q.timings.filter((t) => t.side === 'right').length };
  if (q.timings.length === 0) {
    warnings.push('No foot contacts were found: check that the runner\'s legs and feet are in view for the whole clip.');
    refuseFlags = true;
  } else if (Math.min(strikes.left, strikes.right) < MIN_STEPS_PER_SIDE) {
    warnings.push(`Only ${strikes.left} left and ${strikes.right} right steps: at least ${MIN_STEPS_PER_SIDE} per side are needed to compare the sides, so no left/right difference is flagged. Record 15–30 s of steady running.`);
    refuseFlags = true;
  }
  // A rhythm slower than any running: phones film slow motion (120 or 240 fps) and some share it as a clip played at
  // 30 fps, slowed four or eight times; every time then reads that much longer (the rendered RBDS008 run slowed
  // twice read 81 steps/min and contacts of 470–480 ms). Running cadence is about 130–240 steps/min, walking about
  // 100–120 (docs/references.md, "Cadence").
  const cadence = strikeRhythmSpm(q.timings);
  if (cadence !== null && cadence < SLOWEST_RUNNING_SPM) {
    warnings.push(`The steps come ${Math.round(cadence)} times a minute, slower than any running (about 130–240 steps per minute): if this is a slow-motion clip played at normal speed, every time here is too long by its slow-down (4 or 8 times); analyse the original slow-motion file, which keeps its real frame rate. If it is walking, Lopsided's event rules and bands are made for running.`);
  }
  // Plausibility of the events themselves: the Welch interval cannot see a detector that misses contacts or
  // mistimes them wholesale (issue 3: refuse to flag what the data cannot support).
  // (whether or not the clip has steps enough to flag: a short rear clip's per-side times are no better)
  if (q.view === 'rear' && q.timings.length > 0 && q.eventsGiven !== true) {
    // From behind, strike and toe-off are seen only as the foot's vertical motion; the RBDS rear keypoints put
    // strikes 35–45 ms off the force plate, differently per foot (scripts/validate.ts): far beyond the 10 ms / one-frame bias
    // bound of the side view, so timing differences from a rear clip would be detector artefacts.
    const why = 'foot contacts seen from behind are timed too coarsely to compare the sides';
    warnings.push('Foot contacts seen from behind are timed less precisely than from the side: contact, flight and step times and the bounce per side are not measured here. Film from the side to compare timing.');
    // Not their per-side means either, nor the per-step values (steps.csv, the step tables): from behind, BlazePose
    // tracks of the rendered RBDS008 run put strikes ~100 ms and toe-offs ~60 ms early (scripts/validate/rear.ts), so
    // every contact reads ~40 ms long, and the step times 397 / 341 ms for a true 370 / 373. The events stay: they
    // delimit the stances whose hip drop is read at the pelvis's own low (gait/pelvisLow.ts).
    for (const id of TIMING_METRICS) { suppressed[id] = why; withheld[id] = 'all'; }
    // The bounce is split into left and right steps by those same strikes: on that rendered clip its left − right
    // interval was −3.5…−1.5 px where the force-plate steps give 0.0 px on the same track.
    for (const id of BOUNCE_METRICS) { suppressed[id] = why; withheld[id] = 'all'; }
  } else if (!refuseFlags) {
    const why = implausibleTiming(q.timings, strikes);
    if (why) {
      warnings.push(`${why}: the foot events look unreliable, so left/right differences in contact, flight and step time are not compared.`);
      for (const id of TIMING_METRICS) { suppressed[id] = why; withheld[id] = 'difference'; }
    }
  }
  // The foot-strike angle is read at the strike, where a rearfoot striker's foot is still turning fast (about 0.4° per
  // ms). Below IMPACT_MIN_FPS the strike is refined to the touchdown only coarsely, over two or three frames
  // (gait/impactTiming.ts), and one frame spans 20 ms or more. Measured at 30 fps (`npx tsx
  // scripts/validate/sideAngles.ts` with the angle let through): with the belt rule alone RBDS002_T45 right 8.0° and
  // RBDS008_T35 right 6.5° off the joint centres; with the coarse touchdown RBDS008_T35 right 7.0°, RBDS002_T45 right
  // 5.2°, RBDS008_T35 left 4.3° — beyond the angle's 3° band, while the same trials at 60 and 120 fps are within
  // 0.5–4.4°. Events given from outside (force plates, by hand) keep it.
  if (q.view === 'side' && q.fps > 0 && q.fps < IMPACT_MIN_FPS && q.eventsGiven !== true) {
    const why = `at ${q.fps.toFixed(0)} fps the foot strike is not timed closely enough for the foot's angle`;
    suppressed.footStrikeAngleDeg = why;
    withheld.footStrikeAngleDeg = 'all';
    warnings.push(`Frame rate ${q.fps.toFixed(0)} fps: the foot-strike angle (and with it rearfoot / midfoot / forefoot) is not measured. At foot strike the foot turns by several degrees within one ${(1000 / q.fps).toFixed(0)} ms frame, and below ${IMPACT_MIN_FPS} fps the touchdown is timed only to within a frame or so. Film at 60 fps or more to measure it.`);
  }
  // The event stage words some of the same checks (src/analysis/gait/qualityWarnings.ts), the feet not timed some
  // others (saidElsewhere): say each thing once.
  const covered = (re: RegExp): boolean => [...q.eventWarnings, ...(q.saidElsewhere ?? [])].some((w) => re.test(w));
  if (q.fps > 0 && q.fps < 50 && !covered(/frames per second|\bfps\b/i)) {
    warnings.push(`Frame rate ${q.fps.toFixed(0)} fps: one frame is ${(1000 / q.fps).toFixed(0)} ms, so contact and flight times are coarse even with events interpolated between frames. Record at 60 fps or more (120 is better).`);
  }
  if (framesTotal > 0 && framesWithPose < 0.9 * framesTotal) {
    warnings.push(`The runner was found in only ${pct(framesWithPose / framesTotal)} of frames.`);
  }
  for (const side of ['left', 'right'] as const) {
    const miss = footMissingFraction(track, side);
    if (miss > 0.2 && !covered(new RegExp(`\\b${side} foot is not seen`, 'i'))) warnings.push(`The ${side} foot is not seen in ${pct(miss)} of frames (hidden or out of the picture): its events are less certain.`);
    const outside = footOutside(track, side);
    if (outside.share > 0.2 && !covered(new RegExp(`(\\b${side} foot is|both feet are) out of the picture at`, 'i'))) warnings.push(`The ${side} foot is out of the picture (past its ${outside.edge} edge) in ${pct(outside.share)} of frames: its points there are the pose model's guesses. Frame the whole runner, feet included, with a little of the belt around them.`);
  }
  // A treadmill keeps the hips in place; travel across the frame means overground running or a moving camera. The
  // event stage may have said so already (gait/qualityWarnings.ts): one warning, not two.
  const pelvisX = track.timesSec.map((_, i) => ((track.keypoints.left_hip?.x[i] ?? NaN) + (track.keypoints.right_hip?.x[i] ?? NaN)) / 2);
  const travel = percentile(pelvisX, 95) - percentile(pelvisX, 5);
  if (q.view === 'side' && track.width > 0 && travel > 0.3 * track.width && !covered(/moves across the picture/i)) {
    warnings.push(`The runner's hips travel across ${pct(travel / track.width)} of the frame width: this looks like overground running or a moving camera. Lopsided expects a treadmill and a still camera; event timing may be less accurate.`);
  }
  // The belt speed sets every length in cm; a speed typed in the wrong unit makes the runner a giant or a child.
  if (q.beltCheck && (q.beltCheck.legLengthCm < LEG_CM_RANGE[0] || q.beltCheck.legLengthCm > LEG_CM_RANGE[1])) {
    const { beltSpeedMps, legLengthCm } = q.beltCheck;
    warnings.push(`The belt speed given (${(beltSpeedMps * 3.6).toFixed(1)} km/h) makes the runner's hip-to-ankle length ${Math.round(legLengthCm)} cm in this video, where runners measure about 60–100 cm: check the speed and its unit. Step and stride length and the bounce in cm scale with it; the times and the left/right comparison do not.`);
  }
  // From behind, a runner moving away from (or towards) the camera shrinks (or grows) in the image.
  const hipWidth = track.timesSec.map((_, i) => Math.abs((track.keypoints.right_hip?.x[i] ?? NaN) - (track.keypoints.left_hip?.x[i] ?? NaN)));
  const widthRatio = percentile(hipWidth, 95) / percentile(hipWidth, 5);
  if (q.view === 'rear' && widthRatio > 1.5) {
    warnings.push(`The runner's size in the picture changes by ${Math.round((widthRatio - 1) * 100)}%: this looks like running away from or towards the camera rather than on a treadmill.`);
  }
  if (framesTotal > 0 && q.swappedFrames > 0.1 * framesTotal && !covered(/mixed up the legs/i)) {
    warnings.push(`The pose model mixed up the left and right legs in ${pct(q.swappedFrames / framesTotal)} of frames; they were repaired, but check that the events in the chart sit on the right foot.`);
  }
  if (q.hipDrop) {
    if (q.hipDrop.source === 'hipKeypoints') {
      if (track.source.kind === 'pose-model') {
        warnings.push('Hip drop is measured from the pose model\'s hip points, not from the pelvis in the image: pose-model hips under-report the drop (they showed 6–12% of it on rendered rear-view clips), so read these values as lower bounds and the sides are not compared for hip drop.');
        suppressed.hipDropDeg = 'pose-model hip keypoints under-report the drop';
      } else {
        warnings.push('Hip drop is measured from the hip keypoints of the imported track (no pelvis marks): if they come from a pose model, they under-report the drop (6–12% of it on rendered rear-view clips).');
      }
    }
    if (q.hipDrop.roll.reference === 'horizon' && Math.abs(q.hipDrop.roll.offsetDeg) > 2) {
      warnings.push(`The camera is tilted by ${Math.abs(q.hipDrop.roll.offsetDeg).toFixed(1)}° against the horizon: hip drop was corrected for it; level the camera next time.`);
    }
    if (q.hipDrop.roll.reference === 'imageLevel') {
      warnings.push(`No horizon was given for this keypoint track, so hip drop is measured against the image horizontal, taken as level (right for lab data; the pelvis line leans ${Math.abs(q.hipDrop.roll.meanTiltDeg ?? 0).toFixed(1)}° on average). If the camera was tilted, give its horizon (--horizon): each degree of tilt raises one side's drop and lowers the other's by a degree.`);
    }
    if (q.hipDrop.roll.reference === 'meanPelvisLine') {
      const tilt = q.hipDrop.roll.offsetDeg;
      if (Math.abs(tilt) > 2) warnings.push(`The camera (or the runner's pelvis) is tilted by ${Math.abs(tilt).toFixed(1)}°: hip drop was levelled against the mean pelvis line.`);
      warnings.push('No level reference was given, so hip drop is levelled against the mean pelvis line over the clip: camera tilt and a real left/right difference in drop cannot be told apart, and the sides are not compared for hip drop. Level the camera and give the horizon to compare them.');
      suppressed.hipDropDeg ??= 'no level reference: camera roll and a left/right difference cannot be separated';
    }
  }
  // The step-count refusal above already says what the event stage's own step-count warning says.
  const eventWarnings = refuseFlags ? q.eventWarnings.filter((w) => !/at least 8 per side/.test(w)) : q.eventWarnings;
  for (const w of eventWarnings) if (!warnings.includes(w)) warnings.push(w);
  return { framesWithPose, framesTotal, warnings, refuseFlags, suppressed, withheld };
}
