// Correct the events by hand (issue 13), frame by frame as a Kinovea user would: a strip of the frames around the
// one on screen with each foot's strikes and toe-offs; click an event to select it (the video shows its frame), then
// nudge it with [ and ] (Shift: 5 frames) or the buttons, or drag it along the strip; Delete removes it; an event can
// be added on the frame on screen. Numbers, flags and verdict recompute at once; edits are saved with the analysis.
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { GaitEvent, GaitEventType, Side } from '../../shared/contract';
import { nearestFrame } from '../../analysis/analyseWithEvents';
import { addEvent, deleteEvent, findSame, movedEvent, replaceEvent } from '../format/eventEdits';
import { SIDE_COLOUR, SIDE_LABEL, SIDES } from '../format/sideStyle';
import type { EventEditing } from '../hooks/useEventEdits';
import { StepTable } from './StepTable';
import './eventEditor.css';

export interface EventEditorProps {
  editing: EventEditing;
  timesSec: readonly number[];
  /** Frame on screen. */
  frame: number;
  onSeekFrame: (frame: number) => void;
}

/** Frames shown each side of the centre: at 30 fps about half a second, a contact and its flight. */
const HALF_WINDOW = 15;
const TYPE_WORD: Record<GaitEventType, string> = { footStrike: 'foot strike', toeOff: 'toe-off' };
const STATUS_WORD = { idle: '', saving: 'Saving…', saved: 'Saved with the analysis', error: 'Not saved' } as const;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}

interface Drag { ev: GaitEvent; startX: number; pxPerFrame: number; delta: number; pointerId: number }

