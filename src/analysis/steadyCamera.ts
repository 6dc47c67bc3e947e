// A hand-held phone's own motion taken out of the track before the feet are timed. The belt rule reads a foot's speed
// in the picture and the toe and touchdown rules its height there, so a camera that moves adds its motion to every
// event (measured on the rendered side clip shaken as a hand holds it: the left foot's strikes 12 ms later on average,
// median |error| 3 → 13 ms; README "Accuracy"). The still background's motion between frames is measured from the
// video's pixels (FootMotion.camera, src/main/footMotion/backgroundPatches.ts); summed, it is where the camera had
// moved the picture by each frame, and every keypoint and foot-patch motion is taken back by it.
import { legLengthPx } from './gait/bodyGeometry';
import { median } from './signal/subFrame';
import type { FootMotion, FootMotionSeries, KeypointSeries, PoseTrack } from './types';

/**
 * Camera motion, in leg lengths per second (RMS over the measured frames), above which the track is steadied. A
 * camera on a tripod reads 0.001–0.014 (the demo clip 0.4 px/s, the rendered clip's matching noise 3.5 px/s on a
 * leg of ~300 px); the clips shaken as a hand holds a phone 0.32–0.45 (scripts/validate/handHeld.ts). Below it nothing changes: a tripod clip is
 * analysed exactly as before the camera was measured.
 */
export const SHAKE_MIN_LEG_PER_SEC = 0.05;
/** The camera's motion must be read on this share of the frame pairs to be taken out (else the clip cannot tell). */
const MIN_MEASURED_SHARE = 0.5;

export interface CameraShake {
  /** RMS speed of the picture's motion over the measured frame pairs, px per second and leg lengths per second. */
  speedPxPerSec: number;
  speedLegPerSec: number;
  /** Share of frame pairs whose motion was read. */
  measuredShare: number;
  /** How far the picture moved from its median place at most, px. */
  largestOffsetPx: number;
}

interface Offsets { x: number[]; y: number[] }

/** The camera's motion in this track and where it had moved the picture by each frame; null when not read on enough of the clip. */
function readCamera(track: PoseTrack): { shake: CameraShake; offsets: Offsets } | null {
  const cam = track.footMotion?.camera;
  const n = track.timesSec.length;
  if (!cam || n < 2) return null;
  const speeds: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dt = (track.timesSec[i + 1] as number) - (track.timesSec[i] as number);
    const dx = cam.dxPx[i] ?? Number.NaN;
    const dy = cam.dyPx[i] ?? Number.NaN;
    if (Number.isFinite(dx) && Number.isFinite(dy) && dt > 0) speeds.push(Math.hypot(dx, dy) / dt);
  }
  const measuredShare = speeds.length / (n - 1);
  if (measuredShare < MIN_MEASURED_SHARE) return null;
  const speedPxPerSec = Math.sqrt(speeds.reduce((a, s) => a + s * s, 0) / speeds.length);
  const offsets = cameraOffsets(cam, n);
  // a loop, not Math.max(...): a whole series spread as arguments overflows the call stack on a long clip
  let largestOffsetPx = 0;
  for (let i = 0; i < n; i++) largestOffsetPx = Math.max(largestOffsetPx, Math.hypot(offsets.x[i] as number, offsets.y[i] as number));
  return { shake: { speedPxPerSec, speedLegPerSec: speedPxPerSec / legLengthPx(track), measuredShare, largestOffsetPx }, offsets };
}

/** The camera's motion in this track, or null when it was not measured on enough of the clip. */
export function cameraShake(track: PoseTrack): CameraShake | null {
  return readCamera(track)?.shake ?? null;
}

/**
 * Where the camera had moved the picture in each frame, px, about its median place (so the steadied track stays
 * where the runner is seen on average: the picture-edge checks read it). A frame pair not measured counts as still.
 */
function cameraOffsets(cam: FootMotionSeries, n: number): Offsets {
  const x: number[] = [0];
  const y: number[] = [0];
  for (let i = 1; i < n; i++) {
    const dx = cam.dxPx[i - 1] ?? Number.NaN;
    const dy = cam.dyPx[i - 1] ?? Number.NaN;
    x.push((x[i - 1] as number) + (Number.isFinite(dx) ? dx : 0));
    y.push((y[i - 1] as number) + (Number.isFinite(dy) ? dy : 0));
  }
  const mx = median(x);
  const my = median(y);
  return { x: x.map((v) => v - mx), y: y.map((v) => v - my) };
}

function steadySeries(kp: KeypointSeries, off: Offsets): KeypointSeries {
  return { x: kp.x.map((v, i) => v - (off.x[i] as number)), y: kp.y.map((v, i) => v - (off.y[i] as number)), score: kp.score };
}

function steadyMotion(s: FootMotionSeries, cam: FootMotionSeries): FootMotionSeries {
  const less = (a: number[], b: number[]): number[] => a.map((v, i) => v - (Number.isFinite(b[i]) ? (b[i] as number) : 0));
  return { dxPx: less(s.dxPx, cam.dxPx), dyPx: less(s.dyPx, cam.dyPx), ncc: s.ncc };
}

/** The track with the camera's motion taken out when it moved (cameraShake above SHAKE_MIN_LEG_PER_SEC), and what was found. */
export function steadyCamera(track: PoseTrack): { track: PoseTrack; shake: CameraShake | null; steadied: boolean } {
  const read = readCamera(track);
  const motion = track.footMotion;
  if (!read || !motion?.camera || !(read.shake.speedLegPerSec > SHAKE_MIN_LEG_PER_SEC)) return { track, shake: read?.shake ?? null, steadied: false };
  const { shake, offsets: off } = read;
  const cam = motion.camera;
  const keypoints: Record<string, KeypointSeries> = {};
  for (const [name, kp] of Object.entries(track.keypoints)) keypoints[name] = steadySeries(kp, off);
  const footMotion: FootMotion = {
    ...motion,
    left: { heel: steadyMotion(motion.left.heel, cam), toe: steadyMotion(motion.left.toe, cam) },
    right: { heel: steadyMotion(motion.right.heel, cam), toe: steadyMotion(motion.right.toe, cam) },
  };
  return { track: { ...track, keypoints, footMotion }, shake, steadied: true };
}

/** The sentence the report says when the camera moved and the track was steadied. */
export function steadiedWarning(shake: CameraShake): string {
  return `The camera moved during the clip (the picture shifted by up to ${Math.round(shake.largestOffsetPx)} px, at ${shake.speedLegPerSec.toFixed(2)} leg lengths per second on average): every point was taken back by the still background's motion before the feet were timed. A hand-held phone still costs some precision; a tripod or a shelf keeps the camera still.`;
}
