// The history of analyses kept on disk: reopen one, or delete it (unless it is filed in a runner's session).
import type { JobSummary } from '../../shared/api';
import { jobTitle } from '../format/jobTitle';

const STATUS_WORD: Record<JobSummary['status'], string> = {
  queued: 'Waiting', running: 'Analysing…', done: 'Done', failed: 'Failed', cancelled: 'Cancelled',
};

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * What set this analysis apart from the others of the same video: chosen view, pose model and belt speed (a
 * clinician re-runs one clip with a belt speed or another model and must tell the entries apart).
 */
export function jobDetails(options: JobSummary['options']): string {
  const parts: string[] = [];
  if (options.view !== 'auto') parts.push(`${options.view} view`);
  if (options.model !== 'auto') parts.push(options.model);
  if (options.beltSpeedMps !== undefined) parts.push(`${(options.beltSpeedMps * 3.6).toFixed(1)} km/h`);
  return parts.join(' · ');
}

export interface JobListProps {
  jobs: readonly JobSummary[];
  currentJobId: string | null;
  onOpen: (job: JobSummary) => void;
  onDelete: (job: JobSummary) => void;
  /** Analyses filed in a runner's session: no Delete here (they leave with that session, on the runner's page). */
  filedIds?: ReadonlySet<string>;
  /** The server cannot be asked (session expired, server stopped): say so instead of "None yet.". */
  unavailable?: boolean;
}

export function JobList({ jobs, currentJobId, onOpen, onDelete, filedIds, unavailable }: JobListProps) {
  return (
    <nav className="job-list" aria-label="Analyses">
      <h2>Analyses</h2>
      {unavailable && <p className="muted small" data-testid="job-list-unavailable">Not shown until this tab is reconnected.</p>}
      {!unavailable && jobs.length === 0 && <p className="muted small">None yet.</p>}
      <ul data-testid="job-list">
        {jobs.map((j) => (
          <li key={j.jobId} data-testid="job-item" data-status={j.status} data-job-id={j.jobId}
            className={j.jobId === currentJobId ? 'current' : ''}>
            <button type="button" className="job-open" onClick={() => onOpen(j)}>
              <span className="job-name" title={j.sessionName ? j.videoName : undefined}>{jobTitle(j)}</span>
              {j.runnerName && <span className="job-when muted">{j.runnerName}</span>}
              <span className={`job-status status-${j.status}`}>{STATUS_WORD[j.status]}</span>
              <span className="job-when muted">{[when(j.createdAtIso), jobDetails(j.options)].filter(Boolean).join(' · ')}</span>
            </button>
            {filedIds?.has(j.jobId)
              ? <span className="muted small" data-testid="job-filed" title="It leaves with its session: delete that on the runner's page.">In a runner's session</span>
              : <button type="button" className="job-delete link" aria-label={`Delete ${j.videoName}`}
                onClick={() => { if (window.confirm(`Delete the analysis of ${j.videoName}?`)) onDelete(j); }}>Delete</button>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
