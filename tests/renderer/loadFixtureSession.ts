// Node-side loader of the fake session (tests): reads the fixtures from disk.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFakeResult, parseTrackCsv, type TruthEvent } from './fakeSession';
import type { AnalysisResult, PoseTrack } from '../../src/shared/contract';

// Paths, not URL objects: under jsdom the global URL is not the one node:fs accepts.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export function loadFixtureSession(view: 'side' | 'rear' = 'side'): { track: PoseTrack; result: AnalysisResult } {
  const csv = readFileSync(join(root, `synthetic/RBDS008_T35_${view}_truth.csv`), 'utf8');
  const truth = JSON.parse(readFileSync(join(root, 'rbds/RBDS008_T35/truth.json'), 'utf8')) as { events: TruthEvent[] };
  const track = parseTrackCsv(csv, 1280, 720, `RBDS008_T35_${view}_truth.csv`);
  const result = buildFakeResult(track, truth.events, { view, t0Sec: 2.0, videoPath: `RBDS008_T35_${view}.mp4`, fps: 60 });
  return { track, result };
}
