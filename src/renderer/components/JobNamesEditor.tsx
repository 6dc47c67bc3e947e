// Names an analysis after the fact: a session name ("Before orthotics") and the runner, saved through the API
// with the job, shown in the list and the session picker, and printed as the PDF's title.
import { useState, type FormEvent } from 'react';
import type { JobSummary, LopsidedApi } from '../../shared/api';
import type { ErrorInfo } from '../../shared/contract';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';

export function JobNamesEditor({ api, job, onSaved }: { api: LopsidedApi; job: JobSummary; onSaved: (job: JobSummary) => void }) {
  const [open, setOpen] = useState(false);
  const [sessionName, setSessionName] = useState(job.sessionName ?? '');
  const [runnerName, setRunnerName] = useState(job.runnerName ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.renameJob(job.jobId, { sessionName: sessionName.trim(), runnerName: runnerName.trim() }));
      setOpen(false);
    } catch (err) { setError(toErrorInfo(err)); }
    finally { setBusy(false); }
  };

  if (!open) {
    return (
      <button type="button" className="link" data-testid="rename-job" onClick={() => {
        setSessionName(job.sessionName ?? ''); setRunnerName(job.runnerName ?? ''); setOpen(true);
      }}>
        {job.sessionName || job.runnerName ? 'Rename' : 'Name this session'}
      </button>
    );
  }
  return (
    <form className="job-names" data-testid="job-names-form" onSubmit={(e) => void save(e)}>
      <label className="inline">Session{' '}
        <input data-testid="job-session-name" maxLength={120} value={sessionName} placeholder="e.g. After 6 weeks" autoFocus
          onChange={(e) => setSessionName(e.target.value)} />
      </label>
      <label className="inline">Runner{' '}
        <input data-testid="job-runner-name" maxLength={120} value={runnerName} placeholder="Name or code"
          onChange={(e) => setRunnerName(e.target.value)} />
      </label>
      <button type="submit" className="primary" data-testid="job-names-save" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
      <button type="button" onClick={() => setOpen(false)} disabled={busy}>Cancel</button>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </form>
  );
}
