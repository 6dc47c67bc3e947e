// The shell: the job history on the left, the open screen or one job on the right; the route lives in the hash.
import { useCallback, useEffect, useState } from 'react';
import type { JobSummary, LopsidedApi } from '../shared/api';
import type { ErrorInfo } from '../shared/contract';
import { ErrorMessage, toErrorInfo } from './components/ErrorMessage';
import { JobList } from './components/JobList';
import { JobView } from './components/JobView';
import { OpenScreen } from './components/OpenScreen';
import { SessionScreen } from './components/SessionScreen';
import { parseRoute, routeHash, type Route } from './format/route';
import type { LibraryApi } from '../shared/library';
import { RunnerScreen } from './library/RunnerScreen';
import { RunnersScreen } from './library/RunnersScreen';

function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((r: Route) => {
    const hash = routeHash(r);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(r);
  }, []);
  return [route, go];
}

export function App({ api }: { api: LopsidedApi }) {
  const library: LibraryApi | null = api.library ?? null;
  const [route, go] = useRoute();
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  // analyses filed under a runner leave only with their session (the job list cannot delete them: JOB_FILED)
  const [filedIds, setFiledIds] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [door, setDoor] = useState<string>('');
  // The server was restarted (a new token) or stopped: an old tab must say so, not look empty (issue 13).
  const [lost, setLost] = useState<'expired' | 'unreachable' | null>(null);
  const fail = useCallback((err: unknown) => {
    const info = toErrorInfo(err);
    if (info.code === 'UNAUTHORIZED') setLost('expired');
    else if (info.code === 'NETWORK') setLost('unreachable');
    else setError(info);
  }, []);

  const refresh = useCallback(() => {
    api.listJobs()
      .then((list) => { setLost(null); setJobs([...list].sort((a, b) => b.createdAtIso.localeCompare(a.createdAtIso))); })
      .catch(fail);
    library?.listFiledAnalyses().then((ids) => setFiledIds(new Set(ids))).catch(() => undefined); // the list still works without it
  }, [api, library, fail]);
  useEffect(() => {
    refresh();
    api.getVersion().then((v) => setDoor(`${v.name} ${v.version}`)).catch(() => setDoor(''));
  }, [api, refresh]);
  // While something runs, keep the history's statuses fresh.
  const anyRunning = jobs.some((j) => j.status === 'queued' || j.status === 'running');
  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [anyRunning, refresh]);

  const onDelete = (job: JobSummary): void => {
    api.deleteJob(job.jobId)
      .then(() => { if (route.screen === 'job' && route.jobId === job.jobId) go({ screen: 'open' }); refresh(); })
      .catch(fail);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>Lopsided <span className="tagline">left vs right, with intervals</span></h1>
        <button type="button" className="primary" data-testid="new-analysis" onClick={() => go({ screen: 'open' })}>+ New analysis</button>
        <button type="button" data-testid="new-session" onClick={() => go({ screen: 'session' })}>Both-sides session</button>
        {library && <button type="button" data-testid="runners" onClick={() => go({ screen: 'runners' })}>Runners</button>}
        <span className="muted small">{door}</span>
      </header>
      <div className="app-body">
        <JobList jobs={jobs} filedIds={filedIds} unavailable={lost !== null} currentJobId={route.screen === 'job' ? route.jobId : null}
          onOpen={(j) => go({ screen: 'job', jobId: j.jobId, tab: 'review' })} onDelete={onDelete} />
        <main className="app-main">
          {lost && <SessionLost kind={lost} />}
          {!lost && error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
          {!lost && route.screen === 'open' && (
            <OpenScreen api={api} onStarted={(j) => { refresh(); go({ screen: 'job', jobId: j.jobId, tab: 'review' }); }} />
          )}
          {!lost && route.screen === 'session' && <SessionScreen api={api} jobs={jobs} onStarted={refresh} />}
          {!lost && (route.screen === 'runners' || route.screen === 'runner') && !library && <p className="muted">The runner library is not available here.</p>}
          {!lost && route.screen === 'runners' && library && <RunnersScreen library={library} onOpen={(runnerId) => go({ screen: 'runner', runnerId })} />}
          {!lost && route.screen === 'runner' && library && (
            <RunnerScreen key={route.runnerId} library={library} runnerId={route.runnerId} jobs={jobs} onDeleted={() => go({ screen: 'runners' })} onChanged={refresh} />
          )}
          {!lost && route.screen === 'job' && (
            <JobView key={route.jobId} api={api} jobId={route.jobId} tab={route.tab} jobs={jobs}
              onTab={(tab) => go({ ...route, tab })} onJobChanged={refresh} />
          )}
        </main>
      </div>
    </div>
  );
}

/** One calm explanation instead of an empty list and error boxes: nothing is lost, the tab only lost its key. */
function SessionLost({ kind }: { kind: 'expired' | 'unreachable' }) {
  return (
    <div className="session-lost" role="alert" data-testid="session-lost" data-kind={kind}>
      {kind === 'expired' ? (
        <>
          <h2>This tab’s session has expired</h2>
          <p>
            The Lopsided server was restarted, so this tab’s key no longer opens it. To continue, open the address
            {' '}<code>lopsided serve</code> printed in its terminal (it carries the new key), or close this tab.
          </p>
        </>
      ) : (
        <>
          <h2>The Lopsided server is not answering</h2>
          <p>It may have been stopped. Start it again with <code>lopsided serve</code>, then open the address it prints.</p>
        </>
      )}
      <p className="muted">Your analyses are kept on disk and will all be there again.</p>
      <button type="button" onClick={() => window.location.reload()}>Try again</button>
    </div>
  );
}
