// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../../src/renderer/components/Timeline';
import type { AnalysisResult } from '../../../src/shared/contract';
import { loadFixtureSession } from '../loadFixtureSession';

let result: AnalysisResult;
beforeAll(() => { result = loadFixtureSession('side').result; });
afterEach(cleanup);

describe('Timeline', () => {
  it('marks every event once, on its own foot’s row, strikes and toe-offs distinguishable', () => {
    render(<Timeline events={result.events} durationSec={result.video.durationSec} currentTimeSec={0} onSeek={() => {}} />);
    const marks = screen.getAllByTestId('timeline-event');
    expect(marks).toHaveLength(result.events.length);
    for (const side of ['left', 'right'] as const) {
      for (const type of ['footStrike', 'toeOff'] as const) {
        const expected = result.events.filter((e) => e.side === side && e.type === type).length;
        expect(expected).toBeGreaterThan(5);
        const found = marks.filter((m) => m.dataset.side === side && m.dataset.type === type);
        expect(found).toHaveLength(expected);
        // Each mark lives in its foot's row and says what it is in words (not colour alone).
        found.forEach((m) => {
          expect(m.closest('.timeline-track')!.getAttribute('data-side')).toBe(side);
          expect(m.getAttribute('aria-label')).toMatch(side === 'left' ? /^Left / : /^Right /);
          expect(m.getAttribute('aria-label')).toContain(type === 'footStrike' ? 'foot strike' : 'toe-off');
          expect(m.className).toContain(type);
        });
      }
    }
  });

  it('places marks in proportion to time', () => {
    const ev = result.events[3]!;
    render(<Timeline events={[ev]} durationSec={10} currentTimeSec={0} onSeek={() => {}} />);
    const mark = screen.getByTestId('timeline-event');
    expect(parseFloat(mark.style.left)).toBeCloseTo((ev.timeSec / 10) * 100, 2);
  });

  it('seeks to an event’s exact time when its mark is clicked, and to the clicked place on the track', () => {
    const onSeek = vi.fn();
    render(<Timeline events={result.events} durationSec={10} currentTimeSec={2} onSeek={onSeek} />);
    const strike = screen.getAllByTestId('timeline-event').find((m) => m.dataset.type === 'footStrike' && m.dataset.side === 'right')!;
    fireEvent.click(strike);
    expect(onSeek).toHaveBeenCalledTimes(1);
    expect(onSeek).toHaveBeenLastCalledWith(Number(strike.dataset.timeSec));
    const track = strike.closest('.timeline-track') as HTMLElement;
    track.getBoundingClientRect = () => ({ left: 100, width: 500, top: 0, height: 20, right: 600, bottom: 20, x: 100, y: 0, toJSON: () => ({}) });
    fireEvent.click(track, { clientX: 350 });
    expect(onSeek).toHaveBeenCalledTimes(2);
    expect(onSeek.mock.calls[1]![0]).toBeCloseTo(5, 6);
  });
});
