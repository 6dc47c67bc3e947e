// One job at a time (pose uses both cores), a FIFO queue, progress events, cancel and delete (issue 4).
// The runner is injected: tests pass a fake, production passes analyseVideo + writeJobOutputs.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobNames, JobSummary } from '../../shared/api';
import type { AnalyseVideoOptions, JobProgress } from '../../shared/contract';
import { interruptedError, toErrorInfo } from './jobErrors';
import type { JobStore } from './jobStore';
import { newId } from './jobStore';
import type { JobEvent, JobRecord, JobRunner } from './jobTypes';
import { writeJsonAtomic } from './writeFileAtomic';

interface Running {
  jobId: string;
  controller: AbortController;
  finished: Promise<void>;
  /** Set when Lopsided stopped the job (close()), as opposed to the user's cancel. */
  stoppedByShutdown: boolean;
}

export class JobManager {
  private readonly queue: string[] = [];
  private running: Running | null = null;
  private readonly listeners = new Set<(e: JobEvent) => void>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly store: JobStore, private readonly runner: JobRunner) {}

  onEvent(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(videoId: string, options: AnalyseVideoOptions, names: JobNames = {}): Promise<JobSummary> {
    const video = this.store.getVideo(videoId);
    const release = this.store.holdVideo(videoId); // no deleteVideo() between here and the job's first save
    const job: JobRecord = {
      schemaVersion: 1,
      jobId: newId(),
      videoId,
      videoName: video.name,
      videoPath: video.path,
      createdAtIso: new Date().toISOString(),
      status: 'queued',
      options,
      info: video.info,
      progress: null,
      error: null,
      exports: [],
      ...cleanNames(names),
    };
    try {
      await this.store.saveJob(job);
    } finally {
      release();
    }
    this.queue.push(job.jobId);
    this.emit(job);
    const summary = toSummary(job); // before pump(), which may flip it to running synchronously
    void this.pump();
    return summary;
  }

  async cancel(jobId: string): Promise<void> {
    const job = this.store.getJob(jobId);
    const at = this.queue.indexOf(jobId);
    if (at >= 0) {
      this.queue.splice(at, 1);
      await this.finish(job, 'cancelled', null);
      return;
    }
    if (this.running?.jobId === jobId) {
      this.running.controller.abort();
      await this.running.finished; // status becomes 'cancelled' when the runner gives up
    }
    // done / failed / cancelled: nothing to stop.
  }

  async delete(jobId: string): Promise<void> {
    this.store.getJob(jobId);
    await this.cancel(jobId);
    await this.store.deleteJob(jobId);
    for (const l of this.listeners) l({ type: 'deleted', jobId });
  }

  /** Resolves when nothing is running or queued (tests, shutdown). */
  whenIdle(): Promise<void> {
    if (this.running === null && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops the running job and drops the queue (server stop, SIGTERM, app quit). Both stay on disk as
   * 'failed' INTERRUPTED — not 'cancelled', which is the user's own choice (issue 15). A job the user
   * had already cancelled stays cancelled.
   */
  async close(): Promise<void> {
    for (const jobId of this.queue.splice(0)) await this.finish(this.store.getJob(jobId), 'failed', interruptedError());
    if (this.running !== null) {
      if (!this.running.controller.signal.aborted) this.running.stoppedByShutdown = true;
      this.running.controller.abort();
      await this.running.finished;
    }
  }

  private async pump(): Promise<void> {
    if (this.running !== null) return;
    const jobId = this.queue.shift();
    if (jobId === undefined) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
      return;
    }
    const controller = new AbortController();
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const running: Running = { jobId, controller, finished, stoppedByShutdown: false };
    this.running = running;
    try {
      await this.run(this.store.getJob(jobId), running);
    } finally {
      this.running = null;
      done();
      void this.pump();
    }
  }

  private async run(job: JobRecord, running: Running): Promise<void> {
    const { signal } = running.controller;
    job.status = 'running';
    job.progress = { stage: 'probe', done: 0, total: null };
    await this.store.saveJob(job);
    this.emit(job);
    const outDir = this.store.jobDir(job.jobId);
    try {
      const output = await this.runner(
        { videoPath: job.videoPath, info: job.info, options: job.options, outDir, videoName: job.videoName, names: namesOf(job) },
        {
          signal,
          onProgress: (p: JobProgress) => {
            if (job.status !== 'running' || signal.aborted) return;
            job.progress = p; // kept in memory and pushed to listeners; job.json is written on status changes only
            this.emit(job);
          },
        },
      );
      if (signal.aborted) throw new Error('cancelled'); // the runner finished despite the abort: still cancelled
      await writeJsonAtomic(join(outDir, 'track.json'), output.track);
      const hasReport = await stat(join(outDir, 'report.json')).then((s) => s.isFile(), () => false);
      if (!hasReport) await writeJsonAtomic(join(outDir, 'report.json'), output.result);
      job.exports = await this.store.listExports(job.jobId);
      job.resultView = output.result.view;
      await this.finish(job, 'done', null);
    } catch (e) {
      if (signal.aborted && running.stoppedByShutdown) await this.finish(job, 'failed', interruptedError());
      else if (signal.aborted) await this.finish(job, 'cancelled', null);
      else await this.finish(job, 'failed', toErrorInfo(e));
    }
  }

  private async finish(job: JobRecord, status: 'done' | 'failed' | 'cancelled', error: JobRecord['error']): Promise<void> {
    job.status = status;
    job.error = error;
    job.progress = null;
    job.finishedAtIso = new Date().toISOString();
    await this.store.saveJob(job).catch(() => undefined); // deleted meanwhile: nothing to save
    this.emit(job);
  }

  /** Sets (or clears, with '') the session and runner names; saved with the job and pushed to listeners. */
  async rename(jobId: string, names: JobNames): Promise<JobRecord> {
    const job = this.store.getJob(jobId);
    for (const key of ['sessionName', 'runnerName'] as const) {
      const value = names[key];
      if (value === undefined) continue;
      if (value.trim() === '') delete job[key];
      else job[key] = value.trim();
    }
    await this.store.saveJob(job);
    this.emit(job);
    return job;
  }

  private emit(job: JobRecord): void {
    const summary = toSummary(job);
    for (const l of this.listeners) l({ type: 'changed', job: summary });
  }
}

/** The public part of a job record (no file system paths cross to the renderer: info.path is the clip's name). */
export function toSummary(job: JobRecord): JobSummary {
  const { schemaVersion: _s, videoPath: _p, ...summary } = job;
  return { ...summary, info: { ...job.info, path: job.videoName }, options: { ...job.options } };
}

/** The names a job carries (only those set). */
export function namesOf(job: JobNames): JobNames {
  return cleanNames({ sessionName: job.sessionName, runnerName: job.runnerName });
}

function cleanNames(names: JobNames): JobNames {
  const out: JobNames = {};
  if (names.sessionName?.trim()) out.sessionName = names.sessionName.trim();
  if (names.runnerName?.trim()) out.runnerName = names.runnerName.trim();
  return out;
}

export function isActive(job: JobSummary): boolean {
  return job.status === 'queued' || job.status === 'running';
}
