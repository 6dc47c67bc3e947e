// Both sides of the same run, one verdict (design.md "Sessions of several clips"). From one side, the far foot is
// timed and the far leg seen worse than the near one; a session films the run from the runner's left, from the
// right and optionally from behind, and takes each side's measures from the clip where that side was the near one.
//
// Why the near/far bias cancels: the left clip times the left foot as near and the right as far, the right clip the
// other way round, with the same camera geometry mirrored. Contact time reads one foot's own events (near in its
// clip, for both sides). Step and flight time read one near and one far event; taken from the mirrored clips, each
// side's value carries the same near-minus-far bias, which drops out of left − right. What remains is the two near
// feet's resolution floor (each clip's timing.floorSec) and how much the run itself differed between the two
// recordings: the mean of both feet in one clip against the other (added to the interval linearly).
import { welchInterval, symmetryAnglePct, symmetryIndexPct } from './compareSides';
import { MIN_STEPS_PER_SIDE } from './assessQuality';
import { LABEL } from './flagMessages';
import { raiseFlags } from './raiseFlags';
import { finite, mean } from './seriesMath';
import { sessionMethod } from './sessionMethod';
import type { AnalysisResult, ClipRole, MetricId, MetricSummary, SessionInfo, Side, StepRow } from './types';
import { writeVerdict } from './writeVerdict';


export interface SessionClipInput { name: string; result: AnalysisResult }

/** What is needed to tell which side a clip filmed: its view and the runner's facing (a whole analysis, or a look at a few seconds). */
export interface ClipReading { name: string; result: Pick<AnalysisResult, 'view' | 'facing'> }

export interface SessionClip {
  role: ClipRole;
  name: string;
  /** Why this clip was read as this role, in words (never guessed silently). */
  why: string;
}

export class SessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionError';
  }
}

/** Which clip filmed which side, read from the clips: a side view's facing direction names its near leg. */
export function assignRoles(inputs: readonly ClipReading[]): SessionClip[] {
  const out: SessionClip[] = [];
  for (const c of inputs) {
    const r = c.result;
    let role: ClipRole;
    let why: string;
    if (r.view === 'rear') {
      role = 'rear';
      why = 'seen from behind';
    } else if (r.facing === 'imageLeft' || r.facing === 'imageRight') {
      const near: Side = r.facing === 'imageLeft' ? 'left' : 'right';
      role = near === 'left' ? 'leftSide' : 'rightSide';
      why = `the runner faces image-${near === 'left' ? 'left' : 'right'}, so the camera stood at the runner's ${near} and the ${near} leg is the near one`;
    } else {
      throw new SessionError(`${c.name}: a side view whose running direction could not be read, so it cannot be told which side it filmed.`);
    }
    const twin = out.find((o) => o.role === role);
    if (twin) {
      const what = role === 'rear' ? 'both film the runner from behind' : `both film the runner's ${role === 'leftSide' ? 'left' : 'right'} side (${why})`;
      throw new SessionError(`${twin.name} and ${c.name} ${what}: a session takes one clip from each side and one from behind.`);
    }
    out.push({ role, name: c.name, why });
  }
  return out;
}

const SIDE_METRICS: MetricId[] = [
  'contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'kneeFlexionAtStrikeDeg', 'overstrideDeg',
  'verticalOscillationPx', 'verticalOscillationCm', 'stepLengthCm', 'strideLengthCm',
  'hipExtensionAtToeOffDeg', 'kneeDriveDeg', 'footStrikeAngleDeg', 'kneeFlexionMidstanceDeg', 'trunkLeanDeg', 'armSwingDeg',
];
const TIMING_METRICS = new Set<MetricId>(['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct', 'stepLengthCm', 'strideLengthCm']);

const PELVIS_METRICS = new Set<MetricId>(['verticalOscillationPx', 'verticalOscillationCm']);

function leftMinusRight(m: MetricSummary): number {
  return m.left !== null && m.right !== null ? m.left - m.right : 0;
}

/** Mean of both feet of one metric in one clip: how the run looked in that recording. */
function bothFeetMean(m: MetricSummary | undefined): number {
  return m && m.left !== null && m.right !== null ? (m.left + m.right) / 2 : Number.NaN;
}

/**
 * A side's systematic bound in a session: for timing, the near foot's resolution floor of its own clip (the two
 * events of a duration add linearly, as in computeMetrics; per side 1/√2 of the left − right bound); for angles and
 * bounce, the clip's own per-side bound.
 */
