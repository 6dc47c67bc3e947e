// From found gait events to the AnalysisResult (report.json, schemaVersion 1): metrics → comparison → quality →
// flags → verdict, plus curves, steps and the method section. analyseTrack runs findGaitEvents first; tests and the
// validation script can feed events of their own (e.g. force-plate truth) through the same path.
import { assessQuality, MIN_STEPS_PER_SIDE } from './assessQuality';
import { beltScale, type BeltScaleResult } from './beltScale';
import { ASSUMED_LEVEL_ROLL_DEG, IMAGE_LEVEL_MAX_TILT_DEG } from './hipDrop';
import { COMPARE_METHOD, compareSides } from './compareSides';
import { computeMetrics, legMeasured, type Facing, type MetricsOutput } from './computeMetrics';
import { FLAG_BANDS } from './flagBands';
import { METRIC_NAME } from './metricNames';
import { givenTimingReliability, hiddenFootReasons } from './gait/eventReliability';
import { METRICS_USING } from './untimedMetrics';
import { kneeCycleCurve } from './gaitCurves';
import { raiseFlags } from './raiseFlags';
import { smallRunnerWarning } from './runnerSize';
import { sideViewMethod } from './sideViewMethod';
import { SIDE_VIEW_ANGLE_IDS, type SideViewAngleId } from './sideViewMeasures';
import type { AnalysisOptions, AnalysisResult, FootStrikeReading, GaitEvent, MetricId, MetricSummary, PoseTrack, Side, StepRow, TimingReliability, View } from './types';
import { writeVerdict } from './writeVerdict';
import { footStrikeReading } from './footStrikePattern';

export interface VideoMeta {
  path: string;
  fps: number;
  durationSec: number;
  width: number;
  height: number;
}

/** The shape of findGaitEvents' result (src/analysis/findGaitEvents.ts), restated so this file stands alone. */
export interface GaitInput {
  view: View;
  facing: Facing;
  /** Repaired and filtered track. */
  track: PoseTrack;
  events: GaitEvent[];
  swappedFrames: number;
  /** Frames whose leg labels were swapped relative to the raw track (written to the result for overlays). */
  legSwapFrames?: number[];
  warnings: string[];
  /** Side view from 29 fps: each foot's strike correction to its touchdown (gait/impactTiming.ts). */
  impactShifts?: { side: 'left' | 'right'; shiftSec: number; impacts: number; applied: boolean; sharedFrom?: 'left' | 'right' }[];
  /** Side view: the belt's image slant and whether the events were timed on the track levelled to it (gait/beltLevel.ts). */
  beltAngleDeg?: number | null;
  beltLevelled?: boolean;
  /** How well the clip times each foot (gait/eventReliability.ts); absent for events given from outside. */
  timing?: TimingReliability;
  /** The track with heels and toes filtered lightly (findGaitEvents), for the foot-strike angle; else `track`. */
  footTrack?: PoseTrack;
  /** Side view: why the leg labels may be the wrong way round (the verdict says so before a flag names a side). */
  sidesInDoubt?: string | null;
}

/** A metric whose sides are not compared: no interval, no symmetry index, and the given sides' means left out. */
function notCompared(m: MetricSummary, sides: readonly Side[]): MetricSummary {
  const out: MetricSummary = { ...m, symmetryIndexPct: null, symmetryAnglePct: null, differenceCi95: null };
  for (const side of sides) out[side] = null;
  return out;
}

/** A measure this clip does not take at all: no means, no interval, and no per-step values to show. */
function notMeasured(m: MetricSummary): MetricSummary {
  const out: MetricSummary = { ...notCompared(m, ['left', 'right']), perStep: { left: [], right: [] } };
  delete out.systematic;
  return out;
}

/** The step-row fields of the timing measures (a side-view angle's field has the measure's own name). */
const STEP_TIMING_FIELDS: Partial<Record<MetricId, 'contactMs' | 'flightMs' | 'stepMs'>> = { contactTimeMs: 'contactMs', flightTimeMs: 'flightMs', stepTimeMs: 'stepMs' };

