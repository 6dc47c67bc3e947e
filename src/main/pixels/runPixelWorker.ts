// Runs one job in the pixel worker (dist/pixel-worker.js: pelvis marks for rear clips, foot motion for side clips)
// and reports its progress under the job's own stage. Rejects with a PixelWorkerError carrying the job's code (e.g.
// PELVIS_NOT_TRACKED) or the worker's own (PIXEL_WORKER_MISSING, PIXEL_WORKER_CRASHED), or an AbortError.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CodedError } from '../../analysis/codedError';
import type { JobProgress, JobStage } from '../../shared/contract';
import { findPackageRoot, moduleDir } from '../pose/packagePaths';
import type { FromPixelWorker, ToPixelWorker } from './pixelProtocol';

export class PixelWorkerError extends CodedError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = code === 'ABORTED' ? 'AbortError' : 'PixelWorkerError';
  }
}

function pixelWorkerPath(): string {
  const candidates = [join(moduleDir(), 'pixel-worker.js')];
  const root = findPackageRoot();
  if (root) candidates.push(join(root, 'dist', 'pixel-worker.js'));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new PixelWorkerError('PIXEL_WORKER_MISSING', `the pixel worker bundle is missing (looked for ${candidates.join(', ')}); run: npm run build`);
  return found;
}

/** What a job in the pixel worker reports back: its stage for the progress line, its own result message. */
export interface PixelJob<T> {
  message: ToPixelWorker;
  stage: JobStage;
  total: number;
  result: (m: FromPixelWorker) => T | undefined;
}

export interface PixelWorkerOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
}

export function runPixelWorker<T>(job: PixelJob<T>, opts: PixelWorkerOptions): Promise<T> {
  if (opts.signal?.aborted) return Promise.reject(new PixelWorkerError('ABORTED', 'Cancelled.'));
  const worker = new Worker(pixelWorkerPath());
  const { total } = job;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, value?: T) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate().finally(() => (err ? reject(err) : resolve(value as T)));
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' });
      // The worker stops its ffmpeg itself; terminate anyway after a grace period.
      setTimeout(() => finish(new PixelWorkerError('ABORTED', 'Cancelled.')), 1500).unref();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: FromPixelWorker) => {
      if (m.type === 'progress') { opts.onProgress?.({ stage: job.stage, done: Math.min(m.done, total), total }); return; }
      if (m.type === 'error') { finish(new PixelWorkerError(m.code, m.message)); return; }
      const value = job.result(m);
      // A job cancelled while the result was on its way is still cancelled.
      if (value !== undefined) finish(opts.signal?.aborted ? new PixelWorkerError('ABORTED', 'Cancelled.') : null, value);
    });
    worker.on('error', (e) => finish(new PixelWorkerError('PIXEL_WORKER_CRASHED', `the pixel worker crashed: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => finish(new PixelWorkerError('PIXEL_WORKER_CRASHED', `the pixel worker stopped (exit code ${code})`)));
    worker.postMessage(job.message);
  });
}
