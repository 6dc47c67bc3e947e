// How large the runner was in the frames the pose model read. A clip filmed from far away (or a small runner in a
// wide landscape frame, decoded at 640 px on its long side) leaves the feet a few pixels long, and BlazePose then
// places heels and toes poorly, mixes up the legs and can misjudge which side faces the camera. Measured by shrinking
// the demo clip into a 1280×720 frame (hip to ankle in the frames the pose model read; the clip as filmed: 142 px):
// at 75 px every event and level came out as on the original; at 44 px only 8 and 12 of 17 strikes per foot were
// found and both feet's toe-offs wandered (not compared); at 20 px the facing was misread (the left foot called hidden
// behind the near leg, and the advice to film from the runner's left given for a clip filmed from there). Below
// MIN_LEG_PX, between the last good and the first poor reading, the result says so first.
import { legLengthPx } from './gait/bodyGeometry';
import type { PoseTrack } from './types';

/** Hip to ankle, in the pixels the pose model read, below which the runner is said to be small in the picture. */
export const MIN_LEG_PX = 60;

/** Hip-to-ankle length in the frames the pose model read (px); null when the track does not say how they were decoded. */
export function legInPoseFramesPx(track: PoseTrack): number | null {
  if (track.source.kind !== 'pose-model' || track.source.decodedLongSidePx === undefined) return null;
  const long = Math.max(track.width, track.height);
  const leg = legLengthPx(track) * Math.min(1, track.source.decodedLongSidePx / long);
  return Number.isFinite(leg) ? leg : null;
}

/** The warning, said before anything else, when the runner is small in the picture; null otherwise. */
export function smallRunnerWarning(track: PoseTrack): string | null {
  const leg = legInPoseFramesPx(track);
  if (leg === null || leg >= MIN_LEG_PX) return null;
  return `The runner is small in the picture: hip to ankle spans about ${Math.round(leg)} px in the frames the pose model read, where about ${MIN_LEG_PX} px or more are needed to place the feet. Feet, left and right, and which side faces the camera may be misread. Film closer, or zoom in, so that the runner fills most of the picture's height.`;
}
