// PLACEHOLDER signature (owned by the video station, issue 2).
import type { VideoInfo } from '../../shared/contract';

export async function probeVideo(_path: string): Promise<VideoInfo> {
  throw new Error('probeVideo: not implemented yet');
}
