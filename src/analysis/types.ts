// Types of the analysis station (../shared/design.md, station 3).
// Pure data: everything here must survive JSON (NaN is written as null on the wire).

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

/** One keypoint's series over the whole track, in pixels of the displayed video (y down). NaN where missing. */
export interface KeypointSeries {
  x: number[];
  y: number[];
  score: number[];
}

/**
 * A keypoint series for a whole clip: the hand-over from the pose station (or a keypoint CSV) to analysis.
 * Keypoint names follow BlazePose (`left_hip`, `right_knee`, `left_heel`, `right_foot_index`, …); extra tracks
 * such as `left_pelvis_mark` / `right_pelvis_mark` (rear-view pelvis tracker, issue 6) are ordinary keypoints.
 */
export interface PoseTrack {
  /** Presentation time of each frame in seconds, strictly increasing (phones record variable frame rate). */
  timesSec: number[];
  /** Pixel size of the displayed (rotation-applied) video the coordinates refer to. */
  width: number;
  height: number;
  keypoints: Record<string, KeypointSeries>;
  /** Where the track came from, for the report's method section. `decodedLongSidePx`: the long side of the frames the
   *  pose model read (the video is decoded smaller than it was filmed; runnerSize.ts); absent on tracks made before it
   *  was recorded. */
  source: { kind: 'pose-model'; model: string; backend: string; decodedLongSidePx?: number } | { kind: 'csv'; name: string };
  /** Set by the rear-view pelvis tracker (issue 6) when it added `left_pelvis_mark` / `right_pelvis_mark`. */
  pelvisTracking?: PelvisTrackingInfo;
  /** Side view from a video: each foot region's own image motion (src/main/footMotion, issue 11). Absent for tracks
   *  without video (keypoint CSV). Labelled like the track's leg points: every leg-label repair swaps it with them. */
  footMotion?: FootMotion;
  /** Side view from a video: the world's vertical at the runner, read from the scene's vertical edges
   *  (src/main/scene). Absent when the scene shows none that agree, and for tracks without video. */
  sceneVertical?: SceneVertical;
}

/** The world's vertical at the runner as the scene shows it (door frames, cupboards, wall corners). */
export interface SceneVertical {
  /** Its tilt from the image vertical, degrees, positive when its top leans to image-right (a clockwise camera roll:
   *  the sign a belt's slant takes under the same roll). */
  tiltDeg: number;
  /** Distinct scene lines that agree on it, and their scatter about it (degrees). */
  lines: number;
  scatterDeg: number;
}

/** One foot part's image motion, index i = from frame i to frame i + 1 (NaN where not measured, and at the last). */
export interface FootMotionSeries {
  /** Displacement of the patch around the part's point (heel, foot_index) of frame i, displayed-video pixels (x right, y down). */
  dxPx: number[];
  dyPx: number[];
  /** Zero-mean normalised cross-correlation of the patch with its match, −1..1 (NaN where not measured). */
  ncc: number[];
}

/** Image motion of each foot's heel and toe regions, measured from the video pixels around the pose model's points. */
export interface FootMotion {
  left: Record<'heel' | 'toe', FootMotionSeries>;
  right: Record<'heel' | 'toe', FootMotionSeries>;
  /** The still background's motion, i.e. the camera's own (a hand-held phone), from frame i to i + 1: the median of
   *  background patches beside and above the runner (src/main/footMotion/backgroundPatches.ts); NaN where too few
   *  matched. Absent from tracks measured before it was read. */
  camera?: FootMotionSeries;
  /** Patch width in displayed-video pixels, and the measurement's cost per frame (decoding excluded). */
  patchWidthPx: number;
  msPerFrame: number;
}

