// The events half of the analysis pipeline (design.md station 3, issue 3): repair leg labels → fill short gaps →
// reject outliers → zero-phase low-pass → detect view → detect events per foot → clean. The metrics stages start
// from its result.
import { AnalysisError } from './analysisError';
import { cleanGaitEvents } from './cleanGaitEvents';
import { detectGaitEvents } from './detectGaitEvents';
import { detectView, type Facing } from './detectView';
import { legLengthPx } from './gait/bodyGeometry';
import { qualityWarnings } from './gait/qualityWarnings';
import { fillGaps } from './fillGaps';
import { cutoffFor, lowPass } from './lowPass';
import { lowPassSeries } from './signal/butterworth';
import { rejectOutliers } from './rejectOutliers';
import { steadiedWarning, steadyCamera } from './steadyCamera';
import { repairLeftRight, swapLegs } from './repairLeftRight';
import { checkNearLeg } from './gait/nearLeg';
import { refineStrikesByImpact, type ImpactOptions, type ImpactShift } from './gait/impactTiming';
import { beltAngleDeg, BELT_LEVEL_MIN_DEG, levelToBelt, toeClimbsInStance } from './gait/beltLevel';
import { measureTimingReliability } from './gait/eventReliability';
import type { SideEventOptions } from './gait/sideViewEvents';
import type { RearEventOptions } from './gait/rearViewEvents';
import { filteredNoiseSigma } from './signal/filteredNoise';
import { footSignals } from './gait/footSignals';
import { frameRateOf } from './signal/subFrame';
import type { GaitEvent, PoseTrack, Side, TimingReliability, View } from './types';

/** Contradiction (leg lengths) between labels and the near/far foot levels beyond which labels are swapped whole. */
const NEAR_LEG_SWAP_MARGIN = 0.02;

export interface GaitEventsResult {
  view: View;                                   // detected or forced
  facing: Facing;
  track: PoseTrack;                             // repaired (legs unswapped), gap-filled, outlier-rejected, low-passed
  events: GaitEvent[];                          // cleaned: alternating, sub-frame timeSec, frame = nearest index
  swappedFrames: number;                        // how many frames had their leg labels repaired
  legSwapFrames?: number[];                     // which frames, relative to the input track (overlays, issue 4)
  warnings: string[];                           // plain-language quality warnings from these stages
  impactShifts: ImpactShift[];                  // side view from 29 fps: per-foot strike correction (gait/impactTiming.ts)
  beltAngleDeg: number | null;                  // side view: the belt's image slant (gait/beltLevel.ts)
  beltLevelled: boolean;                        // events timed on the track levelled to the belt
  timing: TimingReliability;                    // how well this clip times each foot (gait/eventReliability.ts)
  footTrack: PoseTrack;                         // `track` with heels and toes low-passed at 25 Hz only (foot-strike angle)
  eventTrack: PoseTrack;                        // the track the events were timed on (levelled to the belt, or track)
  legLengthPx: number;                          // the runner's leg length in the image (detectView)
  sidesInDoubt?: string | null;                 // side view: why the leg labels may be the wrong way round (nearLeg.ts)
}

export interface FindGaitEventsOptions {
  view: 'auto' | View;
  /** Rule settings of the side-view detector (for the validation scripts; defaults are the measured choice). */
  side?: Partial<SideEventOptions>;
  rear?: Partial<RearEventOptions>;
  /** Side view from 29 fps (coarsely below 50): shift each foot's strikes to its touchdown where clearly seen (default on). */
  impactTiming?: boolean;
  /** Settings of that correction (for the validation scripts' sweeps; defaults are the measured choice). */
  impact?: Partial<ImpactOptions>;
  /** Side view: time the events on the track levelled to the belt when it slants (default on; gait/beltLevel.ts). */
  beltLevel?: boolean;
}

/** σ (px) of the noise left in each foot's low-passed toe height (the same toe point the side-view rules read). */
function toeNoiseOf(unfiltered: PoseTrack, filtered: PoseTrack, fps: number): Record<Side, number> {
  const sigma = (side: Side): number =>
    filteredNoiseSigma(footSignals(unfiltered, side, 1).toeY, footSignals(filtered, side, 1).toeY, cutoffFor(fps), fps);
  return { left: sigma('left'), right: sigma('right') };
}

/** A belt slanted this much is worth telling the user about (the camera is visibly off). */
const BELT_WARN_DEG = 3;

