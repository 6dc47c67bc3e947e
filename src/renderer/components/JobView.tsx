// One job: its progress while it runs, then the review, side-by-side and session tabs with the verdict beside.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JobSummary, LopsidedApi } from '../../shared/api';
import type { AnalysisResult, ErrorInfo, PoseTrack } from '../../shared/contract';
import { displayTrack } from '../draw/displayTrack';
import { useEventEdits } from '../hooks/useEventEdits';
import type { Tab } from '../format/route';
import { jobTitle } from '../format/jobTitle';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';
import type { MeasurementStore } from '../hooks/useMeasurements';
import { JobNamesEditor } from './JobNamesEditor';
import { ProgressScreen } from './ProgressScreen';
import { ReviewScreen } from './ReviewScreen';
import { SessionCompare } from './SessionCompare';
import { StanceCompare } from './StanceCompare';
import { VerdictPanel } from './VerdictPanel';

export interface JobViewProps {
  api: LopsidedApi;
  jobId: string;
  tab: Tab;
  jobs: readonly JobSummary[];
  onTab: (tab: Tab) => void;
  onJobChanged: () => void;
}

interface Loaded { job: JobSummary; result: AnalysisResult; track: PoseTrack; rawTrack: PoseTrack }

const TAB_BUTTONS: readonly { tab: Tab; label: string; testId: string }[] = [
  { tab: 'review', label: 'Review', testId: 'review-tab' },
  { tab: 'side', label: 'Left vs right stance', testId: 'side-by-side-tab' },
  { tab: 'sessions', label: 'Compare sessions', testId: 'compare-sessions-tab' },
];

export function JobView({ api, jobId, tab, jobs, onTab, onJobChanged }: JobViewProps) {
  const [job, setJob] = useState<JobSummary | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // events corrected by hand: the page's own recompute is the result every panel shows (issue 13)
  const editing = useEventEdits(api, loaded);
  const exportApi = useMemo<LopsidedApi>(() => (editing
    ? { ...api, exportFile: async (id, kind) => { await editing.flush(); return api.exportFile(id, kind); } } : api), [api, editing]);
  const editedResult = editing?.result;
  const current = useMemo(() => (loaded ? { ...loaded, result: editedResult ?? loaded.result } : null), [loaded, editedResult]);
  // The measuring tools' drawings live in the job's folder; one store per job so they load once.
  const measurementStore = useMemo((): MeasurementStore => ({
    load: () => api.getMeasurements(jobId), save: (list) => api.saveMeasurements(jobId, list),
  }), [api, jobId]);

  const load = useCallback(async (j: JobSummary, isStale: () => boolean) => {
    const [result, track] = await Promise.all([api.getResult(j.jobId), api.getTrack(j.jobId)]);
    if (!isStale()) setLoaded({ job: j, result, track: displayTrack(track, result), rawTrack: track });
  }, [api]);

  useEffect(() => {
    let stale = false;
    setJob(null); setLoaded(null); setError(null);
    api.getJob(jobId)
      .then(async (j) => {
        if (stale) return;
        setJob(j);
        if (j.status === 'done') await load(j, () => stale);
      })
      .catch((err) => { if (!stale) setError(toErrorInfo(err)); });
    return () => { stale = true; };
  }, [api, jobId, load]);

  const onDone = useCallback((j: JobSummary) => {
    setJob(j);
    onJobChanged();
    load(j, () => false).catch((err) => setError(toErrorInfo(err)));
  }, [load, onJobChanged]);

  if (error) return <ErrorMessage error={error} />;
  if (!job) return <p className="muted" role="status">Loading…</p>;
  if (job.status !== 'done') return <ProgressScreen api={api} job={job} onDone={onDone} />;
  if (!loaded) return <p className="muted" role="status">Loading the result…</p>;

  const videoSrc = api.videoUrl(job.jobId);
  const result = current?.result ?? loaded.result;
  return (
    <div className="job-view">
      <header className="job-header">
        <div className="job-title">
          <h2 data-testid="job-title">{jobTitle(job)}</h2>
          <span className="muted small">
            {job.runnerName ? `${job.runnerName} · ` : ''}{job.sessionName ? `${job.videoName} · ` : ''}
            <JobNamesEditor key={job.jobId} api={api} job={job} onSaved={(j) => { setJob(j); onJobChanged(); }} />
          </span>
        </div>
        <div className="tabs" role="tablist">
          {TAB_BUTTONS.map((b) => (
            <button key={b.tab} type="button" role="tab" aria-selected={tab === b.tab} data-testid={b.testId}
              className={tab === b.tab ? 'tab active' : 'tab'} onClick={() => onTab(b.tab)}>{b.label}</button>
          ))}
        </div>
      </header>
      <div className="job-body">
        <div className="job-main">
          {tab === 'review' && <ReviewScreen videoSrc={videoSrc} result={result} track={loaded.track} editing={editing} measurementStore={measurementStore} />}
          {tab === 'side' && <StanceCompare videoSrc={videoSrc} result={result} track={loaded.track} />}
          {tab === 'sessions' && <SessionCompare api={api} current={{ ...(current ?? loaded), job }} jobs={jobs} />}
        </div>
        <VerdictPanel api={exportApi} jobId={job.jobId} result={result} exports={job.exports} />
      </div>
    </div>
  );
}