/** How the pelvis marks were made and which level reference the scene gave (issue 6). */
export interface PelvisTrackingInfo {
  /** 'pelvis-region': rigid tracking of the gluteal/waistband region seeded by the pose hips; 'tape-marks':
   *  two high-contrast marks found near the hips; 'explicit-seeds': seeds given by the user (CLI/UI). */
  method: 'pelvis-region' | 'tape-marks' | 'explicit-seeds';
  /** What sets the mark line's zero: the body's mirror symmetry, or the seed line itself (tape/explicit). */
  zeroReference: 'body-symmetry' | 'seed-line';
  /** Image angle of a true horizontal found in the scene (treadmill deck / wall–floor edge), degrees, positive when
   *  its image-right end is lower (y down) — pass as AnalysisOptions.horizonDeg; null when none was found. */
  horizonDeg: number | null;
  horizonReference: 'scene-edge' | 'none';
  framesTracked: number;
  framesTotal: number;
  /** Tracker cost per frame, decoding excluded. */
  msPerFrame: number;
}

export type View = 'side' | 'rear';
export type GaitEventType = 'footStrike' | 'toeOff';

export interface GaitEvent {
  side: Side;
  type: GaitEventType;
  /** Sub-frame time in seconds (interpolated between frames). */
  timeSec: number;
  /** Index of the frame nearest to timeSec. */
  frame: number;
  /** Set (true) when a person placed, moved or added this event by eye (review screen, or `--events`); absent for
   *  events this clip's detector timed. */
  correctedByHand?: boolean;
}

/** How well a clip times one foot's events of one type (gait/eventReliability.ts measures it). */
export interface EventTimingEvidence {
  /** Median pose confidence of the foot points at this foot's events of this type; null when the track has none. */
  visibility: number | null;
  hidden: boolean;
  /** Median of (Zeni − detected) over this foot's events of this type, seconds; null when Zeni found too few. */
  zeniOffsetSec: number | null;
  /** Median absolute deviation of that offset from step to step, seconds; null when Zeni found too few. */
  scatterSec: number | null;
  /** The offset wanders beyond what sub-frame timing holds: this clip does not locate these events. */
  wandering: boolean;
  /** How many of this foot's events of this type were set by hand (gait/handSetTiming.ts); absent when none. */
  handSet?: number;
  /** Side view from a video (issue 11): median of (pixel stance onset or end − detected) over this foot's events of
   *  this type, seconds (gait/pixelStance.ts); null when the pixels gave too few; absent without foot motion. */
  pixelOffsetSec?: number | null;
  /** Median absolute deviation of that offset from step to step, seconds; null when too few. */
  pixelScatterSec?: number | null;
  /** The pose events sit off the foot's own pixel motion by more than the pixels and the pose model can explain
   *  (gait/eventReliability.ts `pixelLimitSec`): this foot's events of this type are not compared. */
  pixelDisagrees?: boolean;
  /** The foot lies outside the picture at most of these events (past this edge of the frame): its points are the pose
   *  model's guesses, so it counts as hidden; absent when the foot is in the picture. */
  outOfPicture?: PictureEdge;
}

export type PictureEdge = 'bottom' | 'top' | 'left' | 'right';

export interface TimingReliability {
  /** Bound of the left − right difference of event-timing bias, per event type, seconds. */
  betweenFeetSec: Record<GaitEventType, number>;
  evidence: Record<Side, Record<GaitEventType, EventTimingEvidence>>;
  floorSec: number;
  /** 'clip': measured on this clip (some events may be set by hand: see handSetSec); 'hand': every event set by hand
   *  (eye-marking bound only); 'given': events from outside without a clip to check them on, floor only. */
  basis: 'clip' | 'hand' | 'given';
  /** Present when events were set by hand: the eye-marking bound applied to each event type with a hand-set event. */
  handSetSec?: number;
}

