// An in-memory LopsidedApi for renderer tests and the screenshot dev page. It records every call so tests can
// assert that clicks reach the API, and it can drive a job through its stages by hand (emit) or on a timer.
import type { ExportKind, FrameMeasurement, JobNames, JobSummary, LopsidedApi, VideoRecord } from '../../src/shared/api';
import { LopsidedApiError } from '../../src/shared/api';
import type { AnalyseVideoOptions, AnalysisResult, GaitEvent, JobProgress, PoseTrack, VideoInfo } from '../../src/shared/contract';

export interface FakeJobSeed {
  job: JobSummary;
  result?: AnalysisResult;
  track?: PoseTrack;
  videoUrl: string;
}

export interface FakeApiOptions {
  /** What addVideo returns for a file (default: a 60 fps 1280×720 clip with all checks ok). */
  addVideo?: (file: File) => VideoRecord;
  /** The done job whose result/track/video new jobs reuse when they finish. */
  template?: FakeJobSeed;
  /** When set, started jobs advance by themselves every tickMs (dev page); tests leave it unset and call emit. */
  tickMs?: number;
}

export interface FakeApi extends LopsidedApi {
  calls: { method: string; args: unknown[] }[];
  emit(jobId: string, patch: Partial<JobSummary>): void;
}

export function fakeVideoInfo(over: Partial<VideoInfo> = {}): VideoInfo {
  return {
    path: '/tmp/clip.mp4', durationSec: 10, avgFps: 60, realFps: 60, frameCount: 600, width: 1280, height: 720,
    codedWidth: 1280, codedHeight: 720, rotationDeg: 0, codec: 'h264', variableFrameRate: false, ...over,
  };
}

export function fakeJob(over: Partial<JobSummary> = {}): JobSummary {
  return {
    jobId: 'job-1', videoId: 'vid-1', videoName: 'treadmill_side.mp4', createdAtIso: '2026-11-25T10:00:00.000Z',
    status: 'done', options: { model: 'full', view: 'auto' }, info: fakeVideoInfo(), progress: null, error: null,
    exports: ['report.json', 'report.pdf', 'keypoints.csv', 'events.csv', 'steps.csv'], ...over,
  };
}

const STAGES: readonly JobProgress['stage'][] = ['decode', 'pose', 'analysis'];

