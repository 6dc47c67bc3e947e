// Two chosen sessions side by side (issue 14): per measure each session's left − right difference with its interval,
// the change, and in words whether it changed ("changed" / "no change shown" / "unclear", compareSessions.ts).
import { useState } from 'react';
import { formatMetricDifference, formatMetricInterval, metricLabel } from '../../shared/formatMetric';
import { CHANGE_WORDS, compareSessions, type ProgressReport } from '../../shared/library';

export function TwoSessionsTable({ progress }: { progress: ProgressReport }) {
  const sessions = progress.sessions;
  const [beforeId, setBeforeId] = useState(sessions[0]?.sessionId ?? '');
  const [afterId, setAfterId] = useState(sessions[sessions.length - 1]?.sessionId ?? '');
  if (sessions.length < 2) return <p className="muted" data-testid="before-after-none">File a second session to compare two.</p>;
  const before = sessions.find((s) => s.sessionId === beforeId) ?? sessions[0]!;
  const after = sessions.find((s) => s.sessionId === afterId) ?? sessions[sessions.length - 1]!;
  const label = (s: typeof before) => `${s.date}${s.name ? ` · ${s.name}` : ''}`;
  const pick = (value: string, set: (v: string) => void, testId: string) => (
    <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
      {sessions.map((s) => <option key={s.sessionId} value={s.sessionId}>{label(s)}</option>)}
    </select>
  );
  return (
    <div className="before-after">
      <p>Before {pick(before.sessionId, setBeforeId, 'before-session')} after {pick(after.sessionId, setAfterId, 'after-session')}</p>
      <table className="metric-table" data-testid="before-after-table">
        <thead><tr><th>Measure</th><th>Before: L − R (95% interval)</th><th>After: L − R (95% interval)</th><th>Change (95% interval)</th><th>Verdict</th></tr></thead>
        <tbody>
          {progress.metrics.map(({ metricId }) => {
            const a = before.metrics[metricId];
            const b = after.metrics[metricId];
            const c = compareSessions(metricId, a, b);
            return (
              <tr key={metricId} data-metric={metricId} title={c?.sentence}>
                <th scope="row">{metricLabel(metricId)}</th>
                <td>{formatMetricDifference(metricId, a?.difference)} ({formatMetricInterval(metricId, a?.differenceCi95)})</td>
                <td>{formatMetricDifference(metricId, b?.difference)} ({formatMetricInterval(metricId, b?.differenceCi95)})</td>
                <td>{c ? `${formatMetricDifference(metricId, c.change)} (${formatMetricInterval(metricId, c.changeCi95)})` : '–'}</td>
                <td data-testid="change-verdict">{c ? CHANGE_WORDS[c.verdict] : 'not measured in both'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
