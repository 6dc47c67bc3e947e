// PLACEHOLDER signatures (owned by analysis, issue 3): the keypoint CSV of design.md.
import type { PoseTrack } from './types';

export function parseKeypointCsv(_text: string, _opts: { name: string; fps?: number; width?: number; height?: number }): PoseTrack {
  throw new Error('parseKeypointCsv: not implemented yet');
}

export function formatKeypointCsv(_track: PoseTrack): string {
  throw new Error('formatKeypointCsv: not implemented yet');
}