export function EventEditor({ editing, timesSec, frame, onSeekFrame }: EventEditorProps) {
  const { events, change, selected, select: setSelected } = editing;
  const [drag, setDrag] = useState<Drag | null>(null);
  const [frozenCentre, setFrozenCentre] = useState<number | null>(null);
  const stripRef = useRef<HTMLDivElement | null>(null);
  const n = timesSec.length;
  const centre = frozenCentre ?? frame;
  const start = Math.max(0, Math.min(Math.max(0, n - (2 * HALF_WINDOW + 1)), centre - HALF_WINDOW));
  const end = Math.min(n - 1, start + 2 * HALF_WINDOW);
  const span = end - start + 1;
  const sel = findSame(events, selected);
  const frameOf = useCallback((t: number) => nearestFrame(timesSec, t), [timesSec]);

  const periodAt = (f: number): number => (f + 1 < n
    ? (timesSec[f + 1] as number) - (timesSec[f] as number)
    : (timesSec[f] as number) - (timesSec[f - 1] as number)) || 1 / 30;
  /** Position of a time on the strip, as a fraction of its width (the frame's cell centre at its frame time). */
  const place = (ev: GaitEvent, deltaFrames = 0): number => {
    const offset = (ev.timeSec - (timesSec[ev.frame] as number)) / periodAt(ev.frame);
    return (ev.frame + deltaFrames - start + 0.5 + offset) / span;
  };

  const move = useCallback((ev: GaitEvent, delta: number) => {
    if (delta === 0) return;
    const next = movedEvent(ev, delta, timesSec);
    if (next.frame === ev.frame) return;
    change(replaceEvent(events, ev, next));
    setSelected(next);
    onSeekFrame(next.frame);
  }, [change, events, timesSec, onSeekFrame]);

  const remove = useCallback((ev: GaitEvent) => {
    change(deleteEvent(events, ev));
    setSelected(null);
  }, [change, events]);

  const add = (side: Side, type: GaitEventType): void => {
    const r = addEvent(events, side, type, frame, timesSec);
    if (r === null) return;
    change(r.events);
    setSelected(r.added);
  };

  const select = (ev: GaitEvent): void => {
    setSelected(ev);
    onSeekFrame(ev.frame);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (sel === null || isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === '[' || e.key === '{') { e.preventDefault(); move(sel, e.shiftKey || e.key === '{' ? -5 : -1); }
      else if (e.key === ']' || e.key === '}') { e.preventDefault(); move(sel, e.shiftKey || e.key === '}' ? 5 : 1); }
      else if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); remove(sel); }
      else if (e.key === 'Escape') setSelected(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sel, move, remove]);

  const onPointerDown = (ev: GaitEvent) => (e: ReactPointerEvent<HTMLButtonElement>): void => {
    const width = stripRef.current?.getBoundingClientRect().width ?? 0;
    if (width <= 0 || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setSelected(ev);
    setFrozenCentre(frame); // the strip holds still under the pointer while dragging
    setDrag({ ev, startX: e.clientX, pxPerFrame: width / span, delta: 0, pointerId: e.pointerId });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>): void => {
    if (drag === null || e.pointerId !== drag.pointerId) return;
    const delta = Math.round((e.clientX - drag.startX) / drag.pxPerFrame);
    const clamped = Math.max(-drag.ev.frame, Math.min(n - 1 - drag.ev.frame, delta));
    if (clamped !== drag.delta) setDrag({ ...drag, delta: clamped });
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLButtonElement>): void => {
    if (drag === null || e.pointerId !== drag.pointerId) return;
    const { ev, delta } = drag;
    setDrag(null);
    setFrozenCentre(null);
    if (delta === 0) select(ev);
    else move(ev, delta);
  };

  const ticks: number[] = [];
  for (let f = start; f <= end; f++) ticks.push(f);
  const hand = events.filter((e) => e.correctedByHand === true).length;
  return (
    <section className="event-editor" data-testid="event-editor" aria-label="Correct events by hand">
      <div className="event-strip" ref={stripRef} data-start-frame={start} data-end-frame={end}>
        <div className="event-strip-frames" aria-hidden="true">
          {ticks.map((f) => (
            <div key={f} className={f === frame ? 'event-strip-frame current' : 'event-strip-frame'} style={{ left: `${((f - start) / span) * 100}%`, width: `${100 / span}%` }}>
              {f % 5 === 0 && <span className="event-strip-number">{f}</span>}
            </div>
          ))}
        </div>
        {SIDES.map((side) => (
          <div key={side} className="event-strip-row" data-side={side}>
            <span className="event-strip-label" style={{ color: SIDE_COLOUR[side] }}>{SIDE_LABEL[side]}</span>
            <div className="event-strip-lane">
              {events.filter((ev) => ev.side === side && ev.frame >= start - 5 && ev.frame <= end + 5).map((ev) => {
                const dragging = drag !== null && drag.ev === ev;
                const x = place(ev, dragging ? drag.delta : 0);
                if (x < 0 || x > 1) return null;
                const isSel = sel === ev;
                return (
                  <button key={`${ev.type}-${ev.timeSec}`} type="button" data-testid="edit-event"
                    className={`edit-event ${ev.type}${isSel ? ' selected' : ''}${ev.correctedByHand ? ' by-hand' : ''}${dragging ? ' dragging' : ''}`}
                    data-side={ev.side} data-type={ev.type} data-frame={ev.frame} data-time-sec={ev.timeSec}
                    data-selected={isSel} data-corrected={ev.correctedByHand === true}
                    style={{ left: `${x * 100}%`, ...(ev.type === 'footStrike' ? { background: SIDE_COLOUR[side] } : { borderColor: SIDE_COLOUR[side] }) }}
                    title={`${SIDE_LABEL[side]} ${TYPE_WORD[ev.type]}, frame ${ev.frame}${ev.correctedByHand ? ' (corrected by hand)' : ''}: click to select, drag to move`}
                    aria-label={`${SIDE_LABEL[side]} ${TYPE_WORD[ev.type]} at frame ${ev.frame}${ev.correctedByHand ? ', corrected by hand' : ''}`}
                    aria-pressed={isSel}
                    onPointerDown={onPointerDown(ev)} onPointerMove={onPointerMove} onPointerUp={onPointerUp}
                    onPointerCancel={() => { setDrag(null); setFrozenCentre(null); }}
                    onKeyDown={(e) => { if (e.key === 'Enter') select(ev); }} />
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <div className="event-editor-bar">
        <span className="selected-event" data-testid="selected-event" data-frame={sel?.frame ?? ''}>
          {sel
            ? <><strong style={{ color: SIDE_COLOUR[sel.side] }}>{SIDE_LABEL[sel.side]} {TYPE_WORD[sel.type]}</strong> · frame {sel.frame} · {(sel.timeSec * 1000).toFixed(1)} ms{sel.correctedByHand ? ' · corrected by hand' : ''}</>
            : <span className="muted">Click an event on the strip to correct it.</span>}
        </span>
        <span className="event-editor-buttons" role="group" aria-label="Move the selected event">
          <button type="button" data-testid="event-earlier" disabled={sel === null || sel.frame === 0} onClick={() => sel && move(sel, -1)} title="One frame earlier ([)">◀ 1 frame</button>
          <button type="button" data-testid="event-later" disabled={sel === null || sel.frame >= n - 1} onClick={() => sel && move(sel, 1)} title="One frame later (])">1 frame ▶</button>
          <button type="button" data-testid="event-delete" disabled={sel === null} onClick={() => sel && remove(sel)} title="Delete the event (Delete)">Delete</button>
        </span>
        <span className="event-editor-buttons" role="group" aria-label={`Add an event on frame ${frame}`}>
          <span className="muted small">Add on frame {frame}:</span>
          {SIDES.map((side) => (['footStrike', 'toeOff'] as const).map((type) => (
            <button key={`${side}-${type}`} type="button" data-testid="add-event" data-side={side} data-type={type}
              onClick={() => add(side, type)} title={`Add a ${side} ${TYPE_WORD[type]} on frame ${frame}`}>
              + {side === 'left' ? 'L' : 'R'} {type === 'footStrike' ? 'strike' : 'toe-off'}
            </button>
          )))}
        </span>
      </div>
      <div className="event-editor-bar">
        <button type="button" data-testid="event-undo" disabled={!editing.canUndo} onClick={editing.undo}>Undo</button>
        <button type="button" data-testid="revert-events" disabled={!editing.corrected} onClick={() => { setSelected(null); void editing.revert(); }}>
          Revert to the detected events
        </button>
        <span className="event-save-status" data-testid="event-save-status" data-status={editing.status} data-corrected={editing.corrected} role="status">
          {editing.corrected ? `${hand} event${hand === 1 ? '' : 's'} corrected by hand. ` : 'Detected events. '}
          {STATUS_WORD[editing.status]}
          {editing.error && <span className="error-text"> — {editing.error.message}</span>}
        </span>
      </div>
      <p className="muted small event-editor-help">
        [ and ] move the selected event one frame (Shift: five), Delete removes it, or drag it along the strip. Metrics,
        intervals, flags and the verdict follow at once{editing.recomputeMs !== null ? ` (recomputed in ${Math.round(editing.recomputeMs)} ms)` : ''};
        an event set by eye is taken as good to one frame.
      </p>
      {editing.result.view === 'rear' && editing.result.timing?.basis === 'clip' && (
        <p className="muted small" data-testid="rear-events-note">
          From behind a strike or toe-off shows only as the foot&apos;s fall and lift, so these marks are coarse (a pose
          model&apos;s can sit a tenth of a second early): they bound the stances whose hip drop is read at the
          pelvis&apos;s lowest point, and no contact, flight or step time is measured from them. Film from the side to
          time the steps.
        </p>
      )}
      <StepTable result={editing.result} timeSec={timesSec[frame] ?? 0} frameOf={frameOf} />
    </section>
  );
}
