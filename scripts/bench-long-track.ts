// `npm run bench:long`: a 2-hour, 60 fps treadmill track (432,000 frames, 33 keypoints like BlazePose) through
// what a long clip goes through after pose: keypoints.csv written, read back as a stream, analysed, outputs
// written (no PDF). Prints time per stage and the peak resident memory. A benchmark, never a test (issue 15).
//   npx tsx scripts/bench-long-track.ts [--hours 2] [--fps 60] [--keep DIR]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseTrack } from '../src/analysis/analyseTrack';
import { keypointCsvLines } from '../src/analysis/keypointCsv';
import { readKeypointCsv } from '../src/main/pipeline/analyseKeypointCsv';
import { StagedFiles } from '../src/main/pipeline/stagedFiles';
import { writeJobOutputs } from '../src/main/pipeline/writeJobOutputs';
import type { PoseTrack } from '../src/shared/contract';
import { generateRun } from '../tests/analysis/synthetic/generateRun';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

/** Fills the track up to 33 named points (copies of its own series) so the CSV is as wide as BlazePose's. */
function widen(track: PoseTrack): PoseTrack {
  const names = Object.keys(track.keypoints);
  const keypoints = { ...track.keypoints };
  for (let k = 0; Object.keys(keypoints).length < 33; k++) {
    const src = track.keypoints[names[k % names.length] as string];
    if (src) keypoints[`extra${k}`] = src;
  }
  return { ...track, keypoints };
}

const peakMiB = (): number => process.resourceUsage().maxRSS / 1024;
const hours = Number(arg('hours', '2'));
const fps = Number(arg('fps', '60'));
const keep = arg('keep', '');
const dir = keep || (await mkdtemp(join(tmpdir(), 'lopsided-bench-long-')));
const rows: [string, number, number][] = [];
async function timed<T>(stage: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  rows.push([stage, (performance.now() - t0) / 1000, peakMiB()]);
  return out;
}

try {
  const run = await timed('generate track', () => generateRun({ fps, durationSec: hours * 3600, view: 'side' }));
  const track = widen(run.track);
  const csv = join(dir, 'long.csv');
  await timed('write keypoints.csv (streamed)', async () => {
    const files = new StagedFiles();
    await files.add(csv, keypointCsvLines(track));
    await files.commit();
  });
  const csvBytes = (await stat(csv)).size;
  const back = await timed('read keypoints.csv (streamed)', () => readKeypointCsv(csv, 'long.csv', { name: 'long.csv' }));
  const video = { path: csv, fps, durationSec: back.timesSec.at(-1) as number, width: back.width, height: back.height };
  const result = await timed('analyseTrack', () => analyseTrack(back, { view: 'auto' }, video));
  await timed('write outputs (no PDF)', () => writeJobOutputs(join(dir, 'out'), {
    result, track: back,
    info: { path: csv, durationSec: video.durationSec, avgFps: fps, realFps: fps, frameCount: back.timesSec.length, width: back.width, height: back.height, codedWidth: back.width, codedHeight: back.height, rotationDeg: 0, codec: 'keypoint-csv', variableFrameRate: false },
  }, { pdf: false }));

  console.log(`long track: ${hours} h at ${fps} fps = ${track.timesSec.length.toLocaleString('en')} frames, ${Object.keys(track.keypoints).length} keypoints, CSV ${(csvBytes / 2 ** 20).toFixed(0)} MiB`);
  console.log(`events found: ${result.events.length.toLocaleString('en')} (true: ${run.events.length.toLocaleString('en')}), view ${result.view}`);
  console.log('stage                              seconds   peak RSS so far (MiB)');
  for (const [stage, sec, mib] of rows) console.log(`${stage.padEnd(34)} ${sec.toFixed(1).padStart(7)}   ${mib.toFixed(0).padStart(6)}`);
  console.log(`total ${rows.reduce((a, r) => a + r[1], 0).toFixed(1)} s, peak RSS ${peakMiB().toFixed(0)} MiB (node ${process.version}, heap limit ${(Number((await import('node:v8')).getHeapStatistics().heap_size_limit) / 2 ** 20).toFixed(0)} MiB)`);
} finally {
  if (!keep) await rm(dir, { recursive: true, force: true });
}
