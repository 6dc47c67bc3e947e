// The drawings of the measuring tools over the picture (inside the zoomed stage, in video pixels through a
// viewBox, so they zoom with the frame), and the clicks that place their points while a tool is chosen.
import type { PointerEvent as ReactPointerEvent } from 'react';
import { measureLabel, measureLabelAnchor, type Measurement, type Pt } from '../draw/measureGeometry';

export interface MeasureLayerProps {
  width: number;
  height: number;
  /** Measurements of the frame on screen, plus the one being drawn. */
  shown: readonly Measurement[];
  drawing: Measurement | null;
  active: boolean;
  onPoint: (p: Pt) => void;
}

const COLOUR = '#00e5ff';

function Drawing({ m, unit }: { m: Measurement; unit: number }) {
  const pts = m.points;
  const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const anchor = measureLabelAnchor(m);
  const text = measureLabel(m);
  const ref = m.kind !== 'angle' && pts.length === 2 ? pts[0]! : null;
  return (
    <g data-testid="measurement" data-kind={m.kind} data-value={text}>
      {ref && (m.kind === 'vertical'
        ? <line x1={ref.x} y1={ref.y - unit * 30} x2={ref.x} y2={ref.y + unit * 30} stroke="#fff" strokeDasharray={`${unit * 3} ${unit * 2}`} strokeWidth={unit * 0.8} />
        : <line x1={ref.x - unit * 30} y1={ref.y} x2={ref.x + unit * 30} y2={ref.y} stroke="#fff" strokeDasharray={`${unit * 3} ${unit * 2}`} strokeWidth={unit * 0.8} />)}
      <path d={path} fill="none" stroke="rgba(0,0,0,0.6)" strokeWidth={unit * 2.2} strokeLinecap="round" strokeLinejoin="round" />
      <path d={path} fill="none" stroke={COLOUR} strokeWidth={unit * 1.2} strokeLinecap="round" strokeLinejoin="round" />
      {pts.map((p, i) => <circle key={i} cx={p.x} cy={p.y} r={unit * 2} fill={COLOUR} stroke="#000" strokeWidth={unit * 0.5} />)}
      {anchor && text && (
        <text x={anchor.x + unit * 5} y={anchor.y - unit * 5} fontSize={unit * 12} fontWeight={700} fill="#fff" stroke="#000"
          strokeWidth={unit * 2.5} paintOrder="stroke" fontFamily="system-ui, sans-serif">{text}</text>
      )}
    </g>
  );
}

export function MeasureLayer({ width, height, shown, drawing, active, onPoint }: MeasureLayerProps) {
  // Sizes in video pixels, scaled like the skeleton's lines so a 4K clip and a phone clip read alike.
  const unit = Math.max(1.5, width / 500);
  const place = (e: ReactPointerEvent<SVGSVGElement>): void => {
    if (!active) return;
    const svg = e.currentTarget;
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    // The screen matrix includes the zoom/pan transform of the stage: the point lands where the user clicked.
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    onPoint({ x: Math.max(0, Math.min(width, p.x)), y: Math.max(0, Math.min(height, p.y)) });
  };
  return (
    <svg className={active ? 'measure-layer active' : 'measure-layer'} data-measuring={active ? 'true' : undefined}
      data-testid="measure-layer" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" onPointerDown={place}>
      {shown.map((m) => <Drawing key={m.id} m={m} unit={unit} />)}
      {drawing && <Drawing m={drawing} unit={unit} />}
    </svg>
  );
}
