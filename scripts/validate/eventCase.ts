// One validation case of the event detector (a track with its truth) and its error row: shared by the events table
// (events.ts), the per-foot bias table (footBias.ts) and the leave-one-trial-out sweep (loto.ts).
import type { PoseTrack } from '../../src/analysis/types';
import type { TruthEvent } from './truthLoaders';

export interface Case { source: string; trial: string; fps: number; view: 'side' | 'rear'; track: () => PoseTrack; truth: () => TruthEvent[] }

/** A case with a force plate and exact joint centres behind it (an RBDS-format trial or a clip rendered from one). */
export function hasJointTruth(c: Pick<Case, 'source'>): boolean {
  return c.source.startsWith('rbds') || c.source.startsWith('synthetic');
}

export interface Row {
  source: string; trial: string; fps: number; view: string; detectedView: string;
  fsMedMs: number; fsP95Ms: number; toMedMs: number; toP95Ms: number; fsBiasMs: number; toBiasMs: number;
  contactMaeMs: { left: number; right: number }; contactBiasMs: { left: number; right: number };
  /** Mean signed error per foot (detected − truth): a difference between the feet reads as asymmetry. */
  strikeBiasMs: { left: number; right: number }; toeOffBiasMs: { left: number; right: number };
  wrongFoot: number; missed: number; extra: number; matched: number; swappedFrames: number;
}
