// @vitest-environment jsdom
// The review screen wired together: keys and buttons move the real <video> and the frame indicator follows the
// track's frame times; strike jumps land on the result's foot strikes. Charts are replaced (jsdom has no canvas).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult, PoseTrack } from '../../../src/shared/contract';
import { loadFixtureSession } from '../loadFixtureSession';
import { stubMediaAndCanvas } from '../stubMediaAndCanvas';

vi.mock('../../../src/renderer/charts/ChartsPanel', () => ({ ChartsPanel: () => <section data-testid="charts" /> }));
const { ReviewScreen } = await import('../../../src/renderer/components/ReviewScreen');

let result: AnalysisResult;
let track: PoseTrack;
beforeAll(() => {
  ({ result, track } = loadFixtureSession('side'));
  stubMediaAndCanvas();
});
afterEach(cleanup);

const indicator = () => screen.getByTestId('frame-indicator');
const frameShown = () => Number(indicator().dataset.frame);

describe('ReviewScreen', () => {
  it('steps frame by frame with the keys and the buttons', () => {
    render(<ReviewScreen videoSrc="clip.mp4" result={result} track={track} />);
    const video = screen.getByTestId('video-player') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('clip.mp4');
    expect(frameShown()).toBe(0);
    act(() => { fireEvent.keyDown(window, { key: 'ArrowRight' }); });
    expect(frameShown()).toBe(1);
    act(() => { fireEvent.keyDown(window, { key: 'ArrowRight' }); });
    act(() => { fireEvent.click(screen.getByTestId('step-forward')); });
    expect(frameShown()).toBe(3);
    // The video itself was moved to a time inside frame 3.
    expect(video.currentTime).toBeGreaterThan(track.timesSec[3]!);
    expect(video.currentTime).toBeLessThan(track.timesSec[4]!);
    act(() => { fireEvent.keyDown(window, { key: 'ArrowLeft' }); });
    expect(frameShown()).toBe(2);
    // Two presses before React re-renders still move two frames.
    act(() => { fireEvent.keyDown(window, { key: 'ArrowRight' }); fireEvent.keyDown(window, { key: 'ArrowRight' }); });
    expect(frameShown()).toBe(4);
  });

  it('jumps to the next and previous foot strike of the result', () => {
    render(<ReviewScreen videoSrc="clip.mp4" result={result} track={track} />);
    const strikes = result.events.filter((e) => e.type === 'footStrike').map((e) => e.timeSec).sort((a, b) => a - b);
    act(() => { fireEvent.click(screen.getByTestId('next-strike')); });
    expect(Number(indicator().dataset.timeSec)).toBeCloseTo(strikes[0]!, 3);
    act(() => { fireEvent.click(screen.getByTestId('next-strike')); });
    expect(Number(indicator().dataset.timeSec)).toBeCloseTo(strikes[1]!, 3);
    expect(frameShown()).toBe(result.events.find((e) => e.type === 'footStrike' && e.timeSec === strikes[1])!.frame);
    act(() => { fireEvent.click(screen.getByTestId('prev-strike')); });
    expect(Number(indicator().dataset.timeSec)).toBeCloseTo(strikes[0]!, 3);
  });

  it('seeks when a timeline mark is clicked and shows the legend', () => {
    render(<ReviewScreen videoSrc="clip.mp4" result={result} track={track} />);
    const toeOff = screen.getAllByTestId('timeline-event').find((m) => m.dataset.type === 'toeOff' && m.dataset.side === 'left')!;
    act(() => { fireEvent.click(toeOff); });
    expect(Number(indicator().dataset.timeSec)).toBeCloseTo(Number(toeOff.dataset.timeSec), 3);
    expect(screen.getByTestId('skeleton-legend').textContent).toMatch(/Left.*Right/);
  });
});
