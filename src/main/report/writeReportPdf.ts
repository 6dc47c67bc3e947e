// PLACEHOLDER signature (owned by the report, issue 5).
import type { AnalysisResult, PoseTrack } from '../../shared/contract';

export interface ReportPdfOptions {
  paper?: 'A4' | 'LETTER';
  runnerName?: string;
  /** The analysed video, for key frames with skeleton overlays; omitted → no key frames. */
  videoPath?: string;
  track?: PoseTrack;
}

export async function writeReportPdf(_result: AnalysisResult, _outPath: string, _opts: ReportPdfOptions = {}): Promise<void> {
  throw new Error('writeReportPdf: not implemented yet');
}
