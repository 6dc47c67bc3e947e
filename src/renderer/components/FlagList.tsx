// Flags in plain words with their level (observations with size and interval, never injury risk: references.md,
// Malisoux 2024). What stands out (watch, marked) is shown first and in full; the measures within the normal band
// are folded away so the few findings are not lost among them.
import type { Flag, FlagLevel } from '../../shared/contract';
import { LEVEL_COLOUR } from '../format/sideStyle';
import { LevelMark } from './MetricTable';

const RANK: Record<FlagLevel, number> = { marked: 0, watch: 1, normal: 2 };

function FlagItem({ flag }: { flag: Flag }) {
  return (
    <li data-testid="flag-item" data-level={flag.level} style={{ borderLeftColor: LEVEL_COLOUR[flag.level] }}>
      <LevelMark level={flag.level} /> <span className="flag-message">{flag.message}</span>
    </li>
  );
}

export function FlagList({ flags }: { flags: readonly Flag[] }) {
  const sorted = [...flags].sort((a, b) => RANK[a.level] - RANK[b.level]);
  const findings = sorted.filter((f) => f.level !== 'normal');
  const normal = sorted.filter((f) => f.level === 'normal');
  return (
    <div className="flags">
      {findings.length > 0
        ? <ul className="flag-list">{findings.map((f) => <FlagItem key={f.id} flag={f} />)}</ul>
        : <p>No difference between the sides stands out beyond the normal band.</p>}
      {normal.length > 0 && (
        <details className="normal-flags">
          <summary>{normal.length} {normal.length === 1 ? 'measure' : 'measures'} within the normal band</summary>
          <ul className="flag-list">{normal.map((f) => <FlagItem key={f.id} flag={f} />)}</ul>
        </details>
      )}
    </div>
  );
}
