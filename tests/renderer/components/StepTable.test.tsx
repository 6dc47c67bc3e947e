// @vitest-environment jsdom
// The steps near the frame on the review screen: a foot's values resting on events the clip could not time are
// greyed with the reason, the others shown as measured.
import { cleanup, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { StepTable } from '../../../src/renderer/components/StepTable';

afterEach(cleanup);

describe('StepTable', () => {
  it('greys the toe-off, contact and flight of a foot whose toe-offs this clip cannot time, not its step time nor the other foot', () => {
    // the demo clip's stored BlazePose heavy track: the far (right) foot's toe-offs are not timed
    const track = parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'utf8'), { name: 'demo.csv' });
    const result = analyseTrack(track, { view: 'auto' }, { path: 'demo.mp4', fps: 30, durationSec: 12, width: 720, height: 1280 });
    expect(result.timing!.evidence.right.toeOff.wandering || result.timing!.evidence.right.toeOff.pixelDisagrees === true || result.timing!.evidence.right.toeOff.hidden).toBe(true);
    render(<StepTable result={result} timeSec={4} frameOf={(t) => Math.round(t * 30)} />);
    const rows = screen.getAllByTestId('step-row');
    const right = rows.filter((r) => r.dataset.side === 'right');
    const left = rows.filter((r) => r.dataset.side === 'left');
    expect(right.length).toBeGreaterThan(1);
    expect(left.length).toBeGreaterThan(1);
    for (const r of right) {
      expect(r.querySelector('[data-cell="contact"]')!.getAttribute('data-untimed')).toBe('true');
      expect(r.querySelector('[data-cell="contact"]')!.getAttribute('title')).toMatch(/^Not timed: The right foot /);
      expect(r.querySelector('[data-cell="step"]')!.getAttribute('data-untimed')).toBeNull();
      expect(r.querySelector('[data-cell="toe-off-frame"]')!.getAttribute('data-untimed')).toBe('true');
      expect(r.querySelector('[data-cell="strike-frame"]')!.getAttribute('data-untimed')).toBeNull();
    }
    for (const r of left) expect(r.querySelector('[data-cell="contact"]')!.getAttribute('data-untimed')).toBeNull();
  });

  it('from behind: no contact, flight or step column (not measured there), each stance\'s hip drop instead', () => {
    // the rendered rear clip's pipeline track (pelvis marks included): its feet are timed ~100 ms early
    const track = JSON.parse(readFileSync('fixtures/posetracks/RBDS008_T35_rear.pelvis-track.json', 'utf8')) as Parameters<typeof analyseTrack>[0];
    const result = analyseTrack(track, { view: 'rear' }, { path: 'rear.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 });
    render(<StepTable result={result} timeSec={4} frameOf={(t) => Math.round(t * 60)} />);
    const table = screen.getByTestId('step-table');
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    expect(headers.some((h) => /contact|flight|step time/i.test(h))).toBe(false);
    expect(headers.some((h) => /hip drop/i.test(h))).toBe(true);
    const rows = screen.getAllByTestId('step-row');
    expect(rows.length).toBeGreaterThan(4);
    for (const r of rows) {
      expect(r.querySelector('[data-cell="contact"]')).toBeNull();
      expect(r.querySelector('[data-cell="hip-drop"]')!.textContent).toMatch(/^-?\d+\.\d$/);
    }
  });
});
