// Flags in plain words with their level (observations with size and interval, never injury risk: references.md,
// Malisoux 2024). Most severe first.
import type { Flag, FlagLevel } from '../../shared/contract';
import { LEVEL_COLOUR } from '../format/sideStyle';
import { LevelMark } from './MetricTable';

const RANK: Record<FlagLevel, number> = { marked: 0, watch: 1, normal: 2 };

export function FlagList({ flags }: { flags: readonly Flag[] }) {
  if (flags.length === 0) return <p className="muted">No differences between the sides to point out.</p>;
  const sorted = [...flags].sort((a, b) => RANK[a.level] - RANK[b.level]);
  return (
    <ul className="flag-list">
      {sorted.map((f) => (
        <li key={f.id} data-testid="flag-item" data-level={f.level} style={{ borderLeftColor: LEVEL_COLOUR[f.level] }}>
          <LevelMark level={f.level} /> <span className="flag-message">{f.message}</span>
        </li>
      ))}
    </ul>
  );
}