export function createFakeApi(seeds: FakeJobSeed[], options: FakeApiOptions = {}): FakeApi {
  const jobs = new Map<string, FakeJobSeed>(seeds.map((s) => [s.job.jobId, { ...s, job: { ...s.job } }]));
  const listeners = new Map<string, Set<(j: JobSummary) => void>>();
  const measurements = new Map<string, FrameMeasurement[]>();
  const calls: FakeApi['calls'] = [];
  let counter = 0;
  const record = (method: string, ...args: unknown[]): void => { calls.push({ method, args }); };
  const need = (jobId: string): FakeJobSeed => {
    const seed = jobs.get(jobId);
    if (!seed) throw new LopsidedApiError('JOB_NOT_FOUND', `No analysis with id ${jobId}.`);
    return seed;
  };
  const emit = (jobId: string, patch: Partial<JobSummary>): void => {
    const seed = need(jobId);
    seed.job = { ...seed.job, ...patch };
    if (seed.job.status === 'done' && options.template) {
      seed.result ??= options.template.result;
      seed.track ??= options.template.track;
    }
    for (const l of listeners.get(jobId) ?? []) l({ ...seed.job });
  };
  const tick = (jobId: string): void => {
    const seed = jobs.get(jobId);
    if (!seed || (seed.job.status !== 'running' && seed.job.status !== 'queued')) return;
    const p = seed.job.progress ?? { stage: 'decode', done: 0, total: seed.job.info.frameCount };
    const total = p.total ?? 100;
    let next: JobProgress = { ...p, done: Math.min(total, p.done + Math.ceil(total / 12)), framesPerSec: 9.5, etaSec: ((total - p.done) / 9.5) * 2 };
    if (next.done >= total) {
      const idx = STAGES.indexOf(p.stage);
      if (idx === STAGES.length - 1) { emit(jobId, { status: 'done', progress: null, finishedAtIso: new Date().toISOString() }); return; }
      next = { stage: STAGES[idx + 1]!, done: 0, total };
    }
    emit(jobId, { status: 'running', progress: next });
    setTimeout(() => tick(jobId), options.tickMs);
  };

  const api: FakeApi = {
    calls,
    emit,
    async getVersion() { record('getVersion'); return { name: 'lopsided', version: '0.1.0', door: 'server' }; },
    async addVideo(file: File) {
      record('addVideo', file.name);
      if (options.addVideo) return options.addVideo(file);
      return {
        videoId: `vid-${++counter}`, name: file.name, info: fakeVideoInfo({ path: `/tmp/${file.name}` }),
        checks: [
          { id: 'fps', level: 'ok', message: '60 fps: event timing within about 8 ms.' },
          { id: 'resolution', level: 'ok', message: '1280 × 720 is enough for the pose model.' },
          { id: 'duration', level: 'ok', message: '10 s gives about 27 steps per foot.' },
        ],
      };
    },
    async deleteVideo(videoId: string) {
      record('deleteVideo', videoId);
      if ([...jobs.values()].some((s) => s.job.videoId === videoId)) {
        throw new LopsidedApiError('VIDEO_IN_USE', 'This video has an analysis; delete the analysis instead, and the video goes with it.');
      }
    },
    async startJob(videoId: string, opts: AnalyseVideoOptions, names?: JobNames) {
      if (names) record('startJob', videoId, opts, names);
      else record('startJob', videoId, opts);
      const job = fakeJob({
        jobId: `job-new-${++counter}`, videoId, videoName: `${videoId}.mp4`, createdAtIso: new Date().toISOString(),
        status: 'queued', options: opts, progress: null, exports: [], ...names,
      });
      jobs.set(job.jobId, { job, videoUrl: options.template?.videoUrl ?? '' });
      if (options.tickMs !== undefined) setTimeout(() => tick(job.jobId), options.tickMs);
      return { ...job };
    },
    async listJobs() { record('listJobs'); return [...jobs.values()].map((s) => ({ ...s.job })); },
    async getJob(jobId: string) { record('getJob', jobId); return { ...need(jobId).job }; },
    async getMeasurements(jobId: string) { record('getMeasurements', jobId); return [...(measurements.get(jobId) ?? [])]; },
    async saveMeasurements(jobId: string, list: FrameMeasurement[]) { record('saveMeasurements', jobId, list); measurements.set(jobId, [...list]); },
    async renameJob(jobId: string, names: JobNames) {
      record('renameJob', jobId, names);
      emit(jobId, names);
      return { ...need(jobId).job };
    },
    async cancelJob(jobId: string) { record('cancelJob', jobId); emit(jobId, { status: 'cancelled', progress: null }); },
    async deleteJob(jobId: string) { record('deleteJob', jobId); need(jobId); jobs.delete(jobId); },
    subscribe(jobId: string, onChange: (j: JobSummary) => void) {
      record('subscribe', jobId);
      const set = listeners.get(jobId) ?? new Set();
      set.add(onChange);
      listeners.set(jobId, set);
      const seed = jobs.get(jobId);
      if (seed) queueMicrotask(() => onChange({ ...seed.job }));
      return () => { set.delete(onChange); };
    },
    async getResult(jobId: string) {
      record('getResult', jobId);
      const r = need(jobId).result;
      if (!r) throw new LopsidedApiError('JOB_NOT_DONE', 'This analysis has not finished.');
      return r;
    },
    async getTrack(jobId: string) {
      record('getTrack', jobId);
      const t = need(jobId).track;
      if (!t) throw new LopsidedApiError('JOB_NOT_DONE', 'This analysis has not finished.');
      return t;
    },
    async saveEvents(jobId: string, events: GaitEvent[] | null) {
      record('saveEvents', jobId, events);
      const r = need(jobId).result;
      if (!r) throw new LopsidedApiError('JOB_NOT_DONE', 'This analysis has not finished.');
      // the page recomputes the numbers itself; the fake engine only keeps the events it was sent
      return events === null ? r : { ...r, events };
    },
    videoUrl(jobId: string) { return jobs.get(jobId)?.videoUrl ?? ''; },
    async exportFile(jobId: string, kind: ExportKind) {
      record('exportFile', jobId, kind);
      const seed = need(jobId);
      if (seed.job.status !== 'done') throw new LopsidedApiError('JOB_NOT_DONE', 'This analysis has not finished.');
      if (!(seed.job.exports ?? []).includes(kind)) throw new LopsidedApiError('EXPORT_MISSING', `${kind} was not written for this analysis.`);
    },
  };
  return api;
}