export type MetricId =
  | 'contactTimeMs'
  | 'flightTimeMs'
  | 'stepTimeMs'
  | 'dutyFactorPct'
  | 'kneeFlexionAtStrikeDeg'
  | 'overstrideDeg'
  | 'verticalOscillationPx'
  | 'verticalOscillationCm'
  | 'stepLengthCm'
  | 'strideLengthCm'
  | 'hipDropDeg'
  // rear view, issue 16: foot placement and pelvis sway
  | 'stepWidthCm'
  | 'stepWidthPctHip'
  | 'lateralSwayPx'
  // side view, issue 16 ("Which side works harder")
  | 'hipExtensionAtToeOffDeg' | 'kneeDriveDeg' | 'footStrikeAngleDeg' | 'kneeFlexionMidstanceDeg' | 'trunkLeanDeg' | 'armSwingDeg';

/** Altman & Davis 2012 class of a foot-strike angle (footStrikePattern.ts). */
export type FootStrikeClass = 'rearfoot' | 'midfoot' | 'forefoot';
/** A foot's class as reported: 'unclear' when the 95% interval of its mean angle spans a class border. */
export type FootStrikeReading = FootStrikeClass | 'unclear';

/**
 * 'normal': the whole 95% interval of the difference lies inside the normal band (an equivalence statement:
 * Schuirmann 1987, Lakens 2017); 'watch' / 'marked': it lies wholly beyond the band; 'unclear': anything between,
 * where the clip cannot tell (docs/references.md "Asymmetry").
 */
export type FlagLevel = 'normal' | 'watch' | 'marked' | 'unclear';

export interface MetricSummary {
  unit: string;
  /** Mean of the per-step values of that side; null when the view cannot measure it. */
  left: number | null;
  right: number | null;
  symmetryIndexPct: number | null;
  /** Symmetry angle SA = (45° − arctan(L/R)) / 90° × 100 (docs/references.md; Frontiers Sports 2019.00036): negative when left is larger. */
  symmetryAnglePct?: number | null;
  /** 95% interval of the left − right difference of means, in the metric's unit. */
  differenceCi95: [number, number] | null;
  /** Per-side bound of the method's systematic error in the metric's unit, added to the interval (compareSides). */
  systematic?: { left: number; right: number };
  perStep: { left: number[]; right: number[] };
  /** Whole-clip value where the measure has one apart from its per-side values (trunk lean over every frame). */
  wholeClip?: number | null;
}

export interface Flag {
  id: string;
  metricId: MetricId;
  level: FlagLevel;
  /** An observation in plain words with its size and interval; never an injury-risk statement. */
  message: string;
  /** Watch/marked only: what such a difference may mean, as an observation (docs/references.md); never a risk. */
  meaning?: string;
}

/** One row of steps.csv: a stance of one foot and the step that ends with its strike. */
export interface StepRow {
  side: Side;
  strikeTimeSec: number;
  toeOffTimeSec: number | null;
  contactMs: number | null;
  /** Toe-off of this foot to the next strike of the other foot. */
  flightMs: number | null;
  /** Previous strike of the other foot to this strike. */
  stepMs: number | null;
  kneeFlexionAtStrikeDeg: number | null;
  overstrideDeg: number | null;
  hipDropDeg: number | null;
  /** Rear view: the moment this stance's hip drop and step width were read (its mid-stance: the contact's midpoint,
   * or the pelvis's own low where the feet are mistimed, gait/pelvisLow.ts); null where none was found. */
  midStanceTimeSec?: number | null;
  /** Rear view (issue 16): width of the step ending here, cm when a scale is known, else % of hip width. */
  stepWidthCm?: number | null;
  stepWidthPctHip?: number | null;
  /** Rear view: this foot landed across the midline (the pelvis centre at mid-stance). */
  crossover?: boolean | null;
  /** Rear view: pelvis excursion towards this side in this stride, px (lateralSway.ts). */
  lateralSwayPx?: number | null;
  // side view, issue 16: absent in reports written before them
  hipExtensionAtToeOffDeg?: number | null;
  kneeDriveDeg?: number | null;
  footStrikeAngleDeg?: number | null;
  kneeFlexionMidstanceDeg?: number | null;
  trunkLeanDeg?: number | null;
  armSwingDeg?: number | null;
  /** Which of this row's own events (its strike, its toe-off) were set by hand; absent when neither. */
  correctedByHand?: GaitEventType[];
}

