// PLACEHOLDER signatures (owned by analysis, issue 3): events.csv and steps.csv.
import type { AnalysisResult } from './types';

export function formatEventsCsv(_result: AnalysisResult): string {
  throw new Error('formatEventsCsv: not implemented yet');
}

export function formatStepsCsv(_result: AnalysisResult): string {
  throw new Error('formatStepsCsv: not implemented yet');
}
