// PLACEHOLDER signature (owned by analysis, issue 3): the whole pure pipeline PoseTrack → AnalysisResult.
import type { AnalysisOptions, AnalysisResult, PoseTrack } from './types';

export interface VideoMeta {
  path: string;
  fps: number;
  durationSec: number;
  width: number;
  height: number;
}

export function analyseTrack(_track: PoseTrack, _options: AnalysisOptions, _video: VideoMeta): AnalysisResult {
  throw new Error('analyseTrack: not implemented yet');
}
