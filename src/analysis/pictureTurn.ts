// Which way up the runner stands in the picture. A phone films in portrait or landscape and stores the turn as a
// rotation flag; a clip whose flag was lost on the way (a messaging app, an editor) plays on its side, and the pose
// model still finds the body there (BlazePose aligns its crop to the body's own axis). Analysed as it lies, such a
// clip was read as a rear view (the ankles then sweep up and down the picture, not across it) and gave a hip drop of
// 8.3° / −19.5° and a step width of −401% (the demo clip turned by 90°, BlazePose full). Every rule here reads "up"
// as the picture's up, so a clip whose runner is not upright is refused with the turn that would right it.
import { AnalysisError } from './analysisError';
import { midSeries } from './gait/bodyGeometry';
import { median } from './signal/subFrame';
import type { PoseTrack } from './types';

export type PictureTurn = 0 | 90 | 180 | 270;

/** How far the body leans off the picture's up before it counts as turned: running trunk lean is 0–20° (docs/references.md). */
export const TURNED_ABOVE_DEG = 45;

/**
 * The body's "up" in the picture: from the mid-ankle to the mid-shoulder (to the mid-hip where no shoulder is
 * tracked, as in lab joint-centre CSVs), as the median of each component over the frames (the ankles swing fore and
 * aft of the hips and average out). `upDeg` is its angle from the picture's up, clockwise (90 = head to the right);
 * `turn` is how far the picture was turned clockwise from upright, to the nearest quarter turn. Null when no body
 * axis is seen.
 */
export function pictureTurn(track: PoseTrack): { turn: PictureTurn; upDeg: number } | null {
  const ankle = midSeries(track, 'ankle');
  const shoulder = midSeries(track, 'shoulder');
  const top = shoulder.x.some(Number.isFinite) ? shoulder : midSeries(track, 'hip');
  const dx = median(top.x.map((x, i) => x - (ankle.x[i] as number)));
  const dy = median(top.y.map((y, i) => y - (ankle.y[i] as number)));
  if (!Number.isFinite(dx) || !Number.isFinite(dy) || Math.hypot(dx, dy) === 0) return null;
  const upDeg = (Math.atan2(dx, -dy) * 180) / Math.PI;
  const quarter = Math.round(upDeg / 90);
  const turn = (Math.abs(upDeg) <= TURNED_ABOVE_DEG ? 0 : ((quarter % 4) + 4) % 4 * 90) as PictureTurn;
  return { turn, upDeg };
}

const WORDS: Record<Exclude<PictureTurn, 0>, string> = {
  90: 'lies on their side, head to the right: the picture is turned a quarter turn clockwise. Turn it a quarter turn anticlockwise',
  180: 'stands on their head: the picture is upside down. Turn it half a turn',
  270: 'lies on their side, head to the left: the picture is turned a quarter turn anticlockwise. Turn it a quarter turn clockwise',
};

/** Refuses a track whose runner is not upright in the picture, saying which turn rights it. */
export function assertUpright(track: PoseTrack): void {
  const p = pictureTurn(track);
  if (p === null || p.turn === 0) return;
  // A keypoint CSV from elsewhere (a lab, another tool) may count y upwards or swap the axes: say so in its terms.
  if (track.source.kind === 'csv') {
    throw new AnalysisError('RUNNER_NOT_UPRIGHT',
      `In ${track.source.name} the runner's head is ${p.turn === 180 ? 'below the feet' : 'beside the feet'} (the body points ${Math.round(p.upDeg)}° from the picture's up): a keypoint CSV needs an upright runner in image pixels, x to the right and y downwards, as in Lopsided's keypoints.csv of an upright clip.`);
  }
  throw new AnalysisError('RUNNER_NOT_UPRIGHT',
    `In this clip the runner ${WORDS[p.turn]} (the phone's rotation setting was probably lost on the way), then analyse it again. Lopsided reads heights and the vertical from the picture's up, so it does not analyse a turned clip.`);
}
