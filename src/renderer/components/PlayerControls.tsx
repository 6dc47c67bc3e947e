// Play/pause, speed, frame stepping and strike jumps. Keys work like Kinovea: space toggles play, ←/→ step one
// frame. Keys are ignored while the user types in a field or uses a select.
import { useEffect } from 'react';
import { formatClock } from '../format/formatValue';
import { isTyping } from '../format/isTyping';

export const SPEEDS: readonly number[] = [0.1, 0.25, 0.5, 0.75, 1];

export interface PlayerControlsProps {
  playing: boolean;
  rate: number;
  frame: number;
  frameCount: number;
  timeSec: number;
  onTogglePlay: () => void;
  onStep: (deltaFrames: number) => void;
  onPrevStrike: () => void;
  onNextStrike: () => void;
  onRate: (rate: number) => void;
}

export function PlayerControls(props: PlayerControlsProps) {
  const { playing, rate, frame, frameCount, timeSec, onTogglePlay, onStep, onPrevStrike, onNextStrike, onRate } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight') { e.preventDefault(); onStep(1); }
      else if (e.key === 'ArrowLeft') { e.preventDefault(); onStep(-1); }
      else if (e.key === ' ' || e.code === 'Space') {
        // A focused button would also "click" on space: handle it once, here.
        e.preventDefault();
        onTogglePlay();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, onTogglePlay]);

  return (
    <div className="player-controls" role="toolbar" aria-label="Player controls">
      <button type="button" data-testid="prev-strike" onClick={onPrevStrike} title="Previous foot strike">◀ Prev strike</button>
      <button type="button" data-testid="step-back" onClick={() => onStep(-1)} title="One frame back (←)">◀ Frame</button>
      <button type="button" className="primary" data-testid="play-pause" onClick={onTogglePlay} title="Play / pause (space)"
        aria-pressed={playing}>
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" data-testid="step-forward" onClick={() => onStep(1)} title="One frame forward (→)">Frame ▶</button>
      <button type="button" data-testid="next-strike" onClick={onNextStrike} title="Next foot strike">Next strike ▶</button>
      <label className="speed">
        Speed{' '}
        <select data-testid="speed-select" value={String(rate)} onChange={(e) => onRate(Number(e.target.value))}>
          {SPEEDS.map((s) => <option key={s} value={String(s)}>{s}×</option>)}
        </select>
      </label>
      <span className="frame-indicator" data-testid="frame-indicator" data-frame={frame} data-time-sec={timeSec.toFixed(4)}>
        {/* frames counted from 0, as in events.csv and steps.csv */}
        Frame {frame} of 0–{Math.max(0, frameCount - 1)} · {formatClock(timeSec)}
      </span>
    </div>
  );
}
