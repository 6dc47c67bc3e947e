// The measurements drawn on a clip, kept with its analysis: loaded from and saved to the job's folder through the
// API (measurements.json), so they are there again when the analysis is reopened, in any browser or the app.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FrameMeasurement } from '../../shared/api';
import { POINTS_NEEDED, type MeasureKind, type Pt } from '../draw/measureGeometry';

/** Where a job's measurements live; absent → kept in this view only. */
export interface MeasurementStore {
  load: () => Promise<FrameMeasurement[]>;
  save: (list: FrameMeasurement[]) => Promise<void>;
}

export interface MeasurementsState {
  all: FrameMeasurement[];
  tool: MeasureKind | null;
  drawing: FrameMeasurement | null;
  saveError: string | null;
  chooseTool: (tool: MeasureKind | null) => void;
  addPoint: (p: Pt, frame: number) => void;
  removeOnFrame: (frame: number) => void;
  /** Pins a measurement to the PDF report's key frames, or unpins it (the PDF is drawn again). */
  togglePin: (id: string) => void;
}

export function useMeasurements(store: MeasurementStore | undefined): MeasurementsState {
  const [all, setAll] = useState<FrameMeasurement[]>([]);
  const [tool, setTool] = useState<MeasureKind | null>(null);
  const [drawing, setDrawing] = useState<FrameMeasurement | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const storeRef = useRef(store);
  storeRef.current = store;
  useEffect(() => {
    let stale = false;
    setAll([]); setDrawing(null);
    store?.load().then((list) => { if (!stale) setAll(list); }).catch(() => undefined);
    return () => { stale = true; };
  }, [store]);

  const save = useCallback((next: FrameMeasurement[]) => {
    setAll(next);
    storeRef.current?.save(next).then(() => setSaveError(null))
      .catch(() => setSaveError('The drawings could not be saved with the analysis; they stay on screen until you leave.'));
  }, []);

  const chooseTool = useCallback((t: MeasureKind | null) => { setTool(t); setDrawing(null); }, []);
  const addPoint = useCallback((p: Pt, frame: number) => {
    if (!tool) return;
    const current: FrameMeasurement = drawing && drawing.frame === frame
      ? drawing : { id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`, kind: tool, frame, points: [] };
    const next = { ...current, points: [...current.points, p] };
    if (next.points.length >= POINTS_NEEDED[tool]) { save([...all, next]); setDrawing(null); }
    else setDrawing(next);
  }, [tool, drawing, all, save]);
  const removeOnFrame = useCallback((frame: number) => save(all.filter((m) => m.frame !== frame)), [all, save]);
  const togglePin = useCallback((id: string) => save(all.map((m) => (m.id === id ? { ...m, pinned: !m.pinned } : m))), [all, save]);
  return { all, tool, drawing, saveError, chooseTool, addPoint, removeOnFrame, togglePin };
}
