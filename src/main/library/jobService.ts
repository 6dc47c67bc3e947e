// The one engine both front doors sit on (design.md, "Front doors"): clips, jobs, results, exports.
// The HTTP server and the Electron IPC handlers are thin translations of these methods.
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { ExportKind, FrameMeasurement, JobNames, JobSummary, VideoRecord } from '../../shared/api';
import type { AnalyseVideoOptions, AnalysisResult, GaitEvent, PoseTrack } from '../../shared/contract';
import { createEventEditor } from './eventEdits';
import { checkCapture } from './checkCapture';
import { pinnedSignature, readMeasurements, writeMeasurements } from './measurementsFile';
import { JobStoreError } from './jobErrors';
import { JobManager, namesOf, toSummary } from './jobManager';
import { EXPORT_KINDS, JobStore, newId } from './jobStore';
import type { JobEvent, JobRecord, JobRunner, ProbeFn, ReportRetitler, StoredVideo } from './jobTypes';
import { forgetAnalysis, importJob } from './importJobStore';
import { refreshAnalysis } from './refreshAnalysis';
import { runnerSessionOf } from './sessionRecords';
import type { Library } from './library';
import { openLibraryForDoor } from './openLibraryForDoor';
import { markDoorOpen } from './openDoors';

export interface JobServiceOptions {
  dataDir: string;
  runner: JobRunner;
  probe: ProbeFn;
  /** Re-renders report.pdf after a rename or a changed pin; absent (tests with a fake runner) → the PDF stays as written. */
  retitleReport?: ReportRetitler;
  /** Unused clips older than this are removed at start-up; default 24 h (UNUSED_VIDEO_MAX_AGE_MS). */
  unusedVideoMaxAgeMs?: number;
}

