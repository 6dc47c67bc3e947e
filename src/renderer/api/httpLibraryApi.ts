// The runner library over HTTP (server mode; the routes are src/main/server/libraryRoutes.ts).
import type { LibraryApi, RunnerPage, RunnerSummary, SessionSummary } from '../../shared/library';
import { createHttpCaller, type HttpApiOptions } from './httpCaller';

export function createHttpLibraryApi(opts: HttpApiOptions = {}): LibraryApi {
  const { call, withToken } = createHttpCaller(opts);
  const runner = (id: string): string => `/api/runners/${encodeURIComponent(id)}`;
  const json = (v: unknown): [string, string] => [JSON.stringify(v), 'application/json'];
  return {
    listRunners: (search) => call<RunnerSummary[]>('GET', `/api/runners${search ? `?search=${encodeURIComponent(search)}` : ''}`),
    addRunner: (input) => call<RunnerSummary>('POST', '/api/runners', ...json(input)),
    getRunnerPage: (id) => call<RunnerPage>('GET', runner(id)),
    deleteRunner: (id) => call<void>('DELETE', runner(id)),
    deleteSession: (id, sessionId) => call<void>('DELETE', `${runner(id)}/sessions/${encodeURIComponent(sessionId)}`),
    listFiledAnalyses: () => call<string[]>('GET', '/api/runners/filed-analyses'),
    fileSession: (id, meta, jobIds) => call<SessionSummary>('POST', `${runner(id)}/sessions`, ...json({ meta, jobIds })),
    async saveProgressPdf(id) {
      const a = document.createElement('a');
      a.href = withToken(`${runner(id)}/progress.pdf`);
      a.download = '';
      a.click();
    },
  };
}
