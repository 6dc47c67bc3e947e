// Which line is "vertical" for the side-view angles (issue 16: "verticals and horizontals are the belt's, where the
// belt is seen tilted"). A belt that slants in the picture means either a rolled camera, which turns the world's
// vertical with it, or a camera looking down and across at the treadmill, whose perspective slants the belt and
// leaves the verticals standing. The keypoints cannot tell which; the scene's own vertical edges can
// (src/main/scene): where they agree, they are the vertical. On the demo clip the belt runs at 7.2° while the
// cupboard and wall edges give −0.5° at the runner: turning the angles by the belt's slant would have added 7°
// to every trunk and thigh angle. Without them (a keypoint CSV, a plain wall) the belt's slant stands, as the
// issue asks; below BELT_LEVEL_MIN_DEG that slant is within what pose-model toes wander, and the image vertical stands.
import { BELT_LEVEL_MIN_DEG } from './gait/beltLevel';
import type { PoseTrack } from './types';

export interface WorldVertical {
  /** Tilt of the world's vertical in the image, degrees, positive for a clockwise roll (segmentAngles.ts). */
  deg: number;
  from: 'scene' | 'belt' | 'image';
}

export function worldVertical(track: Pick<PoseTrack, 'sceneVertical'>, beltAngleDeg: number | null | undefined): WorldVertical {
  const scene = track.sceneVertical;
  if (scene && Number.isFinite(scene.tiltDeg)) return { deg: scene.tiltDeg, from: 'scene' };
  const belt = beltAngleDeg ?? Number.NaN;
  return Number.isFinite(belt) && Math.abs(belt) >= BELT_LEVEL_MIN_DEG ? { deg: belt, from: 'belt' } : { deg: 0, from: 'image' };
}
