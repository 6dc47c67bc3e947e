// How issue 16's side-view angles were made, in words for the report's method section (sideViewMeasures.ts).
import { FOREFOOT_BELOW_DEG, REARFOOT_ABOVE_DEG } from './footStrikePattern';
import { ARM_POSE_BIAS_DEG, FOOT_ANGLE_BIAS_HEAVY_DEG, FOOT_ANGLE_BIAS_OTHER_DEG } from './sideViewMeasures';
import type { WorldVertical } from './worldVertical';

export function sideViewMethod(v: WorldVertical): Record<string, string> {
  const turn = `${Math.abs(v.deg).toFixed(1)}° ${v.deg >= 0 ? 'clockwise' : 'anticlockwise'} from the image vertical`;
  const vertical = v.from === 'scene'
    ? `the vertical the scene shows at the runner (door frames, cupboards, wall corners: ${turn})`
    : v.from === 'belt'
      ? `the belt's vertical (the belt runs at ${Math.abs(v.deg).toFixed(1)}° in the picture and the scene shows no verticals to say whether the camera is rolled, so the image vertical is turned by as much)`
      : 'the image vertical (the belt runs level in the picture, within 1.5°)';
  const seen = 'a leg, foot or arm the pose model does not see at that moment (confidence < 0.5) is not measured';
  const timing = 'its interval carries the angle\'s change over this clip\'s per-foot event-timing bound and, on a pose model\'s track, 3° per leg of joint-placement error';
  return {
    overstrideDeg: `Shank (knee→ankle) inclination from ${vertical} at foot strike, positive when the ankle is ahead of the knee (tibia angle at initial contact, Souza 2016 2D framework).`,
    hipExtensionAtToeOffDeg: `Thigh (hip→knee) angle behind ${vertical} at that foot's toe-off; ${timing}; ${seen}.`,
    kneeDriveDeg: `The thigh's largest angle ahead of ${vertical} between that foot's toe-off and its next strike (swing); a mid-swing peak, so it carries the 3° per leg of joint-placement error only.`,
    footStrikeAngleDeg: `Heel→toe line at the strike minus the same line at that stance's mid-stance (midpoint of contact, foot flat), positive toe up; classes after Altman & Davis 2012: rearfoot above ${REARFOOT_ABOVE_DEG.toFixed(1)}°, forefoot below ${FOREFOOT_BELOW_DEG.toFixed(1)}°, midfoot between (the foot-strike class, from each foot's mean). The pose model's toe point is the toe tip, a lab track's toe point the ball of the foot: the difference cancels while the foot is rigid, not when the toes bend. Its interval carries the angle's change over this clip's per-foot event-timing bound and, on a pose model's track, each foot's placement error (${FOOT_ANGLE_BIAS_HEAVY_DEG}° per foot for BlazePose heavy, ${FOOT_ANGLE_BIAS_OTHER_DEG}° for other or unknown models: pose models place feet worst).`,
    kneeFlexionMidstanceDeg: `Knee flexion (180° − the 2D hip–knee–ankle angle) at the midpoint of contact; ${timing}.`,
    trunkLeanDeg: `Mid-hip→mid-shoulder line ahead of ${vertical}, averaged over each foot's stance (per side) and over every frame between the first and last strike (the whole-clip lean); needs the shoulders (a keypoint track without them has none). The interval carries the stance window's timing and, on a pose model's track, 1.5° per side: the near leg's stance reads about 1.4° more forward (measured on a run filmed from both sides).`,
    armSwingDeg: `Range of the upper arm's (shoulder→elbow) angle over that side's stride, only where shoulder, elbow and wrist are seen in at least 80% of the stride's frames (the far arm behind the trunk usually is not); on a pose model's track ${ARM_POSE_BIAS_DEG}° per arm of joint-placement error (one arm read from a clip and from the same clip mirrored differs by up to 10.5°).`,
  };
}