function sessionSystematic(id: MetricId, m: MetricSummary, r: AnalysisResult, side: Side): number {
  const floorMs = (r.timing?.floorSec ?? 0) * 1000;
  if (!TIMING_METRICS.has(id)) return m.systematic?.[side] ?? 0;
  const durMs = (2 * floorMs) / Math.SQRT2;
  if (id === 'dutyFactorPct') {
    const step = bothFeetMean(r.metrics.stepTimeMs);
    return Number.isFinite(step) && step > 0 ? (100 * durMs) / (2 * step) : 0;
  }
  if (id === 'stepLengthCm' || id === 'strideLengthCm') {
    // length = belt speed × time: the time's bound scaled by this side's cm per ms
    const timeMs = (r.metrics.stepTimeMs?.[side] ?? Number.NaN) * (id === 'stepLengthCm' ? 1 : 2);
    const cmPerMs = (m[side] ?? Number.NaN) / timeMs;
    return Number.isFinite(cmPerMs) ? cmPerMs * durMs : 0;
  }
  return durMs;
}

function mergedMetric(id: MetricId, leftClip: AnalysisResult, rightClip: AnalysisResult): MetricSummary | null {
  const ml = leftClip.metrics[id];
  const mr = rightClip.metrics[id];
  if (!ml || !mr) return null;
  // A side its own clip does not show is not shown here either: a foot the clip cannot time (its mean left out, its
  // per-step values kept in that clip's result only as they were read), or a measure the clip does not take at all
  // (the foot-strike angle below 50 fps: no per-step values).
  const l = ml.left !== null ? finite(ml.perStep.left) : [];
  const r = mr.right !== null ? finite(mr.perStep.right) : [];
  const left = l.length > 0 ? mean(l) : null;
  const right = r.length > 0 ? mean(r) : null;
  const sys = { left: sessionSystematic(id, ml, leftClip, 'left'), right: sessionSystematic(id, mr, rightClip, 'right') };
  // How much the run itself differed between the recordings (speed, fatigue, camera scale for bounce in px).
  let between = Math.abs(bothFeetMean(ml) - bothFeetMean(mr));
  // The pelvis is the same pelvis from either side, so both clips measure its left − right bounce difference alike
  // unless the method errs; where they disagree, that disagreement is part of the error (rendered RBDS008 run,
  // BlazePose full: −0.7 px from the right, −8.2 px from the left, for a symmetric runner).
  if (PELVIS_METRICS.has(id)) between += Math.abs(leftMinusRight(ml) - leftMinusRight(mr));
  const welch = welchInterval(l, r);
  let ci: [number, number] | null = null;
  if (welch) {
    const half = Math.hypot((welch.hi - welch.lo) / 2, Math.hypot(sys.left, sys.right)) + (Number.isFinite(between) ? between : 0);
    ci = [welch.diff - half, welch.diff + half];
  }
  const si = left !== null && right !== null && ml.unit !== 'deg' ? symmetryIndexPct(left, right) : null;
  return {
    unit: ml.unit, left, right, symmetryIndexPct: si,
    symmetryAnglePct: si !== null && left !== null && right !== null ? symmetryAnglePct(left, right) : null,
    differenceCi95: ci, systematic: sys, perStep: { left: l, right: r },
  };
}

function clipByRole(clips: readonly SessionClip[], inputs: readonly SessionClipInput[], role: ClipRole): SessionClipInput | null {
  const c = clips.find((x) => x.role === role);
  return c ? (inputs.find((i) => i.name === c.name) ?? null) : null;
}

/** Measures only a rear clip gives. */
const REAR_METRICS: readonly MetricId[] = ['hipDropDeg', 'stepWidthCm', 'stepWidthPctHip', 'lateralSwayPx'];

/**
 * One result from up to three clips of one run. With both side clips, each side's side-view measures come from the
 * clip where it was near; a rear clip adds hip drop, step width and pelvis sway. With one side clip it is that
 * clip's own result (plus the rear clip's measures): its far-foot limits stay in force.
 */
