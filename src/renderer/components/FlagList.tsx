// Flags in plain words with their level (observations with size and interval, never injury risk: docs/references.md,
// Malisoux 2024). What stands out (watch, marked) is shown first and in full; the measures within the normal band
// are folded away so the few findings are not lost among them.
import type { Flag, FlagLevel } from '../../shared/contract';
import { LEVEL_COLOUR } from '../format/sideStyle';
import { LevelMark } from './MetricTable';

const RANK: Record<FlagLevel, number> = { marked: 0, watch: 1, unclear: 2, normal: 3 };

function FlagItem({ flag }: { flag: Flag }) {
  return (
    <li data-testid="flag-item" data-level={flag.level} style={{ borderLeftColor: LEVEL_COLOUR[flag.level] }}>
      <LevelMark level={flag.level} /> <span className="flag-message">{flag.message}</span>
      {flag.meaning && <p className="flag-meaning" data-testid="flag-meaning">What this may mean: {flag.meaning}</p>}
    </li>
  );
}

/** `session`: the flags of several clips merged (mergeSession), so "these clips", not "this clip", cannot tell. */
export function FlagList({ flags, session = false }: { flags: readonly Flag[]; session?: boolean }) {
  const sorted = [...flags].sort((a, b) => RANK[a.level] - RANK[b.level]);
  const findings = sorted.filter((f) => f.level === 'watch' || f.level === 'marked');
  // the undecided ones first: they are what a longer or faster clip could still turn into a finding
  const rest = sorted.filter((f) => f.level === 'unclear' || f.level === 'normal');
  const unclear = rest.filter((f) => f.level === 'unclear').length;
  const folded = unclear === 0
    ? `${rest.length} ${rest.length === 1 ? 'measure' : 'measures'} within the normal band`
    : `${rest.length} ${rest.length === 1 ? 'measure' : 'measures'} not flagged: ${rest.length - unclear} within the normal band, ${unclear} unclear`;
  return (
    <div className="flags">
      {findings.length > 0
        ? <ul className="flag-list">{findings.map((f) => <FlagItem key={f.id} flag={f} />)}</ul>
        : <p>{unclear === 0
          ? 'No difference between the sides stands out beyond the normal band.'
          : `No difference between the sides stands out clearly; for the unclear ones ${session ? 'these clips cannot' : 'this clip cannot'} tell (see below).`}</p>}
      {rest.length > 0 && (
        <details className="normal-flags">
          <summary>{folded}</summary>
          <ul className="flag-list">{rest.map((f) => <FlagItem key={f.id} flag={f} />)}</ul>
        </details>
      )}
    </div>
  );
}
