// The legend that names the two side colours; shown beside every view that uses them.
import { SIDE_COLOUR, SIDE_LABEL, SIDE_LETTER, SIDES } from '../format/sideStyle';

export function SideLegend({ testId = 'skeleton-legend', note }: { testId?: string; note?: string }) {
  return (
    <div className="side-legend" data-testid={testId} aria-label="Colour legend">
      {SIDES.map((side) => (
        <span key={side} className="legend-item">
          <span className="legend-swatch" style={{ background: SIDE_COLOUR[side] }}>{SIDE_LETTER[side]}</span>
          {SIDE_LABEL[side]} leg
        </span>
      ))}
      {note && <span className="muted">{note}</span>}
    </div>
  );
}
