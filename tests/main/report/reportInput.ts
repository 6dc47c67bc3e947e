// What the report tests draw (issue 5): the real fixture clip's result when the analysis station
// works — computed from the committed BlazePose track of fixtures/videos/treadmill_side_30fps.mp4
// (the cached pose run, fixtures/posetracks/README.md) and round-tripped through report.json text.
import { readFileSync } from 'node:fs';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import type { AnalysisResult, PoseTrack } from '../../../src/shared/contract';
import { parseReportJson } from '../../../src/shared/reportSchema';

export const REAL_VIDEO = 'fixtures/videos/treadmill_side_30fps.mp4';
const REAL_TRACK_CSV = 'fixtures/posetracks/treadmill_side_30fps.blazepose-full.csv';

export interface ReportInput {
  source: 'real fixture clip';
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
  const real = analyseTrack(track, { view: 'auto' }, { path: REAL_VIDEO, fps: 30, durationSec: 12, width: 720, height: 1280 });
  const reportJson = JSON.stringify(real);
  return { source: 'real fixture clip', reportJson, result: parseReportJson(reportJson), track, videoPath: REAL_VIDEO };
}
