// `npm run bench` (built to dist/bench.js): end-to-end pose speed and peak memory per model,
// with 1 worker and with the pool, plus decode-only speed (issue 2). Speed is measured here
// only, never in tests. Other processes share the CPU: the load average is printed with the results.
import { availableParallelism, loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { estimatePoseTrack } from '../src/main/pose/estimatePoseTrack';
import { decodeFrames } from '../src/main/video/decodeFrames';
import { probeVideo } from '../src/main/video/probeVideo';
import type { PoseModelName } from '../src/shared/contract';

const ALL_MODELS: PoseModelName[] = ['lite', 'full', 'heavy', 'movenet-lightning', 'movenet-thunder'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

/** RSS in bytes of this process (worker threads included) plus all its descendants (ffmpeg, ffprobe). */
function treeRssBytes(root = process.pid): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** CPU seconds used so far by this process (all threads) and its exited, reaped children (ffmpeg). */
function cpuSec(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  // fields 14–17 (utime, stime, cutime, cstime) are at offsets 11–14 after the comm field
  return ((f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0)) / 100;
}

async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; sec: number; cpuSec: number }> {
  let peak = treeRssBytes();
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes());
  }, 50);
  const t0 = performance.now();
  const c0 = cpuSec();
  try {
    const value = await fn();
    return { value, peakMb: peak / 2 ** 20, sec: (performance.now() - t0) / 1000, cpuSec: cpuSec() - c0 };
  } finally {
    clearInterval(timer);
  }
}

const clip = arg('clip', 'fixtures/videos/treadmill_side_30fps.mp4');
const models = arg('models', ALL_MODELS.join(',')).split(',') as PoseModelName[];
const pool = Number(arg('workers', String(availableParallelism())));
const longSide = Number(arg('long-side', '640'));
const info = await probeVideo(clip);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`clip ${clip}: ${info.width}x${info.height}, ${info.frameCount} frames, ${info.avgFps} fps; long side ${longSide}; cores ${availableParallelism()}`);
console.log(`load average at start: ${load()}`);

const dec = await withPeakRss(async () => {
  let n = 0;
  for await (const _frame of decodeFrames(info, { longSide })) n++;
  return n;
});
console.log(`decode only: ${(dec.value / dec.sec).toFixed(0)} frames/s (${dec.value} frames, ${dec.sec.toFixed(2)} s), CPU ${((1000 * dec.cpuSec) / dec.value).toFixed(1)} ms/frame, peak ${dec.peakMb.toFixed(0)} MB`);

// CPU ms/frame (all threads + ffmpeg) barely depends on other load: on an idle machine with
// C cores the pool can reach at most C × 1000 / (CPU ms/frame) frames/s.
console.log('\nmodel              workers  frames/s  ms/frame  CPU ms/frame  wall s  peak MB  backend');
for (const model of models) {
  for (const workers of [...new Set([1, pool])]) {
    const r = await withPeakRss(() => estimatePoseTrack(info, { model, workers, longSide }));
    const frames = r.value.timesSec.length;
    const fps = frames / r.sec;
    console.log(
      `${model.padEnd(18)} ${String(workers).padStart(7)}  ${fps.toFixed(1).padStart(8)}  ${(1000 / fps).toFixed(1).padStart(8)}  ${((1000 * r.cpuSec) / frames).toFixed(1).padStart(12)}  ${r.sec.toFixed(1).padStart(6)}  ${r.peakMb.toFixed(0).padStart(7)}  ${r.value.source.kind === 'pose-model' ? r.value.source.backend : ''}`,
    );
  }
}
console.log(`\nload average at end: ${load()} (frames/s are end to end: worker start, model load, decode and pose)`);
