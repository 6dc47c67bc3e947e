// LopsidedApi over HTTP for the browser (server mode, issue 4). The server is src/main/server/apiRoutes.ts.
// The token arrives once in the printed URL (?token=…); it is kept in sessionStorage and removed from the
// address bar so reloads work and the token does not sit in history or screenshots.
import {
  LopsidedApiError, isErrorInfo, reviveTrackNaN,
  type ExportKind, type FrameMeasurement, type JobNames, type JobSummary, type LopsidedApi, type VideoRecord,
} from '../../shared/api';
import type { AnalyseVideoOptions, AnalysisResult, PoseTrack } from '../../shared/contract';
import { createHttpLibraryApi } from './httpLibraryApi';

const TOKEN_KEY = 'lopsided.token';

export interface HttpApiOptions {
  /** Server origin; default the page's own. */
  baseUrl?: string;
  token?: string;
}

/** Reads ?token= from the page URL once (then hides it), else the one kept for this tab. */
export function tokenFromPage(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    } catch {
      // storage disabled: keep the token in the URL so a reload still works
    }
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export interface HttpCaller {
  call<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T>;
  /** The URL with the token as a query parameter, for <video src>, EventSource and downloads (no headers there). */
  withToken(path: string): string;
}

/** Authenticated JSON calls to the server; every failure a LopsidedApiError. */
export function createHttpCaller(opts: HttpApiOptions = {}): HttpCaller {
  const base = (opts.baseUrl ?? window.location.origin).replace(/\/$/, '');
  const token = opts.token ?? tokenFromPage();
  const withToken = (path: string): string => `${base}${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;

  async function call<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body: body ?? null });
    } catch {
      throw new LopsidedApiError('NETWORK', 'Cannot reach the Lopsided server; is `lopsided serve` still running?');
    }
    if (!res.ok) throw await errorOf(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  return { call, withToken };
}

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

async function errorOf(res: Response): Promise<LopsidedApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorInfo(body)) return new LopsidedApiError(body.code, body.message);
  return new LopsidedApiError(`HTTP_${res.status}`, `The server answered ${res.status} ${res.statusText}.`);
}

let cached: LopsidedApi | null = null;

/** The renderer's API: Electron's preload bridge when present, else HTTP to the serving origin. */
export function getApi(): LopsidedApi {
  if (window.lopsided !== undefined) return window.lopsided;
  cached ??= createHttpApi();
  return cached;
}
