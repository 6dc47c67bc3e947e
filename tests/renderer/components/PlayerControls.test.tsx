// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlayerControls, type PlayerControlsProps } from '../../../src/renderer/components/PlayerControls';

afterEach(cleanup);

function setup(over: Partial<PlayerControlsProps> = {}) {
  const props: PlayerControlsProps = {
    playing: false, rate: 1, frame: 10, frameCount: 600, timeSec: 0.175,
    onTogglePlay: vi.fn(), onStep: vi.fn(), onPrevStrike: vi.fn(), onNextStrike: vi.fn(), onRate: vi.fn(), ...over,
  };
  render(<PlayerControls {...props} />);
  return props;
}

describe('PlayerControls', () => {
  it('steps one frame with the arrow keys and toggles play with space, like Kinovea', () => {
    const p = setup();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(vi.mocked(p.onStep).mock.calls).toEqual([[1], [1], [-1]]);
    fireEvent.keyDown(window, { key: ' ', code: 'Space' });
    expect(p.onTogglePlay).toHaveBeenCalledTimes(1);
  });

  it('ignores keys while the user types in a field', () => {
    const p = setup();
    const input = document.createElement('input');
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: 'ArrowRight' });
    fireEvent.keyDown(input, { key: ' ' });
    expect(p.onStep).not.toHaveBeenCalled();
    expect(p.onTogglePlay).not.toHaveBeenCalled();
    input.remove();
  });

  it('buttons call their actions and the speed select offers 0.1× to 1×', () => {
    const p = setup({ playing: true });
    fireEvent.click(screen.getByTestId('next-strike'));
    fireEvent.click(screen.getByTestId('prev-strike'));
    fireEvent.click(screen.getByTestId('step-forward'));
    fireEvent.click(screen.getByTestId('step-back'));
    fireEvent.click(screen.getByTestId('play-pause'));
    expect(p.onNextStrike).toHaveBeenCalledTimes(1);
    expect(p.onPrevStrike).toHaveBeenCalledTimes(1);
    expect(vi.mocked(p.onStep).mock.calls).toEqual([[1], [-1]]);
    expect(p.onTogglePlay).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('play-pause').textContent).toContain('Pause');
    const select = screen.getByTestId('speed-select') as HTMLSelectElement;
    expect([...select.options].map((o) => Number(o.value))).toEqual([0.1, 0.25, 0.5, 0.75, 1]);
    fireEvent.change(select, { target: { value: '0.25' } });
    expect(p.onRate).toHaveBeenCalledWith(0.25);
  });

  it('shows the frame and time for people and for the e2e test', () => {
    setup({ frame: 41, timeSec: 0.6917 });
    const ind = screen.getByTestId('frame-indicator');
    expect(ind.dataset.frame).toBe('41');
    expect(Number(ind.dataset.timeSec)).toBeCloseTo(0.6917, 4);
    // the frame number of events.csv (counted from 0) and the time in ms
    expect(ind.textContent).toContain('Frame 41 of 0–599 · 0:00.692');
  });
});
