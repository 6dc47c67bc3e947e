// LopsidedApi over HTTP for the browser (server mode, issue 4). The server is src/main/server/apiRoutes.ts.
// The token arrives once in the printed URL (?token=…); it is kept in sessionStorage and removed from the
// address bar so reloads work and the token does not sit in history or screenshots.
import {
  LopsidedApiError, reviveTrackNaN,
  type ExportKind, type FrameMeasurement, type JobNames, type JobSummary, type LopsidedApi, type VideoRecord,
} from '../../shared/api';
import type { AnalyseVideoOptions, AnalysisResult, PoseTrack } from '../../shared/contract';
import { createHttpCaller, errorOf, type HttpApiOptions } from './httpCaller';
import { createHttpLibraryApi } from './httpLibraryApi';

export function createHttpApi(opts: HttpApiOptions = {}): LopsidedApi {
  const { call, withToken } = createHttpCaller(opts);
  const library = createHttpLibraryApi(opts);

  const job = (jobId: string): string => `/api/jobs/${encodeURIComponent(jobId)}`;

  return {
    library,
    getVersion: () => call('GET', '/api/version'),
    addVideo: (file: File) =>
      call<VideoRecord>('POST', `/api/videos?name=${encodeURIComponent(file.name)}`, file, file.type !== '' ? file.type : 'application/octet-stream'),
    deleteVideo: (videoId: string) => call<void>('DELETE', `/api/videos/${encodeURIComponent(videoId)}`),
    startJob: (videoId: string, options: AnalyseVideoOptions, names?: JobNames) =>
      call<JobSummary>('POST', '/api/jobs', JSON.stringify(names ? { videoId, options, names } : { videoId, options }), 'application/json'),
    getMeasurements: (jobId: string) => call<FrameMeasurement[]>('GET', `${job(jobId)}/measurements`),
    saveMeasurements: (jobId: string, measurements: FrameMeasurement[]) =>
      call<void>('PUT', `${job(jobId)}/measurements`, JSON.stringify(measurements), 'application/json'),
    renameJob: (jobId: string, names: JobNames) => call<JobSummary>('PATCH', job(jobId), JSON.stringify(names), 'application/json'),
    listJobs: () => call<JobSummary[]>('GET', '/api/jobs'),
    getJob: (jobId) => call<JobSummary>('GET', job(jobId)),
    cancelJob: (jobId) => call<void>('POST', `${job(jobId)}/cancel`),
    deleteJob: (jobId) => call<void>('DELETE', job(jobId)),
    subscribe(jobId, onChange) {
      const source = new EventSource(withToken(`${job(jobId)}/events`));
      source.addEventListener('job', (ev) => {
        const summary = JSON.parse((ev as MessageEvent<string>).data) as JobSummary;
        onChange(summary);
        // finished: stop, or EventSource would reconnect forever
        if (summary.status === 'done' || summary.status === 'failed' || summary.status === 'cancelled') source.close();
      });
      source.addEventListener('deleted', () => source.close());
      return () => source.close();
    },
    getResult: (jobId) => call<AnalysisResult>('GET', `${job(jobId)}/result`),
    getTrack: async (jobId) => reviveTrackNaN(await call<PoseTrack>('GET', `${job(jobId)}/track`)),
    saveEvents: (jobId, events) => call<AnalysisResult>('PUT', `${job(jobId)}/events`, JSON.stringify({ events }), 'application/json'),
    videoUrl: (jobId) => withToken(`${job(jobId)}/video`),
    async exportFile(jobId: string, kind: ExportKind) {
      const url = withToken(`${job(jobId)}/export/${encodeURIComponent(kind)}`);
      // check first, so a missing export is a rejected promise the UI can show, not a broken download
      let head: Response;
      try {
        head = await fetch(url, { method: 'HEAD' });
      } catch {
        throw new LopsidedApiError('NETWORK', 'Cannot reach the Lopsided server; is `lopsided serve` still running?');
      }
      if (!head.ok) throw await errorOf(await fetch(url));
      const a = document.createElement('a');
      a.href = url;
      a.download = '';
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  };
}


let cached: LopsidedApi | null = null;

/** The renderer's API: Electron's preload bridge when present, else HTTP to the serving origin. */
export function getApi(): LopsidedApi {
  if (window.lopsided !== undefined) return window.lopsided;
  cached ??= createHttpApi();
  return cached;
}
