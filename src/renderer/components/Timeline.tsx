// Every gait event on one time axis, one row per foot: strikes are tall filled bars, toe-offs short hollow
// marks, so the two are told apart by shape as well as by the tooltip. Clicking a mark or the track seeks.
import { memo, type MouseEvent } from 'react';
import type { GaitEvent, Side } from '../../shared/contract';
import { formatClock } from '../format/formatValue';
import { SIDE_COLOUR, SIDE_LABEL, SIDES } from '../format/sideStyle';

export interface TimelineProps {
  events: readonly GaitEvent[];
  durationSec: number;
  currentTimeSec: number;
  onSeek: (timeSec: number) => void;
  /** A mark clicked: the event to correct by hand (issue 13). */
  onSelectEvent?: (ev: GaitEvent) => void;
}

const TYPE_WORD = { footStrike: 'foot strike', toeOff: 'toe-off' } as const;

function percent(timeSec: number, durationSec: number): string {
  const f = durationSec > 0 ? Math.max(0, Math.min(1, timeSec / durationSec)) : 0;
  return `${(f * 100).toFixed(3)}%`;
}

// Memoised: only the playhead moves while the video plays; the marks stay put.
const Row = memo(function Row({ side, events, durationSec, onSeek, onSelectEvent }: { side: Side; events: readonly GaitEvent[]; durationSec: number; onSeek: (t: number) => void; onSelectEvent?: (ev: GaitEvent) => void }) {
  const onTrackClick = (e: MouseEvent<HTMLDivElement>): void => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width <= 0) return;
    onSeek(((e.clientX - rect.left) / rect.width) * durationSec);
  };
  return (
    <div className="timeline-row">
      <span className="timeline-label" style={{ color: SIDE_COLOUR[side] }}>{SIDE_LABEL[side]}</span>
      <div className="timeline-track" onClick={onTrackClick} data-side={side}>
        {events.filter((ev) => ev.side === side).map((ev) => (
          <button
            key={`${ev.type}-${ev.timeSec}`}
            type="button"
            className={`timeline-event ${ev.type}${ev.correctedByHand ? ' by-hand' : ''}`}
            data-testid="timeline-event"
            data-side={ev.side}
            data-type={ev.type}
            data-time-sec={ev.timeSec}
            style={{ left: percent(ev.timeSec, durationSec), ...(ev.type === 'footStrike'
              ? { background: SIDE_COLOUR[side] } : { borderColor: SIDE_COLOUR[side] }) }}
            title={`${SIDE_LABEL[side]} ${TYPE_WORD[ev.type]} at ${formatClock(ev.timeSec)}`}
            aria-label={`${SIDE_LABEL[side]} ${TYPE_WORD[ev.type]} at ${ev.timeSec.toFixed(2)} s`}
            onClick={(e) => { e.stopPropagation(); onSeek(ev.timeSec); onSelectEvent?.(ev); }}
          />
        ))}
      </div>
    </div>
  );
});

export function Timeline({ events, durationSec, currentTimeSec, onSeek, onSelectEvent }: TimelineProps) {
  return (
    <div className="timeline" data-testid="timeline">
      {SIDES.map((side) => <Row key={side} side={side} events={events} durationSec={durationSec} onSeek={onSeek} {...(onSelectEvent ? { onSelectEvent } : {})} />)}
      <div className="timeline-playhead-lane" aria-hidden="true">
        <div className="timeline-playhead" style={{ left: percent(currentTimeSec, durationSec) }} />
      </div>
      <div className="timeline-key muted">
        <span><span className="key-strike" /> foot strike</span>
        <span><span className="key-toeoff" /> toe-off</span>
        <span>click a mark or the track to jump there</span>
      </div>
    </div>
  );
}
