// The history of analyses kept on disk: reopen one, or delete it.
import type { JobSummary } from '../../shared/api';

const STATUS_WORD: Record<JobSummary['status'], string> = {
  queued: 'Waiting', running: 'Analysing…', done: 'Done', failed: 'Failed', cancelled: 'Cancelled',
};

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

export interface JobListProps {
  jobs: readonly JobSummary[];
  currentJobId: string | null;
  onOpen: (job: JobSummary) => void;
  onDelete: (job: JobSummary) => void;
}

export function JobList({ jobs, currentJobId, onOpen, onDelete }: JobListProps) {
  return (
    <nav className="job-list" aria-label="Analyses">
      <h2>Analyses</h2>
      {jobs.length === 0 && <p className="muted small">None yet.</p>}
      <ul data-testid="job-list">
        {jobs.map((j) => (
          <li key={j.jobId} data-testid="job-item" data-status={j.status} data-job-id={j.jobId}
            className={j.jobId === currentJobId ? 'current' : ''}>
            <button type="button" className="job-open" onClick={() => onOpen(j)}>
              <span className="job-name">{j.videoName}</span>
              <span className={`job-status status-${j.status}`}>{STATUS_WORD[j.status]}</span>
              <span className="job-when muted">{when(j.createdAtIso)}{j.options.view !== 'auto' ? ` · ${j.options.view}` : ''}</span>
            </button>
            <button type="button" className="job-delete link" aria-label={`Delete ${j.videoName}`}
              onClick={() => { if (window.confirm(`Delete the analysis of ${j.videoName}?`)) onDelete(j); }}>Delete</button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
