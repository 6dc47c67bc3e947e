// What the report tests draw (issue 5): the real fixture clip's result when the analysis station
// works — computed from the committed BlazePose track of fixtures/videos/treadmill_side_30fps.mp4
// (the cached pose run, fixtures/posetracks/README.md) and round-tripped through report.json text —
// else the hand-built sample result.
import { readFileSync } from 'node:fs';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import type { AnalysisResult, PoseTrack } from '../../../src/shared/contract';
import { parseReportJson } from '../../../src/shared/reportSchema';
import { makeSampleResult } from './sampleResult';

export const REAL_VIDEO = 'fixtures/videos/treadmill_side_30fps.mp4';
const REAL_TRACK_CSV = 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv';

export interface ReportInput {
  source: 'real fixture clip' | 'sample';
  /** report.json text, as the CLI writes it and `lopsided report` reads it. */
  reportJson: string;
  result: AnalysisResult;
  track: PoseTrack | null;
  videoPath: string | null;
}

export function loadRealTrack(): PoseTrack {
  return parseKeypointCsv(readFileSync(REAL_TRACK_CSV, 'utf8'), { name: 'treadmill_side_30fps.blazepose-full.csv', width: 720, height: 1280 });
}

export function loadReportInput(): ReportInput {
  const track = loadRealTrack();
  let real: AnalysisResult | null = null;
  try {
    real = analyseTrack(track, { view: 'auto' }, { path: REAL_VIDEO, fps: 30, durationSec: 12, width: 720, height: 1280 });
  } catch (err) {
    // Only the placeholder's "not implemented" means "not yet": any other failure is a real bug.
    if (!/not implemented/i.test((err as Error).message)) throw err;
  }
  if (real) {
    const reportJson = JSON.stringify(real);
    return { source: 'real fixture clip', reportJson, result: parseReportJson(reportJson), track, videoPath: REAL_VIDEO };
  }
  const reportJson = JSON.stringify(makeSampleResult({ view: 'side' }));
  return { source: 'sample', reportJson, result: parseReportJson(reportJson), track: null, videoPath: null };
}
