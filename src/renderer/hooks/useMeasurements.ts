// The measurements drawn on a clip, kept with its analysis: saved in this browser under the job's id, so they are
// there again when the analysis is reopened (the clip and the result are the job's; so are its drawings).
import { useCallback, useEffect, useState } from 'react';
import { parseMeasurements, POINTS_NEEDED, type MeasureKind, type Measurement, type Pt } from '../draw/measureGeometry';

function storageKey(jobKey: string): string {
  return `lopsided:measurements:${jobKey}`;
}

function load(jobKey: string): Measurement[] {
  try { return parseMeasurements(window.localStorage.getItem(storageKey(jobKey))); } catch { return []; }
}

export interface MeasurementsState {
  all: Measurement[];
  tool: MeasureKind | null;
  drawing: Measurement | null;
  chooseTool: (tool: MeasureKind | null) => void;
  addPoint: (p: Pt, frame: number) => void;
  removeOnFrame: (frame: number) => void;
  remove: (id: string) => void;
}

export function useMeasurements(jobKey: string): MeasurementsState {
  const [all, setAll] = useState<Measurement[]>(() => load(jobKey));
  const [tool, setTool] = useState<MeasureKind | null>(null);
  const [drawing, setDrawing] = useState<Measurement | null>(null);
  useEffect(() => { setAll(load(jobKey)); setDrawing(null); }, [jobKey]);

  const save = useCallback((next: Measurement[]) => {
    setAll(next);
    try { window.localStorage.setItem(storageKey(jobKey), JSON.stringify(next)); } catch { /* storage full or off: kept for this view */ }
  }, [jobKey]);

  const chooseTool = useCallback((t: MeasureKind | null) => { setTool(t); setDrawing(null); }, []);
  const addPoint = useCallback((p: Pt, frame: number) => {
    if (!tool) return;
    const current = drawing && drawing.frame === frame ? drawing : { id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`, kind: tool, frame, points: [] };
    const next = { ...current, points: [...current.points, p] };
    if (next.points.length >= POINTS_NEEDED[tool]) { save([...all, next]); setDrawing(null); }
    else setDrawing(next);
  }, [tool, drawing, all, save]);
  const removeOnFrame = useCallback((frame: number) => save(all.filter((m) => m.frame !== frame)), [all, save]);
  const remove = useCallback((id: string) => save(all.filter((m) => m.id !== id)), [all, save]);
  return { all, tool, drawing, chooseTool, addPoint, removeOnFrame, remove };
}
