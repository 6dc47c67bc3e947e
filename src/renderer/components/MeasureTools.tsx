// The measuring tools' bar: angle between three points, a line against the vertical or the horizontal, and what
// is drawn on the frame on screen with its value (click the picture to place the points; Esc stops).
import { useEffect } from 'react';
import { measureValueDeg, POINTS_NEEDED, type MeasureKind } from '../draw/measureGeometry';
import type { MeasurementsState } from '../hooks/useMeasurements';

const TOOLS: readonly { kind: MeasureKind; label: string; hint: string }[] = [
  { kind: 'angle', label: '∠ Angle', hint: 'Click three points: the angle is at the middle one' },
  { kind: 'vertical', label: '| Line to vertical', hint: 'Click two points: the line’s angle to the image vertical' },
  { kind: 'horizontal', label: '— Line to horizontal', hint: 'Click two points: the line’s angle to the horizontal' },
];

export function MeasureTools({ state, frame }: { state: MeasurementsState; frame: number }) {
  const { tool, drawing, chooseTool } = state;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => { if (e.key === 'Escape') chooseTool(null); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chooseTool]);
  const onFrame = state.all.filter((m) => m.frame === frame);
  const left = tool ? POINTS_NEEDED[tool] - (drawing?.points.length ?? 0) : 0;
  return (
    <div className="measure-tools" role="toolbar" aria-label="Measuring tools" data-testid="measure-tools">
      {TOOLS.map((t) => (
        <button key={t.kind} type="button" data-testid={`measure-${t.kind}`} title={t.hint} aria-pressed={tool === t.kind}
          className={tool === t.kind ? 'active' : undefined} onClick={() => chooseTool(tool === t.kind ? null : t.kind)}>{t.label}</button>
      ))}
      {tool && <span className="muted small" role="status">Click {left} more point{left === 1 ? '' : 's'} on the picture (Esc to stop).</span>}
      {onFrame.length > 0 && (
        <>
          <span className="small" data-testid="measure-values">
            {onFrame.map((m) => `${measureValueDeg(m).toFixed(1)}°`).join(' · ')}
          </span>
          {onFrame.map((m) => (
            <button key={m.id} type="button" className="link small" data-testid="measure-pin" aria-pressed={m.pinned === true}
              title={m.pinned ? 'Shown among the PDF report’s key frames: click to leave it out' : 'Show this drawing among the PDF report’s key frames'}
              onClick={() => state.togglePin(m.id)}>{m.pinned ? `📌 ${measureValueDeg(m).toFixed(1)}° in the PDF` : `Pin ${measureValueDeg(m).toFixed(1)}° to the PDF`}</button>
          ))}
          <button type="button" className="link small" data-testid="measure-clear" title="Remove the drawings of this frame" onClick={() => state.removeOnFrame(frame)}>Clear</button>
        </>
      )}
      {state.all.length > onFrame.length && <span className="muted small">+{state.all.length - onFrame.length} on other frames</span>}
      {state.all.some((m) => m.pinned) && <span className="muted small" data-testid="measure-pinned-count">{state.all.filter((m) => m.pinned).length} pinned to the PDF</span>}
      {state.saveError && <span className="warn-text small" role="alert">{state.saveError}</span>}
    </div>
  );
}
