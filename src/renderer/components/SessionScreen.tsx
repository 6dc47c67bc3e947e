// Both sides of one run, one verdict, in the app: add up to three clips of the same run here (each is analysed and
// picked when it finishes) or pick finished analyses (left side, right side, rear), see which side each was read to
// show and why, confirm it, and read the merged verdict. The roles come from the clips (facing direction), never
// guessed silently: nothing is merged until they are confirmed.
import { useEffect, useMemo, useState } from 'react';
import type { JobSummary, LopsidedApi } from '../../shared/api';
import { DEFAULT_ANALYSE_OPTIONS, type AnalysisResult, type ClipRole } from '../../shared/contract';
import { assignRoles, mergeSession, SessionError } from '../../shared/session';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';
import { QualityWarnings } from './QualityWarnings';
import { SideComparison } from './SideComparison';
import { jobDescription, jobTitle } from '../format/jobTitle';
import { isClipFileName } from './DropZone';
import { canAnalyse } from './QualityCheck';

const ROLE_WORD: Record<ClipRole, string> = { leftSide: 'Left side', rightSide: 'Right side', rear: 'From behind' };

function downloadJson(name: string, value: unknown): void {
  const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const MAX_CLIPS = 3;

export function SessionScreen({ api, jobs, onStarted }: { api: LopsidedApi; jobs: readonly JobSummary[]; onStarted?: () => void }) {
  const done = jobs.filter((j) => j.status === 'done');
  const [picked, setPicked] = useState<string[]>([]);
  /** Analyses started from this screen, picked as soon as they finish. */
  const [pending, setPending] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [results, setResults] = useState<Record<string, AnalysisResult>>({});
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    for (const id of picked) {
      if (results[id]) continue;
      api.getResult(id).then((r) => setResults((prev) => ({ ...prev, [id]: r }))).catch((e) => setError(toErrorInfo(e).message));
    }
  }, [api, picked, results]);

  useEffect(() => {
    if (pending.length === 0) return;
    const ended = pending.flatMap((id) => jobs.filter((j) => j.jobId === id && ['done', 'failed', 'cancelled'].includes(j.status)));
    if (ended.length === 0) return;
    setPending((p) => p.filter((id) => !ended.some((j) => j.jobId === id)));
    const finished = ended.filter((j) => j.status === 'done').map((j) => j.jobId);
    if (finished.length > 0) { setConfirmed(false); setPicked((p) => [...p, ...finished.filter((id) => !p.includes(id))].slice(0, MAX_CLIPS)); }
    const lost = ended.filter((j) => j.status !== 'done');
    if (lost.length > 0) setError(lost.map((j) => `${j.videoName}: the analysis ${j.status === 'failed' ? `failed (${j.error?.message ?? 'no reason given'})` : 'was cancelled'}.`).join(' '));
  }, [jobs, pending]);

  /** Each clip is added and analysed with the default options (view and pose model read from the clip). */
  const addClips = async (files: readonly File[]): Promise<void> => {
    const room = MAX_CLIPS - picked.length - pending.length;
    const clips = files.filter((f) => isClipFileName(f.name));
    const problems: string[] = files.filter((f) => !isClipFileName(f.name)).map((f) => `${f.name} is not a video or keypoint CSV.`);
    if (clips.length > room) problems.push(`A session holds ${MAX_CLIPS} clips: ${clips.slice(room).map((f) => f.name).join(', ')} left out.`);
    setAdding(true);
    setError(null);
    for (const file of clips.slice(0, Math.max(0, room))) {
      try {
        const record = await api.addVideo(file);
        if (!canAnalyse(record)) {
          problems.push(`${file.name}: ${record.checks.find((c) => c.level === 'error')?.message ?? 'this clip cannot be analysed.'}`);
          continue;
        }
        const job = await api.startJob(record.videoId, DEFAULT_ANALYSE_OPTIONS);
        setPending((p) => [...p, job.jobId]);
      } catch (e) {
        problems.push(`${file.name}: ${toErrorInfo(e).message}`);
      }
    }
    setAdding(false);
    onStarted?.();
    if (problems.length > 0) setError(problems.join(' '));
  };

  const inputs = useMemo(() => picked.flatMap((id) => {
    const r = results[id];
    const job = done.find((j) => j.jobId === id);
    return r && job ? [{ name: job.videoName, result: r }] : [];
  }), [picked, results, done]);
  const ready = inputs.length === picked.length && picked.length >= 2;
  const roles = useMemo(() => {
    if (!ready) return null;
    try { return { clips: assignRoles(inputs), problem: null }; } catch (e) {
      return { clips: null, problem: e instanceof SessionError ? e.message : String(e) };
    }
  }, [ready, inputs]);
  const merged = roles?.clips && confirmed ? mergeSession(inputs) : null;

  const toggle = (id: string): void => {
    setConfirmed(false);
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : p.length < 3 ? [...p, id] : p));
  };

  return (
    <section className="session-screen" data-testid="session-screen" aria-label="Both-sides session">
      <h2>Both sides of one run</h2>
      <p className="muted">From one side the far foot and knee are often hidden behind the near leg. Pick the analyses of one run
        filmed from the runner&apos;s left, from the right and, if you have it, from behind: each side is then measured in the clip
        where it was the near one.</p>
      {error && <ErrorMessage error={{ code: 'INTERNAL', message: error }} onDismiss={() => setError(null)} />}
      <p>
        <label className="button-like">
          Add clips of this run…{' '}
          <input type="file" multiple accept="video/*,.mp4,.mov,.m4v,.webm,.csv" data-testid="session-add-clips" aria-label="Clips of this run"
            disabled={adding || picked.length + pending.length >= MAX_CLIPS}
            onChange={(e) => { void addClips([...(e.target.files ?? [])]); e.target.value = ''; }} />
        </label>
        {' '}<span className="muted small">each is analysed, then picked below when it finishes</span>
      </p>
      {pending.length > 0 && (
        <p role="status" data-testid="session-pending">
          Analysing {pending.map((id) => jobs.find((j) => j.jobId === id)?.videoName ?? 'a clip').join(', ')}…
        </p>
      )}
      {done.length < 2 && pending.length === 0 && <p data-testid="session-too-few">At least two finished analyses are needed.</p>}
      <ul className="session-pick" data-testid="session-pick">
        {done.map((j) => (
          <li key={j.jobId}>
            <label>
              <input type="checkbox" checked={picked.includes(j.jobId)} disabled={!picked.includes(j.jobId) && picked.length >= 3}
                onChange={() => toggle(j.jobId)} data-job-id={j.jobId} />
              {' '}{jobTitle(j)} <span className="muted small">{jobDescription(j)}</span>
            </label>
          </li>
        ))}
      </ul>
      {roles?.problem && <p className="session-problem" role="alert" data-testid="session-problem">{roles.problem}</p>}
      {roles?.clips && (
        <div className="session-roles" data-testid="session-roles">
          <h3>What each clip shows</h3>
          <ul>
            {roles.clips.map((c) => <li key={c.name} data-role={c.role}><strong>{ROLE_WORD[c.role]}</strong>: {c.name} ({c.why})</li>)}
          </ul>
          <label>
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="session-confirm" />
            {' '}These are the right sides for these clips
          </label>
        </div>
      )}
      {merged && (
        <div className="session-result" data-testid="session-result">
          <h3>Verdict</h3>
          <ul className="verdict-sentences">{(merged.verdict ?? []).map((s) => <li key={s}>{s}</li>)}</ul>
          <QualityWarnings quality={merged.quality} />
          <SideComparison result={merged} />
          <button type="button" onClick={() => downloadJson('session-report.json', merged)} data-testid="session-download">Download session report.json</button>
          <p className="muted small" data-testid="session-keep-hint">This merged verdict is not kept: to keep it in a runner&apos;s history with their other sessions, file these analyses as a session on the runner&apos;s page (Runners).</p>
        </div>
      )}
    </section>
  );
}