/** The step row with the measures this clip does not take emptied (steps.csv, the step tables). */
function withoutMeasures(row: StepRow, ids: readonly MetricId[]): StepRow {
  const out = { ...row };
  for (const id of ids) {
    if ((SIDE_VIEW_ANGLE_IDS as readonly MetricId[]).includes(id)) out[id as SideViewAngleId] = null;
    const field = STEP_TIMING_FIELDS[id];
    if (field) out[field] = null;
  }
  return out;
}

/**
 * A foot this clip cannot time is not compared: the metrics reading its events get no flag, no left − right
 * interval and no symmetry index, and that foot's mean is left out ("not measured from this side"); its per-step
 * values stay in the result as they were read.
 */
function hiddenFootSuppression(timing: TimingReliability, facing: string, metrics: Partial<Record<MetricId, MetricSummary>>): { suppressed: Partial<Record<MetricId, string>>; reasons: string[] } {
  const suppressed: Partial<Record<MetricId, string>> = {};
  const reasons: string[] = [];
  for (const h of hiddenFootReasons(timing, facing)) {
    if (!reasons.includes(h.reason)) reasons.push(h.reason); // one sentence may speak for several feet and events
    for (const id of METRICS_USING[h.type]) {
      suppressed[id] ??= h.reason;
      const m = metrics[id];
      if (m) metrics[id] = notCompared(m, [h.side]);
    }
  }
  return { suppressed, reasons };
}

/** Near leg, far leg: angles of a leg whose joints were not seen at its strikes are not measured (computeMetrics). */
function unseenLegWarnings(u: MetricsOutput['legUnseen'], facing: string): string[] {
  const out: string[] = [];
  for (const side of ['left', 'right'] as const) {
    if (u[side] === 0) continue;
    const whole = !legMeasured(u, side);
    const film = (facing === 'imageLeft' && side === 'right') || (facing === 'imageRight' && side === 'left') ? ` Film from the runner's ${side} to measure it as the near leg.` : '';
    out.push(whole
      ? `The ${side} leg's hip, knee or ankle is hidden at ${u[side]} of its ${u.strikes[side]} foot strikes (pose confidence down to ${u.minScore[side].toFixed(2)}): its knee and hip angles (at strike, mid-stance, toe-off and in swing) are not measured from this side.${film}`
      : `The ${side} leg's hip, knee or ankle is hidden at ${u[side]} of its ${u.strikes[side]} foot strikes: those strikes are left out of its knee and shin angles at strike.`);
  }
  return out;
}

/**
 * Each foot's class from the angle the table shows (footStrikePattern.ts): none where the foot's angle is not shown
 * (hidden, or its strikes not timed), 'unclear' where its interval spans a class border.
 */
function footStrikePatternShown(metrics: Partial<Record<MetricId, MetricSummary>>): Record<Side, FootStrikeReading | null> {
  const m = metrics.footStrikeAngleDeg;
  const of = (side: Side): FootStrikeReading | null =>
    m && m[side] !== null ? footStrikeReading(m.perStep?.[side] ?? [], m.systematic?.[side] ?? 0) : null;
  return { left: of('left'), right: of('right') };
}

function ms(sec: number): string {
  return `${(sec * 1000).toFixed(1)} ms`;
}

/** The per-foot timing evidence in words, for the method section. */
function describeTiming(t: TimingReliability): string {
  return describeClipTiming(t) + describeHandSet(t);
}

/** Which events a person set, and the bound that puts on them (gait/handSetTiming.ts). */
function describeHandSet(t: TimingReliability): string {
  if (t.handSetSec === undefined) return '';
  const parts: string[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const [type, word] of [['footStrike', 'strike'], ['toeOff', 'toe-off']] as const) {
      const n = t.evidence[side][type].handSet ?? 0;
      if (n > 0) parts.push(`${n} ${side} ${word}${n === 1 ? '' : 's'}`);
    }
  }
  return ` Corrected by hand: ${parts.join(', ')}. An event set by eye is placed to about one frame (the eye-marked demo clip: ±1 frame), so each event type with a hand-set event is bounded by at least ${ms(t.handSetSec)} between the feet; a foot whose events of a type were all set by hand is no longer judged by the pose model's confidence or the second rule.`;
}

