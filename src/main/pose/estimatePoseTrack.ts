// PLACEHOLDER signature (owned by the pose station, issue 2): replaced by the real worker pool.
import type { JobProgress, PoseModelName, PoseTrack, VideoInfo } from '../../shared/contract';

export interface EstimatePoseOptions {
  model: PoseModelName;
  workers?: number;
  longSide?: number;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

export async function estimatePoseTrack(_info: VideoInfo, _opts: EstimatePoseOptions): Promise<PoseTrack> {
  throw new Error('estimatePoseTrack: not implemented yet');
}
