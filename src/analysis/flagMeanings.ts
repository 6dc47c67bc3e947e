// What a watch/marked left/right difference may mean, one short text per measure (issue 16: "a short 'what this
// may mean' for each watch/marked finding that stays an observation and never an injury-risk score"). Sources in
// docs/references.md; asymmetry alone did not predict injury in 836 recreational runners (Malisoux 2024), so no
// text says or implies a risk.
import type { MetricId } from './types';

const PLACEMENT = 'One foot lands closer to (or across) the midline than the other. In lab studies narrower steps raised the strain on the iliotibial band and the bending load on the shin (Meardon 2012; Meardon & Derrick 2014); how much that matters for this runner is for a clinician to judge.';
const LOADING_TIME = 'One leg spends longer on the belt taking the body\'s weight. Runners often do this on a side they trust less, after an injury, or simply by habit; the clip shows the difference, not its cause.';

export const FLAG_MEANING: Partial<Record<MetricId, string>> = {
  contactTimeMs: LOADING_TIME,
  dutyFactorPct: LOADING_TIME,
  flightTimeMs: 'The runner travels longer through the air after one foot\'s push-off: that foot usually pushes off harder or more steeply than the other.',
  stepTimeMs: 'The rhythm is uneven: the step onto one foot takes longer. Uneven step times cost more energy (Beck 2018); on its own this says nothing about injury.',
  kneeFlexionAtStrikeDeg: 'One leg lands with a straighter (or more bent) knee. A straighter knee at landing takes the impact more stiffly; groups of injured runners landed straighter (Bramah 2018), which does not make it a prediction for one runner.',
  overstrideDeg: 'One foot lands further ahead of its knee (overstride: Souza 2016), which usually goes with more braking on that side at each landing.',
  verticalOscillationPx: 'The body rises higher after one leg\'s push-off than after the other\'s.',
  verticalOscillationCm: 'The body rises higher after one leg\'s push-off than after the other\'s.',
  hipDropDeg: 'While standing on one leg the pelvis sags more on the swing side: the hip muscles of the standing leg hold it less level. In groups of runners more drop went with having a running injury (Bramah 2018); for one runner it is an observation to look at, not a prediction.',
  stepWidthCm: PLACEMENT,
  stepWidthPctHip: PLACEMENT,
  hipExtensionAtToeOffDeg: 'One thigh reaches less far behind the body at push-off. A stiff hip flexor, or a habit of pushing off sooner on one side, can do this; the clip shows the difference, not its cause.',
  kneeDriveDeg: 'One knee is brought further forward in swing than the other: that leg usually sets up a longer reach or a more forceful pull through.',
  footStrikeAngleDeg: 'The two feet meet the belt at different angles: one lands more on the heel, the other flatter or on the forefoot (Altman & Davis 2012). That shifts the landing load between the calf and the shin of that side.',
  kneeFlexionMidstanceDeg: 'One knee bends more while it carries the body\'s weight: that leg absorbs the landing more through the knee.',
  trunkLeanDeg: 'The trunk leans forward more while standing on one leg. A forward lean moves work from the knee to the hip (Teng & Powers 2014); a side-to-side difference may show which leg the runner shields or trusts.',
  armSwingDeg: 'One arm swings through a larger range. Arm swing balances the legs\' rotation (Arellano & Kram 2011); an uneven swing often mirrors an uneven leg action.',
  lateralSwayPx: 'The pelvis shifts further over one foot than over the other in stance; it often goes with a narrower step or more hip drop on that side.',
};