function describeClipTiming(t: TimingReliability): string {
  if (t.basis === 'hand') return 'Every event was set by hand.';
  if (t.basis === 'given') return `Events given from outside: each left − right event-timing difference is bounded by the resolution floor ${ms(t.floorSec)}.`;
  const zen = (side: 'left' | 'right', type: 'footStrike' | 'toeOff'): string => {
    const z = t.evidence[side][type].zeniOffsetSec;
    return z === null ? 'n/a' : `${z >= 0 ? '+' : '−'}${ms(Math.abs(z))}`;
  };
  const vis = (side: 'left' | 'right', type: 'footStrike' | 'toeOff'): string => {
    const v = t.evidence[side][type].visibility;
    return v === null ? '' : `, confidence ${v.toFixed(2)}`;
  };
  const part = (type: 'footStrike' | 'toeOff', word: string): string => `${word}: bound ${ms(t.betweenFeetSec[type])} (coordinate rule offset left ${zen('left', type)}${vis('left', type)}, right ${zen('right', type)}${vis('right', type)})`;
  return 'Each foot\'s timing is checked on this clip: the left − right difference of event-timing bias is bounded by how differently a second, independent rule (Zeni 2008, the foot\'s position relative to the pelvis) sits against each foot\'s events, never less than '
    + `${ms(t.floorSec)} (max(10 ms, one frame) on a pose model's track, max(5 ms, half a frame) on exact joint centres); a foot whose points the pose model does not see at an event (confidence < 0.5), or whose events wander against that second rule by more than max(10 ms, half a frame) from step to step, is not compared. ${part('footStrike', 'Strikes')}; ${part('toeOff', 'toe-offs')}.`
    + describePixelTiming(t);
}

/** The feet's own pixels (issue 11), when the clip's video gave them: each foot's events against its pixel stance. */
function describePixelTiming(t: TimingReliability): string {
  const off = (side: 'left' | 'right', type: 'footStrike' | 'toeOff'): string | null => {
    const v = t.evidence[side][type].pixelOffsetSec;
    return v === undefined || v === null ? null : `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`;
  };
  const parts: string[] = [];
  for (const [type, word] of [['footStrike', 'strikes'], ['toeOff', 'toe-offs']] as const) {
    const l = off('left', type), r = off('right', type);
    if (l !== null || r !== null) parts.push(`${word} left ${l ?? 'n/a'}, right ${r ?? 'n/a'}`);
  }
  if (parts.length === 0) return '';
  return ` The feet's own pixels: each foot's stance read from the image motion around its heel and toe (on the belt while moving with it, to within half the belt speed) sits against its detected events at ${parts.join('; ')}; the difference between the feet enters the bound, and a foot off its pixels by more than the pose floor plus max(40 ms, one frame), or wandering against them by more than the wander limit and half a frame in quadrature, is not compared.`;
}

/** Which event rules timed this clip, in words for the report's method section. */
function eventRules(gait: GaitInput): string {
  if (gait.view !== 'side') {
    return '. Rear view: toe-off = where the toe, carried down the image by the belt, turns to lift; strike = the peak fall speed of the ball of the foot';
  }
  let s = '. Side view: strike = the foot\'s lowest point moving back at half the belt\'s speed (treadmill belt rule); toe-off = the toe 2% of the leg length above its stance level (its lowest point after mid-stance, raised by 0.6 × the noise measured in this clip\'s toe heights, which otherwise brings toe-offs early)';
  if (gait.beltLevelled && gait.beltAngleDeg !== undefined && gait.beltAngleDeg !== null) {
    s += `; the belt runs at ${Math.abs(gait.beltAngleDeg).toFixed(1)}° in the picture, climbing the way the belt carries the feet, so the events were timed on the track levelled to it (toe path in mid-stance; a vertical shear)`;
  }
  const shifts = gait.impactShifts ?? [];
  if (shifts.length > 0) {
    const ms = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * 1000).toFixed(1)} ms`;
    const said = shifts.map((x) => {
      if (x.sharedFrom) return `${x.side} touchdown not clear enough, its strikes moved ${ms(x.shiftSec)} with the ${x.sharedFrom} foot's`;
      return x.applied
        ? `${x.side} strikes moved ${ms(x.shiftSec)} to the touchdown (median over ${x.impacts} steps)`
        : `${x.side} touchdown not clear enough, belt rule kept`;
    });
    s += `; each foot's strikes are moved to its touchdown, read from the foot's heights (from 29 frames/s; below 50 coarsely, over the two or three frames around the strike, and where only one foot's touchdown is clear both feet move by its shift, which keeps left − right as the belt rule reads it): the heel's impact, its upward-acceleration peak (Handsaker 2016), where the heel lands first, else the peak downward speed of the ball of the foot, by the median offset over the steps when those offsets agree: ${said.join(', ')}`;
  }
  return s;
}

