// Chart curves of AnalysisResult.curves: knee flexion over a normalised gait cycle per side (strike to the next
// strike of the same foot, 0..100% in 101 samples, mean over strides) and the levelled pelvis line over time.
import { kneeFlexionDeg } from './jointAngles';
import { mean } from './seriesMath';
import type { StepTiming } from './stepTiming';
import type { PoseTrack, Side } from './types';

export const CYCLE_SAMPLES = 101;

export function kneeCycleCurve(track: PoseTrack, timings: readonly StepTiming[], side: Side): number[] {
  const strides = timings.filter((t) => t.side === side && t.strideMs !== null);
  const columns: number[][] = Array.from({ length: CYCLE_SAMPLES }, () => []);
  for (const s of strides) {
    const durSec = (s.strideMs as number) / 1000;
    for (let k = 0; k < CYCLE_SAMPLES; k++) {
      const v = kneeFlexionDeg(track, side, s.strikeTimeSec + (durSec * k) / (CYCLE_SAMPLES - 1));
      if (Number.isFinite(v)) (columns[k] as number[]).push(v);
    }
  }
  return columns.map((c) => mean(c));
}
