// @vitest-environment jsdom
// The review screen's live angles: the analysis's own formulas, and no angle for joints the model only guessed.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AngleReadout } from '../../../src/renderer/components/AngleReadout';
import { kneeFlexionDeg } from '../../../src/shared/jointAngles';
import type { AnalysisResult, PoseTrack } from '../../../src/shared/contract';

afterEach(cleanup);

// Two frames; the right leg's knee is seen at frame 1 only (score 0.9), hidden at frame 0 (0.1: behind the near leg).
const point = (x: number, y: number, score: [number, number]) => ({ x: [x, x], y: [y, y], score });
const track: PoseTrack = {
  timesSec: [0, 1 / 30], width: 640, height: 480, source: { kind: 'pose-model', model: 'heavy', backend: 'onnx' },
  keypoints: {
    left_hip: point(300, 200, [0.99, 0.99]), left_knee: point(320, 300, [0.99, 0.99]), left_ankle: point(300, 400, [0.99, 0.99]),
    right_hip: point(300, 200, [0.9, 0.9]), right_knee: point(280, 300, [0.1, 0.9]), right_ankle: point(330, 390, [0.9, 0.9]),
  },
};
const result = { view: 'side', facing: 'imageRight', events: [] } as unknown as AnalysisResult;

describe('AngleReadout (side view)', () => {
  it('gives both knees where both legs are seen, by the analysis\'s formula', () => {
    render(<AngleReadout result={result} track={track} frame={1} pelvis={null} />);
    const right = kneeFlexionDeg(track, 'right', 1 / 30);
    expect(right).toBeGreaterThan(5);
    expect(screen.getByTestId('readout-knee-right').textContent).toContain(`${right.toFixed(1)}°`);
    expect(screen.getByTestId('readout-shank-right').textContent).not.toContain('not seen');
  });

  it('says "not seen" for a leg whose knee the model only guessed at this frame, never a number', () => {
    render(<AngleReadout result={result} track={track} frame={0} pelvis={null} />);
    expect(screen.getByTestId('readout-knee-right').textContent).toBe('R not seen ');
    expect(screen.getByTestId('readout-shank-right').textContent).toBe('R not seen ');
    expect(screen.getByTestId('readout-knee-left').textContent).toMatch(/^L \d+\.\d°/);
  });
});