function describeSpread(spread: number): string {
  return Number.isFinite(spread) ? `spread ${Math.round(100 * spread)}%` : 'too few of them';
}

/** How vertical oscillation was scaled, in words for the method section. */
function oscillationUnit(inCm: boolean, opts: AnalysisOptions, scale: BeltScaleResult | null): string {
  if (scale?.ok && inCm) {
    const s = scale.scale;
    const used = s.from === 'both'
      ? 'averaged for the runner\'s mid-plane'
      : `the ${s.from} foot alone: the other's stances disagree (${describeSpread(s.spread[s.from === 'left' ? 'right' : 'left'])}), so it is tracked badly`;
    return `cm: image scale ${s.pxPerCm.toFixed(2)} px/cm from the belt (the feet's backward image speed in the middle half of each contact, left ${s.footSpeedPxPerSec.left.toFixed(0)} and right ${s.footSpeedPxPerSec.right.toFixed(0)} px/s over ${s.stances.left} and ${s.stances.right} stances, ${used}, ÷ the belt speed ${opts.beltSpeedMps?.toFixed(2)} m/s); a camera not square to the treadmill shortens the belt and so overstates the bounce by up to ~4% at 15°`;
  }
  if (inCm) return `cm (given scale ${opts.pxPerCm} px per cm)`;
  if (scale && !scale.ok) return `pixels: the belt speed gave no scale because ${scale.reason}`;
  return 'pixels (no scale known: give the belt speed for a side view)';
}

function handSetNote(events: readonly GaitEvent[]): string {
  const n = events.filter((e) => e.correctedByHand === true).length;
  return n === 0 ? '' : ` ${n} of the ${events.length} events were set or moved by hand after looking at the frames; they are marked "corrected by hand" in events.csv and steps.csv.`;
}

/** Marks each step row whose strike or toe-off a person set (steps.csv, the PDF's step table). */
function markHandSetSteps(steps: StepRow[], events: readonly GaitEvent[]): StepRow[] {
  const hand = events.filter((e) => e.correctedByHand === true);
  if (hand.length === 0) return steps;
  const isHand = (side: string, type: GaitEvent['type'], t: number | null): boolean => t !== null && hand.some((e) => e.side === side && e.type === type && e.timeSec === t);
  return steps.map((s) => {
    const which = [...(isHand(s.side, 'footStrike', s.strikeTimeSec) ? ['footStrike' as const] : []), ...(isHand(s.side, 'toeOff', s.toeOffTimeSec) ? ['toeOff' as const] : [])];
    return which.length > 0 ? { ...s, correctedByHand: which } : s;
  });
}

/** Keeps tracks the event stage did not carry over (e.g. issue 6's pelvis marks) beside its repaired keypoints. */
function withExtraTracks(filtered: PoseTrack, raw: PoseTrack): PoseTrack {
  if (filtered.timesSec.length !== raw.timesSec.length) return filtered;
  const keypoints = { ...filtered.keypoints };
  for (const [name, kp] of Object.entries(raw.keypoints)) keypoints[name] ??= kp;
  return { ...filtered, keypoints };
}

