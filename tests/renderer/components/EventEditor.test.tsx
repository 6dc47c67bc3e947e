// @vitest-environment jsdom
// The event editor over a real analysis of the demo clip's BlazePose track (issue 13): select a strike, move it by
// key, button and drag, add and delete events, undo and revert; the step table and the result recompute at once and
// every change is sent to the engine.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../../src/renderer/components/Timeline';
import { analyseTrack } from '../../../src/analysis/analyseTrack';
import { parseKeypointCsv } from '../../../src/analysis/keypointCsv';
import { EventEditor } from '../../../src/renderer/components/EventEditor';
import { useEventEdits } from '../../../src/renderer/hooks/useEventEdits';
import type { JobSummary, LopsidedApi } from '../../../src/shared/api';
import type { AnalysisResult, GaitEvent, PoseTrack } from '../../../src/shared/contract';

let track: PoseTrack;
let stored: AnalysisResult;
beforeAll(() => {
  track = parseKeypointCsv(readFileSync('fixtures/posetracks/treadmill_side_30fps.blazepose-heavy.csv', 'utf8'), { name: 'demo', width: 720, height: 1280 });
  stored = analyseTrack(track, { view: 'auto' }, { path: 'demo.mp4', fps: 30, durationSec: 12, width: 720, height: 1280 });
  // jsdom lays nothing out: the strip is 620 px wide, pointer capture is a no-op
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 620, height: 60, left: 0, top: 0, right: 620, bottom: 60, x: 0, y: 0, toJSON: () => ({}) });
  HTMLElement.prototype.setPointerCapture = () => undefined;
});
afterEach(cleanup);

const job = { jobId: 'job-1', options: { model: 'auto', view: 'auto' } } as JobSummary;

function Harness({ api }: { api: LopsidedApi }) {
  const [loaded] = useState(() => ({ job, result: stored, rawTrack: track }));
  const [frame, setFrame] = useState(0);
  const editing = useEventEdits(api, loaded);
  if (!editing) return null;
  return (
    <>
      <Timeline events={editing.events} durationSec={12} currentTimeSec={track.timesSec[frame]!} onSeek={(t) => setFrame(Math.round(t * 30))} onSelectEvent={editing.select} />
      <EventEditor editing={editing} timesSec={track.timesSec} frame={frame} onSeekFrame={setFrame} />
      <output data-testid="left-contact">{String(editing.result.metrics.contactTimeMs?.left)}</output>
      <output data-testid="verdict">{(editing.result.verdict ?? []).join(' ')}</output>
      <button type="button" data-testid="goto" onClick={() => setFrame(Number(prompt()))} />
    </>
  );
}

function fakeApi(): LopsidedApi & { saved: (GaitEvent[] | null)[] } {
  const saved: (GaitEvent[] | null)[] = [];
  return {
    saved,
    saveEvents: vi.fn(async (_id: string, events: GaitEvent[] | null) => { saved.push(events); return events === null ? stored : { ...stored, events }; }),
  } as unknown as LopsidedApi & { saved: (GaitEvent[] | null)[] };
}

const row = (side: string, frame: number) => document.querySelector(`[data-testid="step-row"][data-side="${side}"][data-strike-frame="${frame}"]`) as HTMLElement | null;
const contactOf = (side: string, frame: number) => Number(within(row(side, frame)!).getAllByRole('cell').find((c) => c.dataset.cell === 'contact')!.textContent);
const mark = (side: string, type: string, frame: number) => document.querySelector(`[data-testid="edit-event"][data-side="${side}"][data-type="${type}"][data-frame="${frame}"]`) as HTMLElement;

