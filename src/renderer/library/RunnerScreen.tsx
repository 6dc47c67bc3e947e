// A runner's page (issue 14): who they are, their sessions with clips, the progress charts (points with interval bars,
// the normal band shaded), two sessions compared, a new session, the progress PDF, and deleting a session or the
// runner (asked first).
import { useCallback, useEffect, useState } from 'react';
import type { JobSummary } from '../../shared/api';
import type { ErrorInfo } from '../../shared/contract';
import { CLIP_ROLE_LABEL, formatSpeedKmh } from '../../shared/formatSessionMeta';
import type { LibraryApi, RunnerPage, SessionSummary } from '../../shared/library';
import { ErrorMessage, toErrorInfo } from '../components/ErrorMessage';
import { TwoSessionsTable } from './TwoSessionsTable';
import { NewSessionForm } from './NewSessionForm';
import { ProgressChart } from './ProgressChart';

export function RunnerScreen({ library, runnerId, jobs, onDeleted, onChanged }: {
  library: LibraryApi; runnerId: string; jobs: readonly JobSummary[]; onDeleted: () => void; onChanged: () => void;
}) {
  const [page, setPage] = useState<RunnerPage | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const refresh = useCallback(() => {
    library.getRunnerPage(runnerId).then(setPage).catch((e) => setError(toErrorInfo(e)));
  }, [library, runnerId]);
  useEffect(refresh, [refresh]);
  const onError = useCallback((e: unknown) => setError(toErrorInfo(e)), []);

  const remove = (): void => {
    if (!page) return;
    const n = page.sessions.length;
    if (!window.confirm(`Delete ${page.runner.name} with ${n} session${n === 1 ? '' : 's'} and every report? This cannot be undone.`)) return;
    library.deleteRunner(runnerId).then(onDeleted).catch((e) => setError(toErrorInfo(e)));
  };
  const removeSession = (s: SessionSummary): void => {
    const what = `the session of ${s.date}${s.name ? ` "${s.name}"` : ''} with its ${s.clips.length} clip${s.clips.length === 1 ? '' : 's'} and reports`;
    if (!window.confirm(`Delete ${what}? This cannot be undone.`)) return;
    library.deleteSession(runnerId, s.sessionId).then(() => { refresh(); onChanged(); }).catch((e) => setError(toErrorInfo(e)));
  };
  if (page === null) return error ? <ErrorMessage error={error} onDismiss={() => setError(null)} /> : <p className="muted">Loading…</p>;
  const r = page.runner;
  const facts = [r.birthYear && `born ${r.birthYear}`, r.heightCm && `${r.heightCm} cm`, r.legLengthCm && `leg ${r.legLengthCm} cm`].filter(Boolean).join(' · ');

  return (
    <section className="runner-screen" data-testid="runner-screen" aria-label={`Runner ${r.name}`}>
      <h2 data-testid="runner-name">{r.name} <span className="muted small">{facts}</span></h2>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      <p>
        <button type="button" onClick={() => library.saveProgressPdf(runnerId).catch((e) => setError(toErrorInfo(e)))} data-testid="progress-pdf">Progress report (PDF)</button>{' '}
        <button type="button" onClick={remove} data-testid="runner-delete">Delete runner…</button>
      </p>
      <h3>Sessions</h3>
      {page.sessions.length === 0 && <p className="muted">No sessions yet: file the first one below.</p>}
      {page.sessions.length > 0 && <table className="metric-table" data-testid="session-list">
        <thead><tr><th>Date</th><th>Session</th><th>Speed</th><th>Clips</th><th>Pain / effort</th><th></th></tr></thead>
        <tbody>
          {page.sessions.map((s) => (
            <tr key={s.sessionId} data-testid="session-item">
              <td>{s.date}</td><td>{s.name ?? ''}</td><td>{formatSpeedKmh(s.speedMps)}</td>
              <td>{s.clips.map((c) => `${c.role ? CLIP_ROLE_LABEL[c.role] : 'view unknown'}: ${c.clipName}`).join(', ')}</td>
              <td>{[s.painScore !== null ? `${s.painScore}/10` : '', s.note ?? ''].filter(Boolean).join(' ') || '–'}</td>
              <td><button type="button" className="small" onClick={() => removeSession(s)} data-testid="session-delete">Delete…</button></td>
            </tr>
          ))}
        </tbody>
      </table>}
      <NewSessionForm library={library} runnerId={runnerId} jobs={jobs} onFiled={() => { refresh(); onChanged(); }} onError={onError} />
      {page.sessions.length > 0 && <>
        <h3>Progress</h3>
        <p className="muted small">Each point is one session's left − right difference, its bar the 95% interval; the shaded band is the normal range.</p>
        <div className="charts">{page.progress.metrics.map((m) => <ProgressChart key={m.metricId} progress={page.progress} metricId={m.metricId} />)}</div>
        <h3>Before and after</h3>
        <TwoSessionsTable key={page.progress.sessions.map((s) => s.sessionId).join()} progress={page.progress} />
      </>}
    </section>
  );
}
