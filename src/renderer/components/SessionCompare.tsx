// Side by side (2): this session next to another one (e.g. before and after treatment), synchronised on foot
// strikes: both panels run one stride of the chosen foot, strike to strike, at the same phase; under them the
// before/after numbers of every measure (the earlier session is "before").
import { useEffect, useMemo, useState } from 'react';
import type { JobSummary, LopsidedApi } from '../../shared/api';
import type { AnalysisResult, ErrorInfo, PoseTrack, Side } from '../../shared/contract';
import { displayTrack } from '../draw/displayTrack';
import { middleWindow, strideWindows } from '../format/eventNav';
import { SIDE_COLOUR, SIDE_LABEL } from '../format/sideStyle';
import { jobPickerLabel, jobTitle } from '../format/jobTitle';
import { BeforeAfterTable } from './BeforeAfterTable';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';
import { PhaseLoopPair, type LoopClip } from './PhaseLoopPair';
import { SideLegend } from './SideLegend';

interface Session { job: JobSummary; result: AnalysisResult; track: PoseTrack }

export interface SessionCompareProps {
  api: LopsidedApi;
  current: Session;
  jobs: readonly JobSummary[];
}

export function SessionCompare({ api, current, jobs }: SessionCompareProps) {
  const others = jobs.filter((j) => j.status === 'done' && j.jobId !== current.job.jobId);
  const [otherId, setOtherId] = useState<string>('');
  const [other, setOther] = useState<Session | null>(null);
  const [side, setSide] = useState<Side>('left');
  const [error, setError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    setOther(null);
    const job = others.find((j) => j.jobId === otherId);
    if (!job) return;
    let stale = false;
    Promise.all([api.getResult(job.jobId), api.getTrack(job.jobId)])
      .then(([result, track]) => { if (!stale) setOther({ job, result, track: displayTrack(track, result) }); })
      .catch((err) => { if (!stale) setError(toErrorInfo(err)); });
    return () => { stale = true; };
  }, [api, otherId]);

  const clips = useMemo((): [LoopClip, LoopClip] | null => {
    if (!other) return null;
    const a = middleWindow(strideWindows(current.result.events, side));
    const b = middleWindow(strideWindows(other.result.events, side));
    if (!a || !b) return null;
    const clipA: LoopClip = { title: panelTitle(current.job, 'This session'), src: api.videoUrl(current.job.jobId), track: current.track, window: a };
    const clipB: LoopClip = { title: panelTitle(other.job, 'Other'), src: api.videoUrl(other.job.jobId), track: other.track, window: b };
    // Earlier on the left, as in the table: before | after.
    return isEarlier(other.job, current.job) ? [clipB, clipA] : [clipA, clipB];
  }, [api, current, other, side]);
  const ordered = other ? (isEarlier(other.job, current.job) ? [other, current] : [current, other]) : null;

  return (
    <section className="session-compare" data-testid="session-compare" aria-label="Compare two sessions">
      <h2>Compare two sessions</h2>
      <div className="compare-options">
        <label className="inline">
          Other session{' '}
          <select data-testid="session-select" value={otherId} onChange={(e) => setOtherId(e.target.value)}>
            <option value="">Choose a finished analysis…</option>
            {others.map((j) => <option key={j.jobId} value={j.jobId}>{jobPickerLabel(j)}</option>)}
          </select>
        </label>
        <label className="inline">
          Synchronise on{' '}
          <select value={side} onChange={(e) => setSide(e.target.value as Side)} style={{ color: SIDE_COLOUR[side] }}>
            <option value="left">{SIDE_LABEL.left} foot strikes</option>
            <option value="right">{SIDE_LABEL.right} foot strikes</option>
          </select>
        </label>
        <SideLegend testId="session-legend" />
      </div>
      {others.length === 0 && <p className="muted">Analyse another clip of this runner first (e.g. after treatment) to compare.</p>}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {otherId && !other && !error && <p className="muted" role="status">Loading…</p>}
      {other && !clips && <p className="muted">One of the sessions has no complete stride of that foot.</p>}
      {clips && (
        <>
          <p className="muted">Both panels run one {SIDE_LABEL[side].toLowerCase()} stride, foot strike (0%) to the next foot strike of that foot (100%).</p>
          <PhaseLoopPair clips={clips} testId="session-loop" />
        </>
      )}
      {ordered && (
        <>
          <h3>Before and after, every measure</h3>
          <p className="muted small">
            Before: {jobPickerLabel(ordered[0]!.job)}. After: {jobPickerLabel(ordered[1]!.job)}. “Changed” when the 95% interval of the
            change leaves out zero; “no change shown” when it holds zero and is narrower than the measure’s normal left/right band;
            otherwise “unclear”.
          </p>
          <BeforeAfterTable before={{ label: jobTitle(ordered[0]!.job), result: ordered[0]!.result }}
            after={{ label: jobTitle(ordered[1]!.job), result: ordered[1]!.result }} />
        </>
      )}
    </section>
  );
}

function isEarlier(a: JobSummary, b: JobSummary): boolean {
  return a.createdAtIso < b.createdAtIso;
}

function panelTitle(job: JobSummary, fallback: string): string {
  const d = new Date(job.createdAtIso);
  const when = Number.isNaN(d.getTime()) ? '' : ` · ${d.toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
  return `${jobTitle(job) || fallback}${when}`;
}
