// Screen 2: a bar per stage, frames per second, time left and Cancel. Follows the job through api.subscribe.
import { useEffect, useState } from 'react';
import type { JobSummary, LopsidedApi } from '../../shared/api';
import type { ErrorInfo } from '../../shared/contract';
import { etaText, stageBars } from '../format/progressStages';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';
import { jobTitle } from '../format/jobTitle';

export function ProgressScreen({ api, job: initial, onDone }: { api: LopsidedApi; job: JobSummary; onDone: (job: JobSummary) => void }) {
  const [job, setJob] = useState<JobSummary>(initial);
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    setJob(initial);
    return api.subscribe(initial.jobId, (j) => {
      setJob(j);
      if (j.status === 'done') onDone(j);
    });
  }, [api, initial, onDone]);

  const cancel = async (): Promise<void> => {
    try { await api.cancelJob(job.jobId); }
    catch (err) { setError(toErrorInfo(err)); }
  };
  const running = job.status === 'queued' || job.status === 'running';
  const p = job.progress;
  const bars = stageBars(job);
  // The e2e test follows one bar: the active stage's, or the first while the job waits.
  const active = bars.find((b) => b.state === 'active') ?? bars[0];
  return (
    <section className="progress-screen" aria-label="Analysis progress">
      <h2>
        {job.status === 'failed' ? `The analysis of ${jobTitle(job)} failed`
          : job.status === 'cancelled' ? `The analysis of ${jobTitle(job)} was cancelled` : `Analysing ${jobTitle(job)}`}
      </h2>
      {job.status === 'queued' && <p className="muted">Waiting for the previous analysis to finish…</p>}
      {running && <div className="stage-bars">
        {bars.map((b) => (
          <div key={b.stage} className={`stage stage-${b.state}`}>
            <span className="stage-label">{b.state === 'done' ? '✓ ' : ''}{b.label}</span>
            <progress
              max={1}
              {...(b.fraction === null ? {} : { value: b.fraction })}
              {...(b === active ? { 'data-testid': 'progress-bar', 'data-stage': job.progress?.stage ?? b.stage } : {})}
              aria-label={b.label}
            />
            <span className="stage-pct">{b.fraction === null ? '…' : `${Math.round(b.fraction * 100)}%`}</span>
          </div>
        ))}
      </div>}
      {running && p && (
        <p className="progress-facts" role="status">
          {p.total ? `${p.done} of ${p.total} frames` : `${p.done} done`}
          {p.framesPerSec !== undefined && ` · ${p.framesPerSec.toFixed(1)} frames/s`}
          {p.etaSec !== undefined && ` · ${etaText(p.etaSec)}`}
          {p.message && ` · ${p.message}`}
        </p>
      )}
      {running && <button type="button" data-testid="cancel-job" onClick={() => void cancel()}>Cancel</button>}
      {job.status === 'cancelled' && <p>The analysis was cancelled. Delete it from the list, or open the video again to start over.</p>}
      {job.status === 'failed' && job.error && <ErrorMessage error={job.error} />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
