// `npm run bench:library`: a generated library of 200 runners × 20 sessions (each with a left-side, right-side and
// rear clip, their result-file hashes and ten metrics, filed through insertSession as `session add` files them), then
// the three reads the app makes: the runner list, one runner's page (runner, sessions with clips, progress) and the
// progress query alone. Target each under 50 ms (issue 14). Prints median and worst of repeated runs and the file size.
// A benchmark, never a test.
//   npx tsx scripts/bench-library.ts [--runners 200] [--sessions 20] [--keep DIR]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricId } from '../src/analysis/types';
import { newId } from '../src/main/library/jobStore';
import { openLibrary } from '../src/main/library/library';
import { libraryPath } from '../src/main/library/openLibraryDb';
import { runnerPage, runnerProgress } from '../src/main/library/runnerPage';
import { addRunner, listRunners } from '../src/main/library/runnerRecords';
import { insertSession, type MetricRecord } from '../src/main/library/sessionRecords';
import { mulberry32 } from '../tests/helpers/seededRandom';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const runners = Number(arg('runners', '200'));
const sessionsPerRunner = Number(arg('sessions', '20'));
const keep = arg('keep', '');
const dir = keep || (await mkdtemp(join(tmpdir(), 'lopsided-bench-library-')));
const lib = openLibrary(dir);
const random = mulberry32(14);

const METRICS: [MetricId, string, number][] = [
  ['contactTimeMs', 'ms', 250], ['flightTimeMs', 'ms', 110], ['stepTimeMs', 'ms', 360], ['dutyFactorPct', '%', 35],
  ['kneeFlexionAtStrikeDeg', 'deg', 15], ['overstrideDeg', 'deg', 7], ['verticalOscillationCm', 'cm', 8],
  ['stepLengthCm', 'cm', 125], ['strideLengthCm', 'cm', 250], ['hipDropDeg', 'deg', 3],
];
const FILES = ['report.json', 'keypoints.csv', 'events.csv', 'steps.csv', 'report.pdf', 'track.json'];

const t0 = performance.now();
const ids: string[] = [];
for (let r = 0; r < runners; r++) {
  const runnerId = addRunner(lib.db, { name: `Runner ${String(r).padStart(4, '0')}`, birthYear: 1970 + (r % 40), heightCm: 160 + (r % 30) }).runnerId;
  ids.push(runnerId);
  for (let s = 0; s < sessionsPerRunner; s++) {
    const day = new Date(Date.UTC(2025, 0, 1) + s * 7 * 86_400_000).toISOString().slice(0, 10);
    const metrics: MetricRecord[] = METRICS.map(([metricId, unit, level]) => {
      const d = (random() - 0.5) * 0.1 * level;
      const half = 0.03 * level + random() * 0.05 * level;
      return { metricId, unit, left: level + d / 2, right: level - d / 2, differenceCi95: [d - half, d + half] };
    });
    insertSession(lib.db, {
      runnerId, meta: { date: day, name: `week ${s + 1}`, speedMps: 3.3, painScore: s % 11 }, reportSha256: 'c'.repeat(64), metrics,
      clips: (['leftSide', 'rightSide', 'rear'] as const).map((role) => ({
        role, analysisId: newId(), clipName: `${role}.mp4`, files: FILES.map((name) => ({ name, sha256: 'd'.repeat(64), bytes: 100_000 })),
      })),
    });
  }
}
const fillSec = (performance.now() - t0) / 1000;
lib.db.pragma('wal_checkpoint(TRUNCATE)');
const bytes = (await stat(libraryPath(dir))).size;

function time(label: string, fn: () => unknown, repeats = 40): [string, number, number] {
  fn(); // warm the page cache and the statement cache, as a running app has them
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return [label, ms[Math.floor(ms.length / 2)] as number, ms[ms.length - 1] as number];
}

const pick = (i: number) => ids[(i * 37) % ids.length] as string;
let k = 0;
const rows = [
  time(`runner list (${runners} runners with session counts)`, () => listRunners(lib.db)),
  time('runner list, name search', () => listRunners(lib.db, 'runner 01')),
  time(`runner page (${sessionsPerRunner} sessions, clips, progress)`, () => runnerPage(lib.db, pick(k++))),
  time('progress query', () => runnerProgress(lib.db, pick(k++))),
];
const sessions = lib.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
const clipFiles = lib.db.prepare('SELECT count(*) FROM clip_files').pluck().get() as number;
console.log(`Library of ${runners} runners × ${sessionsPerRunner} sessions (${sessions} sessions, ${sessions * 3} clips, ${clipFiles} file hashes), filled in ${fillSec.toFixed(1)} s`);
console.log(`Database file: ${(bytes / 1e6).toFixed(2)} MB (${(bytes / sessions / 1024).toFixed(1)} KiB per session)`);
console.log('');
console.log('query                                                  median ms   worst ms   target < 50 ms');
for (const [label, median, worst] of rows) console.log(`${label.padEnd(54)} ${median.toFixed(2).padStart(9)} ${worst.toFixed(2).padStart(10)}   ${worst < 50 ? 'ok' : 'SLOW'}`);
lib.close();
if (!keep) await rm(dir, { recursive: true, force: true });
