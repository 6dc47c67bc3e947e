// Which leg is nearer the camera in a side view (issue 3; docs/references.md "Left/right identity"). A camera above
// the belt sees the near foot's resting place lower in the image than the far foot's (the far one is further off,
// nearer the horizon). A runner facing image-left shows the camera the LEFT side, facing image-right the RIGHT
// side: if the labels say otherwise for the whole clip, the video is mirrored or the model swapped the legs
// throughout — which the frame-to-frame repair cannot see.
import { quantile } from '../signal/subFrame';
import type { PoseTrack, Side } from '../types';
import { pointSeries } from './bodyGeometry';

export interface NearLegCheck {
  /** The leg whose foot rests lower in the image; null when the feet rest at the same height. */
  nearByGround: Side | null;
  /** The leg the facing direction says is near. */
  expectedNear: Side;
  /** How much lower the near foot rests, in leg lengths. */
  marginLegLengths: number;
}

function groundLevel(track: PoseTrack, side: Side): number {
  const heel = pointSeries(track, `${side}_heel`);
  const toe = pointSeries(track, `${side}_foot_index`);
  const ankle = pointSeries(track, `${side}_ankle`);
  const low = heel.y.map((h, i) => {
    const candidates = [h, toe.y[i] as number].filter(Number.isFinite);
    return candidates.length ? Math.max(...candidates) : (ankle.y[i] as number);
  });
  return quantile(low, 0.9);
}

export function checkNearLeg(track: PoseTrack, facing: 'imageLeft' | 'imageRight', legLengthPx: number): NearLegCheck {
  const left = groundLevel(track, 'left');
  const right = groundLevel(track, 'right');
  const margin = Math.abs(left - right) / legLengthPx;
  const nearByGround: Side | null = !Number.isFinite(margin) || margin < 0.01 ? null : left > right ? 'left' : 'right';
  return { nearByGround, expectedNear: facing === 'imageLeft' ? 'left' : 'right', marginLegLengths: margin };
}
