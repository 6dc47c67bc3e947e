// Jobs and clips on disk (issue 4): <dataDir>/jobs/<jobId>/{job.json, report.json, track.json, *.csv, report.pdf}
// and <dataDir>/videos/<videoId>/{video.json, clip}. Every JSON write is atomic (temp + rename), so a crash
// never leaves a half-written job. Ids are validated before they touch a path (no traversal from the API).
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportKind } from '../../shared/api';
import { interruptedError, JobStoreError } from './jobErrors';
import type { JobRecord, StoredVideo } from './jobTypes';
import { removeStaleTemps } from './removeStaleTemps';
import { writeJsonAtomic } from './writeFileAtomic';

/** An added clip that no job uses is forgotten (and an uploaded copy deleted) at start-up after this long (issue 15). */
export const UNUSED_VIDEO_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const EXPORT_KINDS: readonly ExportKind[] = ['report.json', 'report.pdf', 'keypoints.csv', 'events.csv', 'steps.csv'];

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_RE.test(id);
}

export function newId(): string {
  return randomUUID();
}

export class JobStore {
  readonly dataDir: string;
  readonly jobsDir: string;
  readonly videosDir: string;
  readonly tmpDir: string;
  private readonly jobs = new Map<string, JobRecord>();
  private readonly videos = new Map<string, StoredVideo>();
  /** Videos a job is being created for (between start() and the job's first save): not deletable. */
  private readonly held = new Map<string, number>();

  constructor(dataDir: string, private readonly unusedVideoMaxAgeMs: number = UNUSED_VIDEO_MAX_AGE_MS) {
    this.dataDir = dataDir;
    this.jobsDir = join(dataDir, 'jobs');
    this.videosDir = join(dataDir, 'videos');
    this.tmpDir = join(dataDir, 'tmp');
  }

  /**
   * Loads what is on disk. A job that was queued or running when the process died comes back as
   * 'failed' with code INTERRUPTED (not re-queued: pose takes minutes and both cores, so the
   * user decides when to run it again with one click).
   */
  async open(): Promise<void> {
    await mkdir(this.jobsDir, { recursive: true });
    await mkdir(this.videosDir, { recursive: true });
    await rm(this.tmpDir, { recursive: true, force: true }); // half-finished uploads of a previous run
    await mkdir(this.tmpDir, { recursive: true });
    await removeStaleTemps([this.jobsDir, this.videosDir]);
    for (const id of await readdir(this.videosDir)) {
      const v = await readJson<StoredVideo>(join(this.videosDir, id, 'video.json'));
      if (v !== null && isValidId(v.videoId) && v.videoId === id) this.videos.set(id, v);
    }
    for (const id of await readdir(this.jobsDir)) {
      const job = await readJson<JobRecord>(join(this.jobsDir, id, 'job.json'));
      if (job === null || !isValidId(job.jobId) || job.jobId !== id) continue;
      if (job.status === 'running' || job.status === 'queued') {
        job.status = 'failed';
        job.progress = null;
        job.error = interruptedError();
        job.finishedAtIso = new Date().toISOString();
        await writeJsonAtomic(join(this.jobsDir, id, 'job.json'), job);
      }
      this.jobs.set(id, job);
    }
    await this.removeUnusedVideos();
  }

  /**
   * Clips added but never analysed, older than unusedVideoMaxAgeMs: an uploaded copy (up to 2 GB) is deleted,
   * a referenced clip (Electron) is only forgotten. Also folders of videos/ whose video.json never got
   * written (a crash right after an upload was moved in). Never a video that a job uses.
   */
  private async removeUnusedVideos(): Promise<void> {
    const cutoff = Date.now() - this.unusedVideoMaxAgeMs;
    for (const id of await readdir(this.videosDir)) {
      if (!isValidId(id) || this.videoInUse(id)) continue;
      const dir = join(this.videosDir, id);
      const v = this.videos.get(id);
      let added = v !== undefined ? Date.parse(v.addedAtIso) : Number.NaN;
      if (Number.isNaN(added)) added = (await stat(dir).catch(() => null))?.mtimeMs ?? Number.POSITIVE_INFINITY;
      if (added > cutoff) continue;
      this.videos.delete(id);
      await rm(dir, { recursive: true, force: true });
    }
  }

