// Pose worker (worker_threads, built to dist/pose-worker.js): decodes its own contiguous time
// chunk with the video station's decoder and runs the PoseEstimator on every frame (issue 2).
import { parentPort } from 'node:worker_threads';
import { decodeFrames } from '../video/decodeFrames';
import { runningFfmpegPids } from '../video/runFfmpeg';
import { createPoseEstimator, type PoseEstimator } from './createPoseEstimator';
import type { ChunkMessage, FromWorkerMessage, InitMessage, ToWorkerMessage } from './poseProtocol';
import { describePoseRuntime, shortRuntimeLabel } from './describeRuntime';

const port = parentPort;
if (!port) throw new Error('poseWorker must run inside a worker thread');

let estimator: PoseEstimator | null = null;
const abort = new AbortController();

function send(msg: FromWorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(msg, transfer);
}

function sendError(err: unknown): void {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : 'POSE_FAILED';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  send({ type: 'error', code, message });
}

const cancelled = (): Error => Object.assign(new Error('Cancelled.'), { code: 'ABORTED' });

/** Frees the model and waits until ONNX Runtime has released it: the pool ends this thread as soon as it hears from
 *  it last, and a thread ended inside that native call takes the whole process down (runPoseWorker.ts). */
async function disposeEstimator(): Promise<void> {
  const est = estimator;
  estimator = null;
  await est?.dispose().catch(() => undefined);
}

async function init(msg: InitMessage): Promise<void> {
  estimator = await createPoseEstimator({ model: msg.model, modelsDir: msg.modelsDir, backend: msg.backend, runtime: msg.runtime });
  // cancelled while the model loaded (the load cannot be interrupted): free it before saying so
  if (abort.signal.aborted) {
    await disposeEstimator();
    throw cancelled();
  }
  send({
    type: 'ready',
    backend: estimator.backend,
    runtime: estimator.runtime,
    backendDescription: describePoseRuntime(estimator),
    runtimeLabel: shortRuntimeLabel(estimator),
    keypointNames: [...estimator.keypointNames],
  });
}

/** Runs one chunk; resolves with the message that ends it, sent once the model is freed. */
async function runChunk(msg: ChunkMessage): Promise<FromWorkerMessage> {
  const est = estimator;
  if (!est) throw new Error('chunk before init');
  est.reset();
  const decodeStart = Math.max(0, msg.startSec - msg.warmupSec);
  let frames = 0;
  let warmupFrames = 0;
  let lastProgress = 0;
  const total = Number.isFinite(msg.endSec)
    ? Math.round((msg.endSec - msg.startSec) * msg.info.avgFps)
    : Math.max(0, Math.round(msg.info.frameCount - msg.startSec * msg.info.avgFps));
  // One decoder thread per worker: the pool already keeps every core busy, and ffmpeg's
  // default (a thread per core, per worker) only adds contention.
  const frameIter = decodeFrames(msg.info, { longSide: msg.longSide, startSec: decodeStart, endSec: msg.endSec, signal: abort.signal, threads: 1 });
  for await (const frame of frameIter) {
    // Buffered frames and WASM reads resolve as microtasks only: without a macrotask turn per
    // frame the 'cancel' message would wait until ffmpeg's output ran dry.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (abort.signal.aborted) break;
    if (frames + warmupFrames === 0) send({ type: 'progress', done: 0, total, decoderPids: runningFfmpegPids() });
    const pose = await est.estimate(frame);
    // Warm-up frames only let the ROI tracker settle; the previous chunk reports them.
    if (frame.timeSec < msg.startSec - 1e-6) {
      warmupFrames++;
      continue;
    }
    const values = new Float32Array(pose.keypoints.length * 3);
    pose.keypoints.forEach((kp, k) => {
      values[3 * k] = kp.x;
      values[3 * k + 1] = kp.y;
      values[3 * k + 2] = kp.score;
    });
    send({ type: 'frame', index: frame.index, timeSec: frame.timeSec, values }, [values.buffer]);
    frames++;
    const now = Date.now();
    if (now - lastProgress > 250) {
      lastProgress = now;
      send({ type: 'progress', done: frames, total, decoderPids: runningFfmpegPids() });
    }
  }
  if (abort.signal.aborted) throw cancelled();
  return { type: 'done', frames, warmupFrames };
}

let queue = Promise.resolve();
port.on('message', (msg: ToWorkerMessage) => {
  if (msg.type === 'cancel') {
    // Aborting the decoder kills its ffmpeg; the pool terminates this thread right after.
    abort.abort();
    return;
  }
  queue = queue
    .then(async () => {
      if (msg.type === 'init') return init(msg);
      // the last word (done or error) goes out only after the model is freed
      try {
        const end = await runChunk(msg);
        await disposeEstimator();
        send(end);
      } catch (err) {
        await disposeEstimator();
        throw err;
      }
    })
    .catch((err: unknown) => sendError(err));
});