describe('EventEditor', () => {
  it('moves a strike by key, button and drag: its contact changes by exactly the frames moved, and is saved', async () => {
    const api = fakeApi();
    render(<Harness api={api} />);
    const strike = stored.events.filter((e) => e.type === 'footStrike' && e.side === 'left')[1]!;
    const frameMs = (track.timesSec[strike.frame + 1]! - track.timesSec[strike.frame]!) * 1000;
    const stepRow = stored.steps!.find((s) => s.strikeTimeSec === strike.timeSec)!;
    // the strip follows the frame on screen: select the strike by clicking it (pointer down and up in place)
    act(() => { vi.spyOn(window, 'prompt').mockReturnValue(String(strike.frame)); fireEvent.click(screen.getByTestId('goto')); });
    act(() => { fireEvent.pointerDown(mark('left', 'footStrike', strike.frame), { button: 0, clientX: 300, pointerId: 1 }); });
    act(() => { fireEvent.pointerUp(mark('left', 'footStrike', strike.frame), { clientX: 300, pointerId: 1 }); });
    expect(screen.getByTestId('selected-event').dataset.frame).toBe(String(strike.frame));
    expect(contactOf('left', strike.frame)).toBeCloseTo(stepRow.contactMs!, 1);

    act(() => { fireEvent.keyDown(window, { key: ']' }); });
    expect(contactOf('left', strike.frame + 1)).toBeCloseTo(stepRow.contactMs! - frameMs, 1);
    expect(mark('left', 'footStrike', strike.frame + 1).dataset.corrected).toBe('true');
    expect(Number(screen.getByTestId('left-contact').textContent)).not.toBeCloseTo(stored.metrics.contactTimeMs!.left!, 3);

    act(() => { fireEvent.click(screen.getByTestId('event-earlier')); });
    expect(contactOf('left', strike.frame)).toBeCloseTo(stepRow.contactMs!, 1);

    // drag two frames later: 620 px over 31 frames = 20 px a frame
    const m = mark('left', 'footStrike', strike.frame);
    act(() => { fireEvent.pointerDown(m, { button: 0, clientX: 300, pointerId: 2 }); });
    act(() => { fireEvent.pointerMove(m, { clientX: 341, pointerId: 2 }); });
    act(() => { fireEvent.pointerUp(m, { clientX: 341, pointerId: 2 }); });
    expect(contactOf('left', strike.frame + 2)).toBeCloseTo(stepRow.contactMs! - 2 * frameMs, 1);
    expect(screen.getByTestId('event-save-status').dataset.corrected).toBe('true');

    // one save for the burst of edits, with the last events, the moved strike marked
    await vi.waitFor(() => expect(api.saved.length).toBe(1), { timeout: 3000 });
    const sent = api.saved[0]!;
    expect(sent.filter((e) => e.correctedByHand)).toEqual([{ ...strike, frame: strike.frame + 2, timeSec: expect.closeTo(strike.timeSec + track.timesSec[strike.frame + 2]! - track.timesSec[strike.frame]!, 12), correctedByHand: true }]);
  });

  it('adds and deletes events, undoes, and reverts to the detected events', async () => {
    const api = fakeApi();
    render(<Harness api={api} />);
    const before = screen.getByTestId('verdict').textContent;
    const toeOff = stored.events.filter((e) => e.type === 'toeOff' && e.side === 'right')[2]!;
    // chosen on the timeline: the strip follows and shows it selected
    const onTimeline = document.querySelector(`[data-testid="timeline-event"][data-side="right"][data-type="toeOff"][data-time-sec="${toeOff.timeSec}"]`)!;
    act(() => { fireEvent.click(onTimeline); });
    expect(mark('right', 'toeOff', toeOff.frame).dataset.selected).toBe('true');
    act(() => { fireEvent.keyDown(window, { key: 'Delete' }); });
    expect(mark('right', 'toeOff', toeOff.frame)).toBeNull();
    const rightRow = stored.steps!.find((s) => s.side === 'right' && s.toeOffTimeSec === toeOff.timeSec)!;
    const strikeFrame = Math.round(rightRow.strikeTimeSec * 30);
    expect(within(row('right', strikeFrame)!).getAllByRole('cell').find((c) => c.dataset.cell === 'contact')!.textContent).toBe('—');

    // a toe-off added back by hand on the frame on screen
    const add = screen.getAllByTestId('add-event').find((b) => b.dataset.side === 'right' && b.dataset.type === 'toeOff')!;
    act(() => { fireEvent.click(add); });
    expect(mark('right', 'toeOff', toeOff.frame).dataset.corrected).toBe('true');
    expect(contactOf('right', strikeFrame)).toBeCloseTo((track.timesSec[toeOff.frame]! - rightRow.strikeTimeSec) * 1000, 1);
    // twice on the same frame is refused
    act(() => { fireEvent.click(add); });
    expect(document.querySelectorAll(`[data-testid="edit-event"][data-side="right"][data-type="toeOff"][data-frame="${toeOff.frame}"]`)).toHaveLength(1);

    act(() => { fireEvent.click(screen.getByTestId('event-undo')); });
    expect(mark('right', 'toeOff', toeOff.frame)).toBeNull();
    await act(async () => { fireEvent.click(screen.getByTestId('revert-events')); await Promise.resolve(); });
    await vi.waitFor(() => expect(screen.getByTestId('event-save-status').dataset.corrected).toBe('false'));
    expect(api.saved.at(-1)).toBeNull();
    expect(mark('right', 'toeOff', toeOff.frame).dataset.corrected).toBe('false');
    expect(screen.getByTestId('verdict').textContent).toBe(before);
  });
});

describe('EventEditor, rear view', () => {
  function RearHarness({ api, result, rawTrack }: { api: LopsidedApi; result: AnalysisResult; rawTrack: PoseTrack }) {
    const [loaded] = useState(() => ({ job, result, rawTrack }));
    const editing = useEventEdits(api, loaded);
    if (!editing) return null;
    return <EventEditor editing={editing} timesSec={rawTrack.timesSec} frame={240} onSeekFrame={() => undefined} />;
  }

  it('says the detected marks are coarse from behind and time nothing; a side view says no such thing', () => {
    // the rendered rear clip's pipeline track: BlazePose's feet from behind, strikes ~100 ms early
    const rearTrack = JSON.parse(readFileSync('fixtures/posetracks/RBDS008_T35_rear.pelvis-track.json', 'utf8')) as PoseTrack;
    const rear = analyseTrack(rearTrack, { view: 'rear' }, { path: 'rear.mp4', fps: 60, durationSec: 10, width: 1280, height: 720 });
    render(<RearHarness api={fakeApi()} result={rear} rawTrack={rearTrack} />);
    expect(screen.getByTestId('rear-events-note').textContent).toMatch(/coarse .* no contact, flight or step time is measured from them/);
    cleanup();
    render(<Harness api={fakeApi()} />);
    expect(screen.queryByTestId('rear-events-note')).toBeNull();
  });
});