const PELVIS_METHOD_WORDS: Record<NonNullable<PoseTrack['pelvisTracking']>['method'], string> = {
  'pelvis-region': 'the waistband and gluteal region followed as one rigid patch',
  'tape-marks': 'two tape marks found near the hips',
  'explicit-seeds': 'from two points the user gave',
};

function describeSource(track: PoseTrack): string {
  return track.source.kind === 'pose-model'
    ? `Pose model ${track.source.model} (${track.source.backend} backend).`
    : `Keypoint CSV ${track.source.name}.`;
}

export function assembleResult(rawTrack: PoseTrack, gait: GaitInput, options: AnalysisOptions, video: VideoMeta,
  app?: { name: string; version: string }): AnalysisResult {
  const track = withExtraTracks(gait.track, rawTrack);
  const events = [...gait.events].sort((a, b) => a.timeSec - b.timeSec);
  // A horizon found in the scene by the pelvis tracker travels on the track; an explicit option wins.
  const horizonDeg = options.horizonDeg ?? rawTrack.pelvisTracking?.horizonDeg ?? undefined;
  const opts: AnalysisOptions = horizonDeg !== undefined ? { ...options, horizonDeg } : { ...options };
  // Side view with a belt speed: the belt is the ruler for vertical oscillation (beltScale.ts).
  const scale: BeltScaleResult | null = opts.pxPerCm === undefined && opts.beltSpeedMps !== undefined && gait.view === 'side'
    ? beltScale(track, events, gait.facing, opts.beltSpeedMps) : null;
  if (scale?.ok) opts.pxPerCm = scale.scale.pxPerCm;
  // A keypoint CSV has no pixels to find a horizon in (lab data are level by construction): see hipDrop.ts.
  const imageLevelAllowed = opts.horizonDeg === undefined && rawTrack.source.kind === 'csv';
  const timing = gait.timing ?? givenTimingReliability(video.fps);
  const m = computeMetrics({ track, events, view: gait.view, facing: gait.facing, options: opts, imageLevelAllowed, timing, beltAngleDeg: gait.beltAngleDeg, footTrack: gait.footTrack });

  const metrics: Partial<Record<MetricId, MetricSummary>> = {};
  for (const [id, perSide] of Object.entries(m.perStep) as [MetricId, { left: number[]; right: number[] }][]) {
    metrics[id] = compareSides(perSide, m.units[id] ?? '', m.systematic[id]);
  }
  const trunk = metrics.trunkLeanDeg;
  if (trunk && m.sideView && Number.isFinite(m.sideView.trunkLeanWholeClipDeg)) trunk.wholeClip = m.sideView.trunkLeanWholeClipDeg;
  const hidden = hiddenFootSuppression(timing, gait.facing, metrics);
  const quality = assessQuality({
    rawTrack, view: gait.view, fps: video.fps, timings: m.timings, swappedFrames: gait.swappedFrames,
    eventWarnings: gait.warnings, saidElsewhere: hidden.reasons, hipDrop: m.hipDrop, eventsGiven: timing.basis !== 'clip',
    ...(scale?.ok && opts.beltSpeedMps !== undefined ? { beltCheck: { beltSpeedMps: opts.beltSpeedMps, legLengthCm: scale.scale.legLengthCm } } : {}),
  });
  // the measures this clip does not take at all (withheld 'all') and has a value for
  const notTaken: MetricId[] = [];
  for (const [id, what] of Object.entries(quality.withheld) as [MetricId, 'difference' | 'sides' | 'all'][]) {
    const mm = metrics[id];
    if (!mm) continue;
    if (what === 'all') notTaken.push(id);
    metrics[id] = what === 'all' ? notMeasured(mm) : notCompared(mm, what === 'sides' ? ['left', 'right'] : []);
  }
  const suppressed = { ...hidden.suppressed, ...quality.suppressed };
  const small = smallRunnerWarning(rawTrack);
  const warnings = [...(small ? [small] : []), ...hidden.reasons, ...unseenLegWarnings(m.legUnseen, gait.facing), ...quality.warnings];
  const steps = markHandSetSteps(m.steps, events).map((row) => withoutMeasures(row, notTaken));
  const flags = raiseFlags(metrics, { refuse: quality.refuseFlags, suppressed, minStepsPerSide: MIN_STEPS_PER_SIDE });
  const stepsPerSide = { left: m.timings.filter((t) => t.side === 'left').length, right: m.timings.filter((t) => t.side === 'right').length };
  const verdict = writeVerdict({
    view: gait.view, flags, refused: quality.refuseFlags, stepsPerSide, minStepsPerSide: MIN_STEPS_PER_SIDE,
    cadenceSpm: m.cadenceSpm, metrics, suppressed, notCompared: hidden.reasons, capture: small, sidesInDoubt: gait.sidesInDoubt ?? null,
    ...(m.crossover ? { crossover: m.crossover } : {}),
  });

  const curves: NonNullable<AnalysisResult['curves']> = {};
  if (gait.view === 'side') {
    // a leg not measured from this side (its joints hidden at most strikes) gets no curve either: no picture of a
    // knee nobody saw
    const none = (): number[] => new Array<number>(101).fill(Number.NaN);
    const left = legMeasured(m.legUnseen, 'left') ? kneeCycleCurve(track, m.timings, 'left') : none();
    const right = legMeasured(m.legUnseen, 'right') ? kneeCycleCurve(track, m.timings, 'right') : none();
    // No complete stride on either side: leave the chart out rather than ship 101 empty samples.
    if ([...left, ...right].some(Number.isFinite)) curves.kneeAngleCycleDeg = { left, right };
  }
  if (m.hipDrop) curves.hipLineDeg = { timeSec: [...track.timesSec], deg: m.hipDrop.rightLowDeg };

  const method: Record<string, string> = {
    source: describeSource(rawTrack),
    events: `Foot strike and toe-off per foot with sub-frame timing${eventRules(gait)}; contact = toe-off − strike; step = strike − previous strike of the other foot (the step that ends on that side); flight = next strike of the other foot − toe-off; duty factor = contact / stride time.${handSetNote(events)}`,
    comparison: COMPARE_METHOD,
    timing: describeTiming(timing),
    flags: `Watch/marked only when the whole 95% interval lies outside the normal band; marked when the difference is beyond the watch band. Bands: ${Object.entries(FLAG_BANDS).filter(([id]) => metrics[id as MetricId]).map(([id, b]) => `${METRIC_NAME[id as MetricId].toLowerCase()}: ${b.why}`).join('; ')}. Asymmetry is an observation, not an injury risk (Malisoux 2024). Every band's source, with its full citation: docs/references.md.`,
    quality: `No left/right difference is flagged with fewer than ${MIN_STEPS_PER_SIDE} steps per side (Dingenen 2018 averages ≥ 7).`,
  };
  if (gait.view === 'side') {
    method.kneeFlexionAtStrikeDeg = 'Knee flexion = 180° − the 2D hip–knee–ankle angle, interpolated to the sub-frame strike time.';
    Object.assign(method, sideViewMethod(m.sideView?.vertical ?? { deg: 0, from: 'image' }));
    method.curves = 'Knee flexion over the gait cycle: each stride (strike to the next strike of the same foot) resampled to 101 points, averaged per side.';
  }
  method.verticalOscillation = `Range of the mid-hip height from a foot's strike to the other foot's strike (its stance and the flight after it), in ${oscillationUnit(metrics.verticalOscillationCm !== undefined, opts, scale)}. Its left − right interval carries how far the strikes may be off (the window moves with them) and, on a pose model's track, 2.5% of the leg length per side for the model's hip placement, which differs between the near leg's and the far leg's stance.`;
  method.length = options.beltSpeedMps ? `Step and stride length = belt speed ${options.beltSpeedMps.toFixed(2)} m/s × step / stride time.` : 'Step and stride length are left out: no belt speed was given (they are never guessed).';
  if (m.hipDrop) {
    const pt = rawTrack.pelvisTracking;
    const how = pt ? `; ${PELVIS_METHOD_WORDS[pt.method]}, level zero from ${pt.zeroReference === 'body-symmetry' ? 'the body\'s mirror symmetry' : 'the line of the two seeds'}` : '';
    const src = m.hipDrop.source === 'pelvisMarks' ? `two pelvis marks tracked in the image (left and right${how})` : 'the pose model\'s hip keypoints (they under-report the drop)';
    const roll = m.hipDrop.roll;
    const ref = roll.reference === 'horizon'
      ? `the image horizon (${(horizonDeg ?? 0).toFixed(1)}°, ${options.horizonDeg !== undefined ? 'given' : 'found in the scene'})`
      : roll.reference === 'imageLevel'
        ? `the image horizontal, taken as level because an imported keypoint track has no scene to find a horizon in and its mean pelvis line leans only ${Math.abs(roll.meanTiltDeg ?? 0).toFixed(1)}° (≤ ${IMAGE_LEVEL_MAX_TILT_DEG}°); a possible ±${ASSUMED_LEVEL_ROLL_DEG}° roll is added to the left−right interval`
        : `the mean pelvis line over the clip (${roll.offsetDeg.toFixed(2)}°), which also removes the runner's own mean obliquity`;
    const ms = m.hipDrop.midStance;
    const mid = ms?.rule === 'pelvisLow'
      ? `mid-stance (the pelvis's lowest point: the foot events disagreed with it by ${(100 * ms.medianLowOffsetOfContact).toFixed(0)}% of contact)`
      : 'mid-stance (each stance\'s own pelvis low, moved by its foot\'s median offset from the contact midpoint; the contact midpoint where the stance has no low of its own)';
    method.hipDropDeg = `Angle of the line through ${src} against the horizontal at ${mid}, positive when the swing side is lower, per stance side; camera roll corrected against ${ref}.`;
  }

  if (m.crossover) {
    const widthId = metrics.stepWidthCm ? 'stepWidthCm' : 'stepWidthPctHip';
    const unit = widthId === 'stepWidthCm' ? `cm (${opts.pxPerCm?.toFixed(2)} px per cm, given)` : `% of the hip width (the hip keypoints ${m.hipWidthPx?.toFixed(0)} px apart, median over the clip; no scale known)`;
    method[widthId] = `Sideways distance between the right and the left ankle centres at consecutive mid-stances (the other foot read at its mid-stances before and after, so drifting across the belt cancels), in ${unit}; positive with the feet apart, negative when they cross. A foot lands across the midline (crossover) when its ankle is at or beyond the pelvis centre at its mid-stance.`;
    method.lateralSwayPx = `The pelvis centre (${m.hipDrop?.source === 'pelvisMarks' ? 'midpoint of the two pelvis marks tracked in the image' : 'midpoint of the hip keypoints'}) per stride, from a foot's strike to its next strike: the straight line through the stride's two ends is removed (drift across the belt, not sway), the rest is centred on its mean, and the largest excursion towards the stance side during that stance and the flight after it is the sway towards that side, in pixels.`;
  }

  // a measure this clip does not take says so, not how it would have been read
  for (const id of notTaken) method[id] = `Not measured: ${quality.suppressed[id] ?? 'the clip cannot support it'}.`;
  if (notTaken.includes('verticalOscillationPx') || notTaken.includes('verticalOscillationCm')) delete method.verticalOscillation;

  return {
    schemaVersion: 1,
    video: { path: video.path, fps: video.fps, durationSec: video.durationSec, width: video.width, height: video.height },
    view: gait.view,
    cadenceSpm: m.cadenceSpm,
    events,
    metrics,
    flags,
    quality: { framesWithPose: quality.framesWithPose, framesTotal: quality.framesTotal, warnings },
    verdict,
    steps,
    ...(m.sideView ? { footStrikePattern: footStrikePatternShown(metrics), vertical: m.sideView.vertical } : {}),
    facing: gait.facing,
    timing,
    curves,
    method,
    ...(m.crossover ? { crossover: m.crossover } : {}),
    ...(app ? { app } : {}),
    // Lets overlays of the stored raw track show the labels the numbers were computed with (issue 4).
    ...(gait.legSwapFrames && gait.legSwapFrames.length > 0 ? { legSwapFrames: gait.legSwapFrames } : {}),
  };
}