export function mergeSession(inputs: readonly SessionClipInput[]): AnalysisResult & { session: SessionInfo } {
  if (inputs.length === 0) throw new SessionError('A session needs at least one clip.');
  const clips = assignRoles(inputs);
  const leftIn = clipByRole(clips, inputs, 'leftSide');
  const rightIn = clipByRole(clips, inputs, 'rightSide');
  const rearIn = clipByRole(clips, inputs, 'rear');
  const base = (leftIn ?? rightIn ?? rearIn)!.result;
  const metrics: Partial<Record<MetricId, MetricSummary>> = {};
  const betweenClips: Partial<Record<MetricId, number>> = {};
  let steps: StepRow[] = [];
  const both = leftIn !== null && rightIn !== null;
  if (both) {
    for (const id of SIDE_METRICS) {
      const m = mergedMetric(id, leftIn.result, rightIn.result);
      if (m) metrics[id] = m;
      const d = bothFeetMean(leftIn.result.metrics[id]) - bothFeetMean(rightIn.result.metrics[id]);
      if (Number.isFinite(d)) betweenClips[id] = d;
    }
    steps = [...(leftIn.result.steps ?? []).filter((s) => s.side === 'left'), ...(rightIn.result.steps ?? []).filter((s) => s.side === 'right')];
  } else if (leftIn ?? rightIn) {
    const only = (leftIn ?? rightIn)!.result;
    for (const id of SIDE_METRICS) if (only.metrics[id]) metrics[id] = only.metrics[id];
    steps = only.steps ?? [];
  }
  // the rear clip's own measures: hip drop, and foot placement and pelvis sway (issue 16)
  for (const id of REAR_METRICS) {
    const m = rearIn?.result.metrics[id];
    if (m) metrics[id] = m;
  }

  const sideResults = [leftIn, rightIn].filter((x): x is SessionClipInput => x !== null).map((x) => x.result);
  const stepsPerSide = {
    left: (metrics.stepTimeMs ?? metrics.hipDropDeg)?.perStep.left.length ?? 0,
    right: (metrics.stepTimeMs ?? metrics.hipDropDeg)?.perStep.right.length ?? 0,
  };
  // a side with too few steps is simply not compared (raiseFlags' minStepsPerSide)
  const flags = raiseFlags(metrics, { refuse: false, minStepsPerSide: MIN_STEPS_PER_SIDE, session: both });
  const cadences = sideResults.map((r) => r.cadenceSpm).filter((c): c is number => c !== null);
  const cadenceSpm = cadences.length > 0 ? mean(cadences) : (rearIn?.result.cadenceSpm ?? null);
  const said = clips.map((c) => `${c.name}: ${c.role === 'rear' ? 'from behind' : `the ${c.role === 'leftSide' ? 'left' : 'right'} side`} (${c.why})`);
  const how = both
    ? 'Each side is measured in the clip where it was the near one.'
    : 'Only one side was filmed, so the far foot and leg keep this clip\'s limits; a clip from the other side would time both feet as near ones.';
  const verdict = [`Session of ${clips.length} clip${clips.length > 1 ? 's' : ''}. ${how}`, ...writeVerdict({
    view: sideResults.length > 0 ? 'side' : 'rear', flags, refused: false, stepsPerSide, minStepsPerSide: MIN_STEPS_PER_SIDE,
    cadenceSpm, metrics, suppressed: {}, session: both,
  })].slice(0, 3);
  const warnings = inputs.flatMap((c) => c.result.quality.warnings
    // a clip's far-foot and far-leg limits no longer hold where the other clip measures that side as near
    .filter((w) => !(both && /is hidden|not measured from this side|Left and right may be mixed up/.test(w)))
    .map((w) => `${c.name}: ${w}`));
  const betweenText = Object.entries(betweenClips).map(([id, d]) => `${LABEL[id as MetricId].toLowerCase()} ${(d as number).toFixed(1)}`).join(', ');
  return {
    schemaVersion: 1,
    video: { path: inputs.map((c) => c.name).join(' + '), fps: Math.min(...inputs.map((c) => c.result.video.fps)), durationSec: Math.max(...inputs.map((c) => c.result.video.durationSec)), width: base.video.width, height: base.video.height },
    view: sideResults.length > 0 ? 'side' : 'rear',
    cadenceSpm,
    // Each clip keeps its own time base; the session's events stay with its clips (their own report.json).
    events: [],
    metrics,
    flags,
    quality: {
      framesWithPose: inputs.reduce((a, c) => a + c.result.quality.framesWithPose, 0),
      framesTotal: inputs.reduce((a, c) => a + c.result.quality.framesTotal, 0),
      warnings,
    },
    verdict,
    steps,
    // each foot's strike class from the clip where it was the near one
    ...(both ? { footStrikePattern: { left: leftIn.result.footStrikePattern?.left ?? null, right: rightIn.result.footStrikePattern?.right ?? null } }
      : sideResults[0]?.footStrikePattern ? { footStrikePattern: sideResults[0].footStrikePattern } : {}),
    curves: {
      ...(both && leftIn.result.curves?.kneeAngleCycleDeg && rightIn.result.curves?.kneeAngleCycleDeg
        ? { kneeAngleCycleDeg: { left: leftIn.result.curves.kneeAngleCycleDeg.left, right: rightIn.result.curves.kneeAngleCycleDeg.right } } : {}),
      ...(rearIn?.result.curves?.hipLineDeg ? { hipLineDeg: rearIn.result.curves.hipLineDeg } : {}),
    },
    method: {
      session: `${said.join('; ')}. ${how}${both ? ` Left − right intervals: each side's per-step values from its own clip (Welch), that clip's near-foot timing floor, plus the difference between the recordings (mean of both feet, left clip − right clip: ${betweenText || 'none'}) added in full.` : ''}`,
      ...sessionMethod({ left: leftIn, right: rightIn, rear: rearIn }),
    },
    ...(base.app ? { app: base.app } : {}),
    ...(rearIn?.result.crossover ? { crossover: rearIn.result.crossover } : {}),
    session: { clips: clips.map((c) => { const r = inputs.find((i) => i.name === c.name)!.result; return { ...c, view: r.view, fps: r.video.fps, durationSec: r.video.durationSec }; }), betweenClips },
  };
}