export function findGaitEvents(input: PoseTrack, opts: FindGaitEventsOptions): GaitEventsResult {
  const fps = frameRateOf(input.timesSec);
  if (!(fps > 0) || !Number.isFinite(fps)) {
    throw new AnalysisError('TRACK_INVALID', `The keypoint track has ${input.timesSec.length} frame(s) without a usable frame rate: nothing to analyse.`);
  }
  const warnings: string[] = [];
  // A hand-held camera's motion comes out first: every stage after reads the runner as a tripod would have filmed him.
  const steady = steadyCamera(input);
  const track = steady.track;
  if (steady.steadied && steady.shake) warnings.push(steadiedWarning(steady.shake));
  const raw = fillGaps(track, { maxGapSec: 0.1 });
  const scale = legLengthPx(raw);
  const repaired = repairLeftRight(raw, { scalePx: scale });
  const { track: clean } = rejectOutliers(repaired.track, fps);
  let smooth = lowPass(clean, fps);
  let sharp = clean; // not low-passed at 12 Hz: the impact timing of strikes (gait/impactTiming.ts) needs its own 30 Hz
  const view = detectView(smooth, opts.view);
  warnings.push(...view.warnings);
  let swappedFrames = repaired.swappedFrames;
  let sidesInDoubt: string | null = null;
  let swappedMask = repaired.swapped;
  if (view.facing === 'imageLeft' || view.facing === 'imageRight') {
    const near = checkNearLeg(smooth, view.facing, view.legLengthPx);
    if (near.nearByGround !== null && near.nearByGround !== near.expectedNear) {
      if (near.marginLegLengths >= NEAR_LEG_SWAP_MARGIN) {
        smooth = swapLegs(smooth);
        sharp = swapLegs(sharp);
        swappedFrames = smooth.timesSec.length - swappedFrames;
        swappedMask = swappedMask.map((s) => !s);
        warnings.push(`The pose model labelled the far leg as the ${near.expectedNear} one for the whole clip; the labels were swapped (a runner facing ${view.facing === 'imageLeft' ? 'image-left' : 'image-right'} shows the camera the ${near.expectedNear} side).`);
      } else {
        sidesInDoubt = `the leg labelled ${near.nearByGround === 'left' ? 'left' : 'right'} looks nearer the camera, but a runner facing this way shows the camera the ${near.expectedNear} side`;
        warnings.push(`Left and right may be mixed up: ${sidesInDoubt}.`);
      }
    }
  }
  // How noisy each toe is on this clip (unfiltered − filtered): the toe-off rule lifts its stance level by it
  // (gait/sideViewEvents.ts says why); a noiseless track gets ~0.1 px.
  const toeNoisePx = view.view === 'side' ? toeNoiseOf(sharp, smooth, fps) : undefined;
  const detectOpts = { view: view.view, facing: view.facing, legLengthPx: view.legLengthPx, side: opts.side, rear: opts.rear, toeNoisePx };
  let detected = detectGaitEvents(smooth, detectOpts);
  // Within a few frames of the clip's ends the filter and the event windows see only half the signal.
  const edgeSec = Math.max(0.05, 2 / fps);
  const t0 = track.timesSec[0] ?? 0;
  const t1 = track.timesSec[track.timesSec.length - 1] ?? 0;
  const inClip = (events: readonly GaitEvent[]): GaitEvent[] => events.filter((e) => e.timeSec >= t0 + edgeSec && e.timeSec <= t1 - edgeSec);
  // Side view: a slanted belt (rolled camera, or one not square to the treadmill) tilts every stance foot's path.
  // When the slant makes the stance toe climb, the events are timed again on the track levelled to the belt
  // (gait/beltLevel.ts says why only then).
  let beltDeg = Number.NaN;
  let levelled = false;
  let eventSharp = sharp;
  let eventTrack = smooth;
  if (view.view === 'side' && opts.beltLevel !== false) {
    beltDeg = beltAngleDeg(smooth, cleanGaitEvents(inClip(detected)).events);
    levelled = Math.abs(beltDeg) >= BELT_LEVEL_MIN_DEG && toeClimbsInStance(beltDeg, view.facing);
    if (levelled) {
      eventTrack = levelToBelt(smooth, beltDeg);
      detected = detectGaitEvents(eventTrack, detectOpts);
      eventSharp = levelToBelt(sharp, beltDeg);
    }
    if (Math.abs(beltDeg) >= BELT_WARN_DEG) {
      const events = levelled ? 'foot events were timed against the belt' : 'toe-offs may come a little late';
      const scene = track.sceneVertical;
      const angles = scene
        ? `angles were read against the vertical the scene shows at the runner (door frames, cupboards, wall corners: ${Math.abs(scene.tiltDeg).toFixed(1)}° from the image vertical)`
        : 'angles were read against the belt\'s vertical, which is right for a rolled camera but off by up to as much for one looking down and across at the belt (the scene showed no verticals to tell which)';
      warnings.push(`The treadmill belt runs at ${Math.abs(beltDeg).toFixed(1)}° in the picture (camera tilted, or not square to the treadmill): ${events}, and ${angles}. Level the camera, square to the treadmill.`);
    }
  }
  let impactShifts: ImpactShift[] = [];
  if (view.view === 'side' && opts.impactTiming !== false) ({ events: detected, shifts: impactShifts } = refineStrikesByImpact(eventSharp, detected, fps, opts.impact));
  const cleaned = cleanGaitEvents(inClip(detected));
  const timing = measureTimingReliability({ track: eventTrack, pictureTrack: smooth, events: cleaned.events, fps, view: view.view, facing: view.facing, legLengthPx: view.legLengthPx });
  warnings.push(...qualityWarnings({ track, fps, view: view.view, cleaned, swappedFrames: repaired.swappedFrames, legLengthPx: view.legLengthPx }));
  // The foot turns flat within a few hundredths of a second after a strike: at 12 Hz its angle at the strike reads
  // 2–3° low (RBDS008, force-plate strikes, 60 fps), so the foot-strike angle of exact joint centres reads heels and
  // toes filtered only at the touchdown rule's 25 Hz (gait/touchdown.ts, chosen leave-one-trial-out); computeMetrics
  // says why not a pose model's.
  const footCut = cutoffFor(fps, 25);
  const footKeypoints = { ...smooth.keypoints };
  for (const name of ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index']) {
    const kp = sharp.keypoints[name];
    if (kp) footKeypoints[name] = { ...kp, x: lowPassSeries(kp.x, footCut, fps), y: lowPassSeries(kp.y, footCut, fps) };
  }
  return {
    footTrack: { ...smooth, keypoints: footKeypoints },
    view: view.view, facing: view.facing, track: smooth, events: cleaned.events,
    swappedFrames, warnings, impactShifts, beltAngleDeg: Number.isFinite(beltDeg) ? beltDeg : null, beltLevelled: levelled, timing,
    eventTrack, legLengthPx: view.legLengthPx, sidesInDoubt,
    legSwapFrames: swappedMask.flatMap((s, i) => (s ? [i] : [])),
  };
}
