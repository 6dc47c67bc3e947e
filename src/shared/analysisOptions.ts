// The analysis options a job's options imply (view, belt speed, known horizon): one place, so the pipeline, the
// server's recompute of corrected events and the page's recompute give the analysis the same options (issue 13).
import type { AnalyseVideoOptions, AnalysisOptions } from './contract';

export function analysisOptionsOf(options: Pick<AnalyseVideoOptions, 'view' | 'beltSpeedMps' | 'horizonDeg' | 'pxPerCm'>): AnalysisOptions {
  return {
    view: options.view,
    ...(options.beltSpeedMps !== undefined ? { beltSpeedMps: options.beltSpeedMps } : {}),
    ...(options.horizonDeg !== undefined ? { horizonDeg: options.horizonDeg } : {}),
    ...(options.pxPerCm !== undefined ? { pxPerCm: options.pxPerCm } : {}),
  };
}
