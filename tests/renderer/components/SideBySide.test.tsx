// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { DropZone } from '../../../src/renderer/components/DropZone';
import { StanceCompare } from '../../../src/renderer/components/StanceCompare';
import { stanceWindows } from '../../../src/renderer/format/eventNav';
import type { AnalysisResult, PoseTrack } from '../../../src/shared/contract';
import { loadFixtureSession } from '../loadFixtureSession';
import { stubMediaAndCanvas } from '../stubMediaAndCanvas';

let result: AnalysisResult;
let track: PoseTrack;
beforeAll(() => {
  ({ result, track } = loadFixtureSession('side'));
  stubMediaAndCanvas();
});
afterEach(cleanup);

describe('StanceCompare', () => {
  it('puts a left stance next to the following right stance, with their contact times; no mirroring in a side view', () => {
    render(<StanceCompare videoSrc="clip.mp4" result={result} track={track} />);
    const view = screen.getByTestId('stance-compare');
    const left = stanceWindows(result.events, 'left');
    const l = left[Math.floor(left.length / 2)]!;
    const r = stanceWindows(result.events, 'right').find((w) => w.startSec > l.startSec)!;
    const captions = [...view.querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(captions).toEqual([
      `Left stance · contact ${Math.round((l.endSec - l.startSec) * 1000)} ms`,
      `Right stance · contact ${Math.round((r.endSec - r.startSec) * 1000)} ms`,
    ]);
    expect(view.querySelectorAll('video')).toHaveLength(2);
    // From the side, mirroring would only turn the runner around (issue 13): not offered.
    expect(screen.queryByTestId('mirror-toggle')).toBeNull();
  });

  it('states no contact time for a foot whose toe-offs the clip could not time (the demo clip\'s far foot)', () => {
    const demo = parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'utf8'), { name: 'demo' });
    const analysed = analyseTrack(demo, { view: 'auto' }, { path: 'demo.mp4', fps: 30, durationSec: 12, width: demo.width, height: demo.height });
    render(<StanceCompare videoSrc="clip.mp4" result={analysed} track={demo} />);
    const captions = [...screen.getByTestId('stance-compare').querySelectorAll('figcaption')].map((c) => c.textContent);
    expect(captions[0]).toMatch(/^Left stance · contact \d+ ms$/);
    expect(captions[1]).toBe('Right stance · contact not timed (its toe-offs)');
  });

  it('mirrors the right stance on request in a rear view', () => {
    render(<StanceCompare videoSrc="clip.mp4" result={{ ...result, view: 'rear' }} track={track} />);
    const view = screen.getByTestId('stance-compare');
    fireEvent.click(screen.getByTestId('mirror-toggle'));
    expect(view.querySelectorAll('figcaption')[1]!.textContent).toContain('(mirrored)');
    expect((view.querySelectorAll('.phase-mirror')[1] as HTMLElement).style.transform).toBe('scaleX(-1)');
    expect((view.querySelectorAll('.phase-mirror')[0] as HTMLElement).style.transform).toBe('');
  });

  it('steps both panels one frame with the arrow keys, the second at the same phase', () => {
    render(<StanceCompare videoSrc="clip.mp4" result={result} track={track} />);
    const frames = (): number[] => screen.getAllByTestId('phase-panel').map((p) => Number(p.getAttribute('data-frame')));
    fireEvent.click(screen.getByTestId('loop-play')); // pause the loop at phase 0
    const start = frames();
    expect(start.every(Number.isFinite)).toBe(true);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    const after = frames();
    expect(after[0]).toBe(start[0]! + 2);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(frames()[0]).toBe(start[0]! + 1);
    // on the focused phase slider the arrows are frame steps too
    fireEvent.keyDown(screen.getByLabelText('Phase'), { key: 'ArrowRight' });
    expect(frames()[0]).toBe(start[0]! + 2);
    fireEvent.keyDown(screen.getByLabelText('Phase'), { key: 'ArrowLeft' });
    // The second stance is as long within a frame or two: it moves by about as many frames.
    expect(Math.abs(after[1]! - start[1]! - 2)).toBeLessThanOrEqual(1);
  });
});

describe('DropZone', () => {
  it('takes a dropped video and refuses other files', () => {
    const onFile = vi.fn();
    render(<DropZone onFile={onFile} />);
    const zone = screen.getByTestId('drop-zone');
    const video = new File(['v'], 'Run.MOV');
    fireEvent.drop(zone, { dataTransfer: { files: [video] } });
    expect(onFile).toHaveBeenCalledWith(video);
    fireEvent.drop(zone, { dataTransfer: { files: [new File(['x'], 'report.pdf')] } });
    expect(onFile).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('report.pdf');
  });
});
