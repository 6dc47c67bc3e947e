// Development page: the real renderer App over the fake API and the RBDS008 fixture clips, for screenshots
// (`npx vite --config tests/renderer/dev/vite.dev.config.ts`). Not part of the product build.
import { createRoot } from 'react-dom/client';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import type { AnalysisResult } from '../../../src/shared/contract';
import { App } from '../../../src/renderer/App';
import '../../../src/renderer/styles.css';
import rearCsv from '../../../fixtures/synthetic/RBDS008_T35_rear_truth.csv?raw';
import sideCsv from '../../../fixtures/synthetic/RBDS008_T35_side_truth.csv?raw';
import leftCsv from '../../../fixtures/synthetic/RBDS008_T35_left_truth.csv?raw';
import truthText from '../../../fixtures/rbds/RBDS008_T35/truth.json?raw';
import { createFakeApi, fakeJob, fakeVideoInfo, type FakeJobSeed } from '../fakeApi';
import { buildFakeResult, parseTrackCsv, type TruthEvent } from '../fakeSession';

const truth = JSON.parse(truthText) as { events: TruthEvent[] };
const sideUrl = new URL('../../../fixtures/synthetic/RBDS008_T35_side.mp4', import.meta.url).href;
const rearUrl = new URL('../../../fixtures/synthetic/RBDS008_T35_rear.mp4', import.meta.url).href;
const leftUrl = new URL('../../../fixtures/synthetic/RBDS008_T35_left.mp4', import.meta.url).href;
const sideTrack = parseTrackCsv(sideCsv, 1280, 720, 'RBDS008_T35_side_truth.csv');
const rearTrack = parseTrackCsv(rearCsv, 1280, 720, 'RBDS008_T35_rear_truth.csv');
const leftTrack = parseTrackCsv(leftCsv, 1280, 720, 'RBDS008_T35_left_truth.csv');
// The real analysis of the exact joint tracks (what the engine would say with a perfect pose model); the
// force-plate-based stand-in when ?fake=1 or when the analysis refuses.
function analyse(track: typeof sideTrack, view: 'side' | 'rear' | 'left'): AnalysisResult {
  const meta = { path: `RBDS008_T35_${view}.mp4`, fps: 60, durationSec: 10, width: 1280, height: 720 };
  if (!new URLSearchParams(location.search).has('fake')) {
    try { return analyseTrack(track, { view: 'auto', beltSpeedMps: 3.5 }, meta); } catch (err) { console.warn('analyseTrack failed', err); }
  }
  return buildFakeResult(track, truth.events, { view: view === 'left' ? 'side' : view, t0Sec: 2, videoPath: meta.path, fps: 60 });
}
const sideResult = analyse(sideTrack, 'side');
const rearResult = analyse(rearTrack, 'rear');
const leftResult = analyse(leftTrack, 'left');

const side: FakeJobSeed = {
  job: fakeJob({ jobId: 'side', videoName: 'RBDS008_side_after.mp4', createdAtIso: '2026-11-25T10:30:00Z', options: { model: 'full', view: 'side' } }),
  result: sideResult, track: sideTrack, videoUrl: sideUrl,
};
const seeds: FakeJobSeed[] = [
  side,
  // An earlier session of the same runner (here the other camera side's clip, so the before/after numbers differ).
  {
    job: { ...side.job, jobId: 'side-before', videoName: 'RBDS008_side_before.mp4', createdAtIso: '2026-10-02T09:00:00Z', sessionName: 'Before orthotics', runnerName: 'RBDS008' },
    result: leftResult, track: leftTrack, videoUrl: leftUrl,
  },
  {
    job: fakeJob({ jobId: 'left', videoName: 'RBDS008_left_after.mp4', createdAtIso: '2026-11-25T10:32:00Z', options: { model: 'full', view: 'side' } }),
    result: leftResult, track: leftTrack, videoUrl: leftUrl,
  },
  {
    job: fakeJob({ jobId: 'rear', videoName: 'RBDS008_rear.mp4', createdAtIso: '2026-11-25T10:35:00Z', options: { model: 'full', view: 'rear' } }),
    result: rearResult, track: rearTrack, videoUrl: rearUrl,
  },
  {
    job: fakeJob({
      jobId: 'running', videoName: 'clinic_0412.mov', createdAtIso: '2026-11-25T11:00:00Z', status: 'running',
      info: fakeVideoInfo({ frameCount: 1800, durationSec: 30 }), exports: [],
      progress: { stage: 'pose', done: 702, total: 1800, framesPerSec: 9.7, etaSec: 113 },
    }),
    videoUrl: sideUrl,
  },
  {
    job: fakeJob({
      jobId: 'failed', videoName: 'holiday.webm', createdAtIso: '2026-11-24T18:00:00Z', status: 'failed', exports: [],
      error: { code: 'NO_RUNNER', message: 'No runner was found in 94% of the frames: film the whole body, side or rear.' },
    }),
    videoUrl: '',
  },
];

const api = createFakeApi(seeds, { template: side, tickMs: Number(new URLSearchParams(location.search).get('tick') ?? 600) });
createRoot(document.getElementById('root')!).render(<App api={api} />);
