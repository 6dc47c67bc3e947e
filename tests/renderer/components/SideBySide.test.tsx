// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
  it('puts a left stance next to the following right stance, with their contact times, and mirrors on request', () => {
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
    fireEvent.click(screen.getByTestId('mirror-toggle'));
    expect(view.querySelectorAll('figcaption')[1]!.textContent).toContain('(mirrored)');
    expect((view.querySelectorAll('.phase-mirror')[1] as HTMLElement).style.transform).toBe('scaleX(-1)');
    expect((view.querySelectorAll('.phase-mirror')[0] as HTMLElement).style.transform).toBe('');
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