export interface JobService {
  readonly dataDir: string;
  readonly tmpDir: string;
  /** The runner library in the same data dir: every analysis that ends is filed in it (Unassigned until given a runner). */
  readonly library: Library;
  /** Electron: the user's file is referenced where it is. */
  addVideoByPath(path: string): Promise<VideoRecord>;
  /** Server: an upload already streamed to tmpDir is probed, then moved into the data dir (deleted if not a video). */
  addUploadedVideo(tempPath: string, originalName: string): Promise<VideoRecord>;
  /** Discards a clip no job uses (VIDEO_IN_USE otherwise): an uploaded copy is deleted, a referenced file only forgotten. */
  deleteVideo(videoId: string): Promise<void>;
  startJob(videoId: string, options: AnalyseVideoOptions, names?: JobNames): Promise<JobSummary>;
  /** Names a job; a finished job's report.pdf is re-titled before its next export. */
  renameJob(jobId: string, names: JobNames): Promise<JobSummary>;
  /** measurements.json in the job's folder (measuring tools); [] when none were drawn. */
  getMeasurements(jobId: string): Promise<FrameMeasurement[]>;
  /** Saves them; when the pinned ones changed, a finished job's report.pdf is drawn again before its next export. */
  saveMeasurements(jobId: string, measurements: FrameMeasurement[]): Promise<void>;
  listJobs(): JobSummary[];
  getJob(jobId: string): JobSummary;
  cancelJob(jobId: string): Promise<void>;
  /** Refuses (JOB_FILED) an analysis filed in a runner's session: it leaves with that session (deleteFromLibrary.ts). */
  deleteJob(jobId: string): Promise<void>;
  onEvent(listener: (e: JobEvent) => void): () => void;
  getResult(jobId: string): Promise<AnalysisResult>;
  /** track.json as text (NaN already written as null), so doors can pass it through without re-parsing. */
  getTrackJson(jobId: string): Promise<string>;
  getTrack(jobId: string): Promise<PoseTrack>;
  /**
   * Events corrected by hand (issue 13): recomputes the analysis from them and rewrites the job's report and exports;
   * null reverts to the detected events. Resolves with the new result (as getResult gives it).
   */
  saveEvents(jobId: string, events: readonly GaitEvent[] | null): Promise<AnalysisResult>;
  videoPath(jobId: string): string;
  exportPath(jobId: string, kind: ExportKind): Promise<string>;
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

export async function openJobService(opts: JobServiceOptions): Promise<JobService> {
  const store = new JobStore(opts.dataDir, opts.unusedVideoMaxAgeMs);
  await store.open();
  const manager = new JobManager(store, opts.runner);
  const editor = createEventEditor();
  const library = await openLibraryForDoor(opts.dataDir);
  const unmarkDoor = await markDoorOpen(opts.dataDir, 'app or server'); // a restore refuses while it is there (openDoors.ts)
  // Every analysis that ends is in the library (an Unassigned session until filed to a runner), and one deleted
  // from the list leaves it. One at a time, in event order: a deletion never overtakes the filing of the same job.
  let filing: Promise<unknown> = Promise.resolve();
  manager.onEvent((e) => {
    const work = e.type === 'deleted' ? () => forgetAnalysis(library, e.jobId)
      : ['done', 'failed', 'cancelled'].includes(e.job.status) ? () => importJob(library, e.job.jobId) : null;
    if (work === null) return;
    filing = filing.then(work).catch((err: unknown) => console.error('lopsided: could not file the analysis in the library:', err));
  });

  const addVideo = async (path: string, name: string, owned: boolean, probePath: string): Promise<StoredVideo> => {
    const info = await opts.probe(probePath);
    return { schemaVersion: 1, videoId: newId(), name, info, checks: checkCapture(info), path, owned, addedAtIso: new Date().toISOString() };
  };

  const retitles = new Map<string, Promise<void>>();
  /** Jobs whose report.pdf could not be drawn again: their PDF on disk has old names or pins until a redraw succeeds. */
  const staleReports = new Map<string, string>();
  const redraw = (job: JobRecord): Promise<void> => opts.retitleReport!({ outDir: store.jobDir(job.jobId), videoPath: job.videoPath, videoName: job.videoName, names: namesOf(job) });
  /** Draws report.pdf again from the job's files (new names, pinned measurements); one at a time per job. */
  const rerenderReport = (job: JobRecord): void => {
    if (job.status !== 'done' || !opts.retitleReport || !(job.exports ?? []).includes('report.pdf')) return;
    const previous = retitles.get(job.jobId) ?? Promise.resolve();
    // One after the other, and an export waits for the last one (see exportPath). A failure keeps the earlier PDF
    // (atomic write) but is remembered: an export must not hand it over as if it had the new names and pins.
    const next = previous.then(() => redraw(job)).then(
      () => { staleReports.delete(job.jobId); },
      (e: unknown) => {
        staleReports.set(job.jobId, e instanceof Error ? e.message : String(e));
        console.error(`lopsided: could not draw report.pdf of ${job.jobId} again:`, e);
      });
    retitles.set(job.jobId, next);
  };
  /** Before report.pdf leaves: the last redraw finished, and one that failed is tried once more, else said in words. */
  const currentReport = async (jobId: string): Promise<void> => {
    await retitles.get(jobId);
    if (!staleReports.has(jobId)) return;
    rerenderReport(store.getJob(jobId));
    await retitles.get(jobId);
    const reason = staleReports.get(jobId);
    if (reason !== undefined) {
      throw new JobStoreError('REPORT_STALE', `report.pdf could not be drawn again with the new names or pinned measurements (${reason}); the earlier PDF is kept in the analysis folder and report.json is up to date. Try the export again.`);
    }
  };

  const finishedJob = (jobId: string): JobSummary => {
    const job = store.getJob(jobId);
    if (job.status !== 'done') throw new JobStoreError('JOB_NOT_DONE', `This analysis is ${job.status}, so it has no result yet.`);
    return job;
  };

  return {
    dataDir: opts.dataDir,
    tmpDir: store.tmpDir,
    library,
    async addVideoByPath(path) {
      const s = await stat(path).catch(() => null);
      if (s === null) throw new JobStoreError('VIDEO_NOT_FOUND', `Cannot find the file ${basename(path)}.`);
      const video = await addVideo(path, basename(path), false, path);
      await store.saveVideo(video);
      return publicVideo(video);
    },
    async addUploadedVideo(tempPath, originalName) {
      const name = safeName(originalName);
      try {
        // probe first: not a video → nothing kept; its message names the user's file, not our temp path
        const video = await addVideo(tempPath, name, true, tempPath).catch((e: unknown) => {
          throw renamedIn(e, tempPath, name);
        });
        const dest = join(store.videoDir(video.videoId), `clip${safeExt(name)}`);
        await mkdir(dirname(dest), { recursive: true });
        await rename(tempPath, dest);
        const stored: StoredVideo = { ...video, path: dest, info: { ...video.info, path: dest } };
        await store.saveVideo(stored);
        return publicVideo(stored);
      } finally {
        await rm(tempPath, { force: true });
      }
    },
    deleteVideo: (videoId) => store.deleteVideo(videoId),
    startJob: (videoId, options, names) => manager.start(videoId, options, names),
    async renameJob(jobId, names) {
      const job = await manager.rename(jobId, names);
      rerenderReport(job);
      return toSummary(job);
    },
    listJobs: () => store.listJobs().map(toSummary),
    getJob: (jobId) => toSummary(store.getJob(jobId)),
    cancelJob: (jobId) => manager.cancel(jobId),
    async deleteJob(jobId) {
      // An analysis filed in a runner's session is part of their history (and maybe of a merged report): it leaves
      // only with that session or runner (deleteFromLibrary.ts), which removes the rows first, so this passes then.
      const filedIn = runnerSessionOf(library.db, jobId);
      if (filedIn !== null) {
        const session = `${filedIn.runnerName}'s session of ${filedIn.date}${filedIn.name ? ` ("${filedIn.name}")` : ''}`;
        throw new JobStoreError('JOB_FILED', `This analysis belongs to ${session}, so it is kept here: delete that session on the runner's page to remove it.`);
      }
      // a save or re-render under way finishes first: it would write the folder (and job.json) back after the delete
      await retitles.get(jobId);
      await manager.delete(jobId);
      editor.forget(jobId);
      staleReports.delete(jobId);
    },
    onEvent: (l) => manager.onEvent(l),
    async getResult(jobId) {
      const job = finishedJob(jobId);
      const result = JSON.parse(await readFile(join(store.jobDir(jobId), 'report.json'), 'utf8')) as AnalysisResult;
      // the runner saw the stored clip's path; the page gets the clip's name
      return { ...result, video: { ...result.video, path: job.videoName } };
    },
    async getTrackJson(jobId) {
      finishedJob(jobId);
      return readFile(join(store.jobDir(jobId), 'track.json'), 'utf8');
    },
    async getTrack(jobId) {
      finishedJob(jobId);
      return JSON.parse(await readFile(join(store.jobDir(jobId), 'track.json'), 'utf8')) as PoseTrack;
    },
    async saveEvents(jobId, events) {
      finishedJob(jobId);
      const record = store.getJob(jobId);
      // in the same per-job queue as the re-renders of report.pdf (names, pins): a rename drawn from the old
      // report.json can never land after the corrected PDF, and an export waits for both
      const saving = (retitles.get(jobId) ?? Promise.resolve()).then(() => editor.save(record, store.jobDir(jobId), events));
      retitles.set(jobId, saving.then(() => undefined, () => undefined));
      const result = await saving;
      if (events === null) delete record.eventsCorrectedAtIso;
      else record.eventsCorrectedAtIso = new Date().toISOString();
      record.exports = await store.listExports(jobId);
      await store.saveJob(record);
      // every library session holding this analysis reads it again (refreshAnalysis.ts), after any filing queued before
      // a failure reaches the caller (the library busy, a session that no longer merges): the progress would
      // otherwise keep the numbers of the events before the correction without anyone knowing
      const refreshed = filing.then(() => refreshAnalysis(library, jobId));
      filing = refreshed.catch(() => undefined);
      await refreshed;
      return { ...result, video: { ...result.video, path: record.videoName } };
    },
    videoPath: (jobId) => store.getJob(jobId).videoPath,
    async getMeasurements(jobId) {
      finishedJob(jobId);
      return readMeasurements(store.jobDir(jobId));
    },
    async saveMeasurements(jobId, measurements) {
      finishedJob(jobId);
      const dir = store.jobDir(jobId);
      const before = pinnedSignature(await readMeasurements(dir));
      await writeMeasurements(dir, measurements);
      if (pinnedSignature(measurements) !== before) rerenderReport(store.getJob(jobId));
    },
    async exportPath(jobId, kind) {
      finishedJob(jobId);
      if (kind === 'report.pdf') await currentReport(jobId);
      if (!EXPORT_KINDS.includes(kind)) throw new JobStoreError('BAD_ARGUMENT', `Unknown export ${String(kind)}.`);
      const path = join(store.jobDir(jobId), kind);
      const s = await stat(path).catch(() => null);
      if (s === null || !s.isFile()) throw new JobStoreError('EXPORT_MISSING', `${kind} was not written for this analysis.`);
      return path;
    },
    whenIdle: () => manager.whenIdle(),
    async close() {
      await manager.close();
      await filing;
      library.close();
      await unmarkDoor();
    },
  };
}

function publicVideo(v: StoredVideo): VideoRecord {
  return { videoId: v.videoId, name: v.name, info: { ...v.info, path: v.name }, checks: v.checks };
}

/** The error with every mention of a server path replaced by the name the user knows the file by. */
function renamedIn(e: unknown, serverPath: string, name: string): unknown {
  if (e instanceof Error) e.message = e.message.split(serverPath).join(name).split(basename(serverPath)).join(name);
  return e;
}

/** A display name from an uploaded file name: no folders, no control characters, bounded length. */
export function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' ? 'video' : cleaned;
}

function safeExt(name: string): string {
  const ext = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '.mp4';
}