  private videoInUse(videoId: string): boolean {
    return (this.held.get(videoId) ?? 0) > 0 || [...this.jobs.values()].some((j) => j.videoId === videoId);
  }

  /** Keeps a video from being deleted while a job for it is being created; call the returned function after. */
  holdVideo(videoId: string): () => void {
    this.held.set(videoId, (this.held.get(videoId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.held.get(videoId) ?? 1) - 1;
      if (n <= 0) this.held.delete(videoId);
      else this.held.set(videoId, n);
    };
  }

  /**
   * Removes a clip that no job uses (the user discarded it): an uploaded copy is deleted from the data dir,
   * a referenced clip (Electron) is only forgotten — the user's own file is never touched.
   */
  async deleteVideo(videoId: string): Promise<void> {
    this.getVideo(videoId);
    if (this.videoInUse(videoId)) {
      throw new JobStoreError('VIDEO_IN_USE', 'This video has an analysis; delete the analysis instead, and the video goes with it.');
    }
    this.videos.delete(videoId);
    await rm(this.videoDir(videoId), { recursive: true, force: true });
  }

  jobDir(jobId: string): string {
    if (!isValidId(jobId)) throw new JobStoreError('JOB_NOT_FOUND', 'No such job.');
    return join(this.jobsDir, jobId);
  }

  videoDir(videoId: string): string {
    if (!isValidId(videoId)) throw new JobStoreError('VIDEO_NOT_FOUND', 'No such video.');
    return join(this.videosDir, videoId);
  }

  getJob(jobId: string): JobRecord {
    const job = isValidId(jobId) ? this.jobs.get(jobId) : undefined;
    if (job === undefined) throw new JobStoreError('JOB_NOT_FOUND', 'No such job; it may have been deleted.');
    return job;
  }

  listJobs(): JobRecord[] {
    return [...this.jobs.values()].sort((a, b) => b.createdAtIso.localeCompare(a.createdAtIso));
  }

  async saveJob(job: JobRecord): Promise<void> {
    await mkdir(this.jobDir(job.jobId), { recursive: true });
    await writeJsonAtomic(join(this.jobDir(job.jobId), 'job.json'), job);
    this.jobs.set(job.jobId, job);
  }

  async deleteJob(jobId: string): Promise<void> {
    const job = this.getJob(jobId);
    this.jobs.delete(jobId);
    await rm(this.jobDir(jobId), { recursive: true, force: true });
    // An uploaded clip goes with its last job; a referenced clip (Electron) is the user's file: never touched.
    const video = this.videos.get(job.videoId);
    if (video !== undefined && video.owned && ![...this.jobs.values()].some((j) => j.videoId === job.videoId)) {
      this.videos.delete(job.videoId);
      await rm(this.videoDir(job.videoId), { recursive: true, force: true });
    }
  }

  getVideo(videoId: string): StoredVideo {
    const v = isValidId(videoId) ? this.videos.get(videoId) : undefined;
    if (v === undefined) throw new JobStoreError('VIDEO_NOT_FOUND', 'No such video; add it again.');
    return v;
  }

  async saveVideo(video: StoredVideo): Promise<void> {
    await mkdir(this.videoDir(video.videoId), { recursive: true });
    await writeJsonAtomic(join(this.videoDir(video.videoId), 'video.json'), video);
    this.videos.set(video.videoId, video);
  }

  /** Which export files exist for a job (report.pdf only when the report station wrote one). */
  async listExports(jobId: string): Promise<ExportKind[]> {
    const dir = this.jobDir(jobId);
    const present: ExportKind[] = [];
    for (const kind of EXPORT_KINDS) {
      const s = await stat(join(dir, kind)).catch(() => null);
      if (s !== null && s.isFile()) present.push(kind);
    }
    return present;
  }
}

export async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null; // missing or unreadable: skipped rather than crashing the whole app on start
  }
}
