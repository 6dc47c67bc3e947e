// PLACEHOLDER signature (owned by the pelvis tracker, issue 6).
import type { JobProgress, PoseTrack, VideoInfo } from '../../shared/contract';

export interface PelvisOptions {
  marks: 'auto' | { left: { x: number; y: number }; right: { x: number; y: number } };
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

/** Returns the track with `left_pelvis_mark` / `right_pelvis_mark` series added (rear view). */
export async function trackPelvis(_info: VideoInfo, _track: PoseTrack, _opts: PelvisOptions): Promise<PoseTrack> {
  throw new Error('trackPelvis: not implemented yet');
}
