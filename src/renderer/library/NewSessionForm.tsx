// "New session" (issue 14): the day, the set-up and how it felt, and up to three finished analyses of the same run
// (left side, right side, rear). Which side each clip shows is read from the clip by the engine (mergeSession) and
// shown on the runner's page; a clip that does not fit (two of the same side) is refused in words.
import { useEffect, useState } from 'react';
import type { JobSummary } from '../../shared/api';
import type { LibraryApi, SessionMeta } from '../../shared/library';
import { beltSpeedToMps, SPEED_UNITS, type SpeedUnit } from '../format/beltSpeed';

function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function NewSessionForm({ library, runnerId, jobs, onFiled, onError }: {
  library: LibraryApi; runnerId: string; jobs: readonly JobSummary[]; onFiled: () => void; onError: (e: unknown) => void;
}) {
  // analyses already in a runner's session are not offered again (refreshed whenever the job list changes)
  const [filed, setFiled] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    library.listFiledAnalyses().then((ids) => setFiled(new Set(ids))).catch(onError);
  }, [library, jobs, onError]);
  const done = jobs.filter((j) => j.status === 'done' && !filed.has(j.jobId));
  const [picked, setPicked] = useState<string[]>([]);
  const [f, setF] = useState({ date: todayLocal(), name: '', speed: '', unit: 'km/h' as SpeedUnit, incline: '', shoes: '', note: '', pain: '' });
  const [busy, setBusy] = useState(false);
  const speed = beltSpeedToMps(f.speed, f.unit);
  const valid = picked.length > 0 && picked.length <= 3 && /^\d{4}-\d{2}-\d{2}$/.test(f.date) && speed !== null;

  const submit = (ev: React.FormEvent): void => {
    ev.preventDefault();
    const meta: SessionMeta = {
      date: f.date, name: f.name.trim() || null, speedMps: speed ?? null, inclinePct: f.incline.trim() === '' ? null : Number(f.incline),
      shoes: f.shoes.trim() || null, note: f.note.trim() || null, painScore: f.pain === '' ? null : Number(f.pain),
    };
    setBusy(true);
    library.fileSession(runnerId, meta, picked)
      .then(() => { setPicked([]); setF({ ...f, name: '', note: '', pain: '' }); setFiled(new Set([...filed, ...picked])); onFiled(); })
      .catch(onError)
      .finally(() => setBusy(false));
  };
  const text = (key: 'date' | 'name' | 'incline' | 'shoes' | 'note', label: string, type = 'text') => (
    <label>{label} <input type={type} value={f[key]} onChange={(e) => setF({ ...f, [key]: e.target.value })} data-testid={`session-${key}`} /></label>
  );

  return (
    <form className="new-session" onSubmit={submit} aria-label="New session" data-testid="new-session-form">
      <h3>New session</h3>
      <div className="fields">
        {text('date', 'Date', 'date')}{text('name', 'Name')}
        <label>Treadmill speed <input value={f.speed} onChange={(e) => setF({ ...f, speed: e.target.value })} size={5} data-testid="session-speed" />
          <select value={f.unit} onChange={(e) => setF({ ...f, unit: e.target.value as SpeedUnit })}>{SPEED_UNITS.map((u) => <option key={u}>{u}</option>)}</select></label>
        {text('incline', 'Incline (%)', 'number')}{text('shoes', 'Shoes')}
        {text('note', 'Pain / effort')}
        <label>Score (0–10) <select value={f.pain} onChange={(e) => setF({ ...f, pain: e.target.value })} data-testid="session-pain">
          <option value="">–</option>{Array.from({ length: 11 }, (_, i) => <option key={i} value={String(i)}>{i}</option>)}</select></label>
      </div>
      <p className="muted small">Clips: up to three finished analyses of this run — from the runner's left, right and from behind. Start them with “+ New analysis” (a video, or a keypoint CSV).</p>
      <ul className="session-pick" data-testid="session-clips">
        {done.length === 0 && <li className="muted">No finished analyses that are not in a session yet.</li>}
        {done.map((j) => (
          <li key={j.jobId}><label>
            <input type="checkbox" checked={picked.includes(j.jobId)} data-testid="session-clip" data-job-id={j.jobId}
              onChange={(e) => setPicked(e.target.checked ? [...picked, j.jobId] : picked.filter((x) => x !== j.jobId))} />
            {' '}{j.videoName} <span className="muted small">{new Date(j.createdAtIso).toLocaleString()}</span>
          </label></li>
        ))}
      </ul>
      <button type="submit" className="primary" disabled={!valid || busy} data-testid="file-session">File session</button>
      {speed === null && <span className="session-problem" role="alert"> The speed is not a running speed.</span>}
    </form>
  );
}
