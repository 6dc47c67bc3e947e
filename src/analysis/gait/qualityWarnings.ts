// Plain-language quality warnings from the event stages (issue 3, "Quality").
import type { CleanResult } from '../cleanGaitEvents';
import type { PoseTrack, View } from '../types';
import { pelvisSeries } from './bodyGeometry';
import { quantile } from '../signal/subFrame';

export interface QualityInput { track: PoseTrack; fps: number; view: View; cleaned: CleanResult; swappedFrames: number; legLengthPx?: number }

const FOOT_POINTS = ['ankle', 'heel', 'foot_index'];

export function qualityWarnings(q: QualityInput): string[] {
  const w: string[] = [];
  const n = q.track.timesSec.length;
  if (q.fps < 50) {
    w.push(`The video has ${Math.round(q.fps)} frames per second: one frame is ${Math.round(1000 / q.fps)} ms, so contact times are coarse; film at 60 fps or more if you can.`);
  }
  for (const side of ['left', 'right'] as const) {
    let missing = 0;
    for (let i = 0; i < n; i++) {
      const seen = FOOT_POINTS.some((p) => Number.isFinite(q.track.keypoints[`${side}_${p}`]?.x[i] ?? Number.NaN));
      if (!seen) missing++;
    }
    if (n > 0 && missing / n > 0.2) w.push(`The ${side} foot is not seen in ${Math.round((100 * missing) / n)}% of the frames.`);
  }
  // On a treadmill the pelvis stays put in the image; running across the picture (overground, or a panning camera)
  // breaks the belt rule the side-view events rest on (docs/references.md).
  if (q.view === 'side' && q.legLengthPx !== undefined && q.legLengthPx > 0) {
    const pelvis = pelvisSeries(q.track);
    const travel = quantile(pelvis.x, 0.95) - quantile(pelvis.x, 0.05);
    if (travel > q.legLengthPx) {
      w.push('The runner moves across the picture (overground running or a moving camera): events are made for treadmill video, so steps may be missed.');
    }
  }
  const perSide = (s: 'left' | 'right'): number => q.cleaned.contacts.filter((c) => c.side === s).length;
  const fewest = Math.min(perSide('left'), perSide('right'));
  if (fewest < 8) w.push(`Only ${fewest} complete foot contacts on one side: at least 8 per side are needed for a fair left/right comparison.`);
  if (n > 0 && q.swappedFrames / n > 0.25) {
    w.push(`The pose model mixed up the legs in ${Math.round((100 * q.swappedFrames) / n)}% of the frames; they were repaired, but check the events.`);
  }
  if (q.cleaned.doubleSupport > 0) {
    w.push(`Both feet were on the ground together in ${q.cleaned.doubleSupport} steps, which does not happen in running: the events may be off (or this is walking).`);
  }
  return w;
}
