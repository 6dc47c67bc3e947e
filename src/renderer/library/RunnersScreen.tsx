// The runner list (issue 14): search by name, add a runner, open a runner's page.
import { useCallback, useEffect, useState } from 'react';
import type { LibraryApi, RunnerSummary } from '../../shared/library';
import { ErrorMessage, toErrorInfo } from '../components/ErrorMessage';
import type { ErrorInfo } from '../../shared/contract';

function optionalNumber(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

export function RunnersScreen({ library, onOpen }: { library: LibraryApi; onOpen: (runnerId: string) => void }) {
  const [runners, setRunners] = useState<RunnerSummary[] | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [form, setForm] = useState({ name: '', birthYear: '', heightCm: '', legLengthCm: '' });

  const refresh = useCallback(() => {
    library.listRunners(search).then(setRunners).catch((e) => setError(toErrorInfo(e)));
  }, [library, search]);
  useEffect(refresh, [refresh]);

  const add = (ev: React.FormEvent): void => {
    ev.preventDefault();
    library.addRunner({ name: form.name, birthYear: optionalNumber(form.birthYear), heightCm: optionalNumber(form.heightCm), legLengthCm: optionalNumber(form.legLengthCm) })
      .then((r) => { setForm({ name: '', birthYear: '', heightCm: '', legLengthCm: '' }); onOpen(r.runnerId); })
      .catch((e) => setError(toErrorInfo(e)));
  };
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label>{label} <input type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} data-testid={`runner-${key}`} /></label>
  );

  return (
    <section className="runners-screen" data-testid="runners-screen" aria-label="Runners">
      <h2>Runners</h2>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      <form className="runner-add" onSubmit={add} aria-label="Add a runner">
        {field('name', 'Name')}{field('birthYear', 'Birth year', 'number')}{field('heightCm', 'Height (cm)', 'number')}{field('legLengthCm', 'Leg length (cm)', 'number')}
        <button type="submit" className="primary" disabled={form.name.trim() === ''} data-testid="runner-add">Add runner</button>
      </form>
      <p><label>Search <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="runner-search" /></label></p>
      {runners !== null && runners.length === 0 && <p className="muted">No runners{search ? ` whose name contains “${search}”` : ' yet'}.</p>}
      <table className="metric-table runner-list" data-testid="runner-list">
        <thead><tr><th>Runner</th><th>Sessions</th><th>Last session</th></tr></thead>
        <tbody>
          {(runners ?? []).map((r) => (
            <tr key={r.runnerId} data-testid="runner-item" data-runner-id={r.runnerId}>
              <td><button type="button" className="link" onClick={() => onOpen(r.runnerId)}>{r.name}</button></td>
              <td>{r.sessionCount}</td><td>{r.lastSessionDate ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
