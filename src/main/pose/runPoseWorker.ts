// One pose worker's life: init → ready → chunk → frames → done, with crash and cancel handling.
// Every exit path terminates the thread before the promise settles, so nothing is left running.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FrameValues } from './buildPoseTrack';
import { PoseError, WorkerReportedError, poseAbortError } from './poseErrors';
import type { ChunkMessage, FromWorkerMessage, InitMessage } from './poseProtocol';

export interface WorkerResult {
  backendDescription: string;
  keypointNames: string[];
  frames: FrameValues[];
  warmupFrames: number;
}

export interface WorkerRun {
  result: Promise<WorkerResult>;
  /** Asks the worker to stop (its decoder kills ffmpeg) and terminates it once it has (or after CANCEL_HARD_MS). */
  cancel(): void;
}

/** How long a cancelled worker gets to stop its ffmpeg itself before it is killed from here. */
const CANCEL_GRACE_MS = 1500;
/**
 * How long a cancelled worker gets to say it has stopped before the thread is terminated anyway (a hung worker).
 * A thread is not terminated sooner: ended while ONNX Runtime is inside a native call (loading the model, which
 * cannot be interrupted and takes seconds under load, or releasing it), the addon throws in a thread that no longer
 * exists and the whole process aborts ("terminate called after throwing an instance of 'Napi::Error'"; onnxruntime
 * issues 13086, 20084). Measured: cancelling 0–1 s into a pose run, while the workers loaded the model, killed the
 * process at the first try when the thread was terminated after CANCEL_GRACE_MS. The worker now frees its model and
 * then reports; it is terminated once it has.
 */
const CANCEL_HARD_MS = 30_000;

/** True only for a live ffmpeg/ffprobe child of this process (guards against a reused PID). */
function isOurDecoder(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(ppid) === process.pid && state !== 'Z' && /^ff(mpeg|probe)/.test(comm);
  } catch {
    return false; // gone, or no /proc (then the worker's own abort is the only way)
  }
}

export function runPoseWorker(
  workerPath: string,
  init: InitMessage,
  chunk: ChunkMessage,
  onFrame: () => void,
  /** The worker's model is loaded: the runtime in a few words, for the progress line. */
  onReady: (runtimeLabel: string) => void = () => {},
): WorkerRun {
  const worker = new Worker(workerPath);
  let settled = false;
  let cancelled = false;
  let failWith: (err: Error) => void = () => {};
  let decoderPids: number[] = [];
  /** Before a forced terminate: the thread cannot close its ffmpeg any more, so kill it from here. */
  const killDecoders = () => {
    for (const pid of decoderPids) if (isOurDecoder(pid)) process.kill(pid, 'SIGKILL');
  };

  const result = new Promise<WorkerResult>((resolve, reject) => {
    const frames: FrameValues[] = [];
    let names: string[] = [];
    let backendDescription = '';
    const finish = (err: Error | null, value?: WorkerResult) => {
      if (settled) return;
      settled = true;
      if (err) killDecoders();
      void worker.terminate().finally(() => (err ? reject(err) : resolve(value as WorkerResult)));
    };
    failWith = (err) => finish(err);

    worker.on('message', (msg: FromWorkerMessage) => {
      switch (msg.type) {
        case 'ready':
          names = msg.keypointNames;
          backendDescription = msg.backendDescription;
          onReady(msg.runtimeLabel);
          worker.postMessage(chunk);
          break;
        case 'frame':
          frames.push({ index: msg.index, timeSec: msg.timeSec, values: msg.values });
          onFrame();
          break;
        case 'progress':
          decoderPids = msg.decoderPids;
          break;
        case 'done':
          finish(null, { backendDescription, keypointNames: names, frames, warmupFrames: msg.warmupFrames });
          break;
        case 'error':
          finish(cancelled || msg.code === 'ABORTED' ? poseAbortError() : new WorkerReportedError(msg.code, msg.message));
          break;
      }
    });
    worker.on('error', (err) => {
      finish(new PoseError('POSE_WORKER_CRASHED', `a pose worker crashed: ${err.message}`, { cause: err }));
    });
    worker.on('exit', (code) => {
      finish(
        cancelled
          ? poseAbortError()
          : new PoseError(
              'POSE_WORKER_CRASHED',
              `a pose worker stopped (exit code ${code}) before finishing its chunk ` +
                `(${names.length > 0 ? `model ready, ${frames.length} frames received` : 'before its model was ready'})`,
            ),
      );
    });
    worker.postMessage(init);
  });

  return {
    result,
    cancel(): void {
      if (settled || cancelled) return;
      cancelled = true;
      worker.postMessage({ type: 'cancel' });
      // a decoder the worker did not stop is killed from here; the thread itself ends when the worker reports
      const grace = setTimeout(killDecoders, CANCEL_GRACE_MS);
      const hard = setTimeout(() => {
        killDecoders();
        failWith(poseAbortError());
      }, CANCEL_HARD_MS);
      grace.unref();
      hard.unref();
      result.catch(() => {}).finally(() => {
        clearTimeout(grace);
        clearTimeout(hard);
      });
    },
  };
}