export type ClipRole = 'leftSide' | 'rightSide' | 'rear';

/** A session of several clips of one run (mergeSession.ts): which clip filmed which side, and why it was read so. */
export interface SessionInfo {
  clips: { role: ClipRole; name: string; why: string; view: View; fps: number; durationSec: number }[];
  /** Between-recording difference of each side metric (mean of both feet, left clip − right clip). */
  betweenClips: Partial<Record<MetricId, number>>;
}

/** The public result (report.json, schemaVersion 1, documented in the README). */
export interface AnalysisResult {
  schemaVersion: 1;
  video: { path: string; fps: number; durationSec: number; width: number; height: number };
  view: View;
  cadenceSpm: number | null;
  events: GaitEvent[];
  metrics: Partial<Record<MetricId, MetricSummary>>;
  flags: Flag[];
  quality: { framesWithPose: number; framesTotal: number; warnings: string[] };
  // ---- additions beyond design.md's minimum; optional so older readers still parse ----
  /** Plain sentences a runner understands, most important first. */
  verdict?: string[];
  steps?: StepRow[];
  /** Which way the runner faces in the image (side view) — decides near/far leg. */
  facing?: 'imageLeft' | 'imageRight' | 'towardsCamera' | 'awayFromCamera';
  /** Present when the result merges a session of clips (mergeSession.ts); events then stay with each clip. */
  session?: SessionInfo;
  /** How well this clip timed each foot's strikes and toe-offs, and the between-feet bounds used (gait/eventReliability.ts). */
  timing?: TimingReliability;
  /** Curves for charts: knee angle over a normalised gait cycle (0..100%, 101 samples), hip line angle over time. */
  curves?: {
    kneeAngleCycleDeg?: { left: number[]; right: number[] };
    hipLineDeg?: { timeSec: number[]; deg: number[] };
  };
  /** Side view: each foot's strike class from its mean foot-strike angle (Altman & Davis 2012); null where not measured. */
  footStrikePattern?: Record<Side, FootStrikeReading | null>;
  /** Side view: the world's vertical the angles were read against (worldVertical.ts): its tilt in the image, degrees,
   *  positive for a clockwise camera roll, and where it came from (the scene's vertical edges, the belt's slant, or
   *  the image itself). */
  vertical?: { deg: number; from: 'scene' | 'belt' | 'image' };
  /** How the numbers were made, for the report's method section. */
  method?: Record<string, string>;
  /** Rear view (issue 16): stances per side whose foot landed across the midline, of the stances measured. */
  crossover?: Record<Side, { count: number; of: number }>;
  app?: { name: string; version: string };
  /**
   * Frame indices whose leg labels (left_/right_ hip, knee, ankle, heel, foot_index) the analysis swapped relative to
   * the input PoseTrack (repairLeftRight plus any whole-clip near-leg swap), so overlays of the stored raw track show
   * the same left/right as the events and numbers (issue 4: left/right never confused).
   */
  legSwapFrames?: number[];
}

export interface AnalysisOptions {
  /** 'auto' detects side or rear from the track. */
  view: 'auto' | View;
  /** Treadmill belt speed; gives step and stride length. Never guessed when absent. */
  beltSpeedMps?: number;
  /** Real-world scale at the runner, when known (pixels per centimetre). */
  pxPerCm?: number;
  /**
   * Rear view: image angle of a true horizontal (treadmill deck edge, a user-drawn horizon), degrees, positive when
   * its image-right end is lower. Corrects camera roll for hip drop; without it the mean pelvis line is taken as level.
   */
  horizonDeg?: number;
}
