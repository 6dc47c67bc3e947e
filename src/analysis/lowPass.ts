// Zero-phase low-pass of every keypoint (docs/references.md: "low-pass about 6–10 Hz zero-phase Butterworth for
// positions; running may need more"). Running feet stop on the belt within a few hundredths of a second, so the
// cutoff is kept high enough not to smear events (default 12 Hz) and always below 0.4 × the frame rate so the
// filter stays well inside Nyquist at 30 fps.
import { lowPassSeries } from './signal/butterworth';
import { mapTrackSeries } from './signal/mapTrack';
import type { PoseTrack } from './types';

export function cutoffFor(fps: number, wantedHz = 12): number {
  return Math.min(wantedHz, 0.4 * fps);
}

export function lowPass(track: PoseTrack, fps: number, cutoffHz = cutoffFor(fps)): PoseTrack {
  return mapTrackSeries(track, (values) => lowPassSeries(values, cutoffHz, fps));
}
