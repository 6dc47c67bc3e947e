// `npm run bench` (built to dist/bench.js): end-to-end pose speed and peak memory per model and
// landmark runtime (ONNX Runtime and TF.js WASM, issue 12), with 1 worker and with the pool, plus
// decode-only speed (issue 2). Each configuration runs in its own child process, so its peak
// memory is its own (freed worker memory is not always returned to the OS at once). Speed is
// measured here only, never in tests. Other processes share the CPU: the load average is printed.
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseKeypointCsv } from '../src/analysis/keypointCsv';
import { runFootMotion } from '../src/main/footMotion/runFootMotion';
import { footMotionLongSide } from '../src/main/footMotion/trackFootMotion';
import { measureSceneVertical } from '../src/main/scene/measureSceneVertical';
import { estimatePoseTrack } from '../src/main/pose/estimatePoseTrack';
import { decodeFrames } from '../src/main/video/decodeFrames';
import { probeVideo } from '../src/main/video/probeVideo';
import type { PoseRuntimePreference } from '../src/main/pose/createPoseEstimator';
import type { PoseModelName } from '../src/shared/contract';

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
const longSide = Number(arg('long-side', '640'));
const info = await probeVideo(clip);

interface ChildResult {
  frames: number;
  sec: number;
  cpuSec: number;
  peakMb: number;
  backend: string;
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  // One configuration: model, workers, runtime.
  const [model, workers, runtime] = (process.argv[child + 1] ?? '').split(':');
  const r = await withPeakRss(() =>
    estimatePoseTrack(info, { model: model as PoseModelName, workers: Number(workers), longSide, runtime: runtime as PoseRuntimePreference }),
  );
  const out: ChildResult = {
    frames: r.value.timesSec.length,
    sec: r.sec,
    cpuSec: r.cpuSec,
    peakMb: r.peakMb,
    backend: r.value.source.kind === 'pose-model' ? r.value.source.backend : '',
  };
  console.log(JSON.stringify(out));
  process.exit(0);
}

const models = arg('models', 'heavy,full').split(',') as PoseModelName[];
const runtimes = arg('runtimes', 'onnx,tfjs').split(',') as PoseRuntimePreference[];
const pool = Number(arg('workers', String(availableParallelism())));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`clip ${clip}: ${info.width}x${info.height}, ${info.frameCount} frames, ${info.avgFps} fps; long side ${longSide}; cores ${availableParallelism()}`);
console.log(`load average at start: ${load()}`);

const dec = await withPeakRss(async () => {
  let n = 0;
  for await (const _frame of decodeFrames(info, { longSide })) n++;
  return n;
});
console.log(`decode only: ${(dec.value / dec.sec).toFixed(0)} frames/s (${dec.value} frames, ${dec.sec.toFixed(2)} s), CPU ${((1000 * dec.cpuSec) / dec.value).toFixed(1)} ms/frame, peak ${dec.peakMb.toFixed(0)} MB`);

// Issue 11: the side-view foot-motion stage (its own decode at the size it needs + block matching around the feet),
// seeded by the stored BlazePose heavy track of the demo clip; it runs after pose on every side clip from a video.
const seedTrack = arg('foot-track', 'fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv');
if (existsSync(seedTrack)) {
  const track = parseKeypointCsv(readFileSync(seedTrack, 'utf8'), { name: seedTrack });
  const feet = await withPeakRss(() => runFootMotion({ frames: decodeFrames(info, { longSide: footMotionLongSide(info, track) }), track }));
  const n = track.timesSec.length;
  console.log(`foot motion (side clips): ${(n / feet.sec).toFixed(0)} frames/s (${n} frames, ${feet.sec.toFixed(2)} s, long side ${footMotionLongSide(info, track)}), CPU ${((1000 * feet.cpuSec) / n).toFixed(1)} ms/frame incl. decode, matching ${feet.value.msPerFrame.toFixed(1)} ms/frame, peak ${feet.peakMb.toFixed(0)} MB`);
  // Issue 16: the scene's vertical (six frames decoded where they are, line search), once per side clip.
  const scene = await withPeakRss(() => measureSceneVertical(info, track));
  console.log(`scene vertical (side clips): ${scene.sec.toFixed(2)} s per clip, CPU ${scene.cpuSec.toFixed(2)} s, peak ${scene.peakMb.toFixed(0)} MB (${scene.value ? `${scene.value.tiltDeg.toFixed(1)}° from ${scene.value.lines} lines` : 'none found'})`);
}

function runChild(model: PoseModelName, workers: number, runtime: PoseRuntimePreference): ChildResult {
  const args = [process.argv[1] as string, '--clip', clip, '--long-side', String(longSide), '--child', `${model}:${workers}:${runtime}`];
  const lines = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as ChildResult;
}

// CPU ms/frame (all threads + ffmpeg) barely depends on other load: on an idle machine with
// C cores the pool can reach at most C × 1000 / (CPU ms/frame) frames/s.
console.log('\nmodel   runtime  workers  frames/s  ms/frame  CPU ms/frame  idle ceiling f/s  wall s  peak MB  backend');
const fpsOf = new Map<string, number>();
for (const model of models) {
  for (const runtime of runtimes) {
    for (const workers of [...new Set([1, pool])]) {
      const r = runChild(model, workers, runtime);
      const fps = r.frames / r.sec;
      const cpuMs = (1000 * r.cpuSec) / r.frames;
      fpsOf.set(`${model}:${runtime}:${workers}`, fps);
      console.log(
        `${model.padEnd(7)} ${runtime.padEnd(8)} ${String(workers).padStart(7)}  ${fps.toFixed(1).padStart(8)}  ${(1000 / fps).toFixed(1).padStart(8)}  ${cpuMs.toFixed(1).padStart(12)}  ${((workers * 1000) / cpuMs).toFixed(1).padStart(16)}  ${r.sec.toFixed(1).padStart(6)}  ${r.peakMb.toFixed(0).padStart(7)}  ${r.backend}`,
      );
    }
  }
}
if (runtimes.includes('onnx') && runtimes.includes('tfjs')) {
  console.log('');
  for (const model of models) {
    for (const workers of [...new Set([1, pool])]) {
      const onnx = fpsOf.get(`${model}:onnx:${workers}`);
      const tfjs = fpsOf.get(`${model}:tfjs:${workers}`);
      if (onnx && tfjs) console.log(`${model}, ${workers} worker${workers > 1 ? 's' : ''}: ONNX / TF.js = ${(onnx / tfjs).toFixed(2)}×`);
    }
  }
}
console.log(`\nload average at end: ${load()} (frames/s are end to end: worker start, model load, decode and pose)`);
