// Events corrected by hand (issue 13): the page recomputes metrics, intervals, flags and verdict at once with the
// same pure analysis the engine runs (analysis/analyseWithEvents.ts), then saves the events with the job shortly
// after (the engine rewrites report.json, the CSVs and the PDF). Undo steps back through this visit's edits; revert
// goes back to the detected events on disk too.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { prepareRecompute } from '../../analysis/analyseWithEvents';
import type { JobSummary, LopsidedApi } from '../../shared/api';
import { analysisOptionsOf } from '../../shared/analysisOptions';
import type { AnalysisResult, ErrorInfo, GaitEvent, PoseTrack } from '../../shared/contract';
import { toErrorInfo } from '../components/ErrorMessage';

/** Quiet time after the last edit before it is saved: a run of key presses is one save. */
const SAVE_DELAY_MS = 300;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface EventEditing {
  events: GaitEvent[];
  /** The analysis of the current events (the stored one until the first edit). */
  result: AnalysisResult;
  /** The events differ from the detected ones (saved, or about to be). */
  corrected: boolean;
  canUndo: boolean;
  status: SaveStatus;
  error: ErrorInfo | null;
  /** How long the last recompute took in the page, ms. */
  recomputeMs: number | null;
  /** The event being corrected (chosen on the timeline or the frame strip). */
  selected: GaitEvent | null;
  select(ev: GaitEvent | null): void;
  change(next: GaitEvent[]): void;
  undo(): void;
  revert(): Promise<void>;
  /** Resolves once every edit is saved (exports wait for it). */
  flush(): Promise<void>;
}

export interface EditableJob {
  job: JobSummary;
  result: AnalysisResult;
  /** The stored pose track as the engine analysed it (not the display copy with leg swaps applied). */
  rawTrack: PoseTrack;
}

interface State { base: AnalysisResult; events: GaitEvent[]; result: AnalysisResult; history: GaitEvent[][]; corrected: boolean }

const initial = (loaded: EditableJob): State => ({
  base: loaded.result, events: loaded.result.events, result: loaded.result, history: [], corrected: loaded.job.eventsCorrectedAtIso !== undefined,
});

export function useEventEdits(api: LopsidedApi, loaded: EditableJob | null): EventEditing | null {
  const [state, setState] = useState<State | null>(loaded ? initial(loaded) : null);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [recomputeMs, setRecomputeMs] = useState<number | null>(null);
  const [selected, setSelected] = useState<GaitEvent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const toSave = useRef<GaitEvent[] | null>(null);
  const jobId = loaded?.job.jobId ?? null;

  // a different job (or its first load): start from what is stored
  useEffect(() => {
    setState(loaded ? initial(loaded) : null);
    setSelected(null);
    setStatus('idle');
    setError(null);
  }, [jobId, loaded?.result]); // only a new job or a new load resets the edits

  const base = state?.base ?? null;
  const recompute = useMemo(() => {
    if (!loaded || !base) return null;
    let fn: ((events: readonly GaitEvent[]) => AnalysisResult) | null = null;
    // prepared on the first edit, not on load: most reviews change nothing
    return (events: readonly GaitEvent[]): AnalysisResult => (fn ??= prepareRecompute(loaded.rawTrack, analysisOptionsOf(loaded.job.options), base))(events);
  }, [loaded, base]);

  const saveNow = useCallback((): Promise<void> => {
    if (timer.current !== null) { clearTimeout(timer.current); timer.current = null; }
    const events = toSave.current;
    if (events === null || jobId === null) return inFlight.current;
    toSave.current = null;
    setStatus('saving');
    const run = inFlight.current.then(() => api.saveEvents(jobId, events)).then(
      () => { if (toSave.current === null && timer.current === null) setStatus('saved'); },
      (err: unknown) => { setStatus('error'); setError(toErrorInfo(err)); },
    );
    inFlight.current = run;
    return run;
  }, [api, jobId]);

  const change = useCallback((next: GaitEvent[]) => {
    if (!state || !recompute) return;
    const t0 = performance.now();
    let result: AnalysisResult;
    try {
      result = recompute(next);
    } catch (err) {
      setError(toErrorInfo(err));
      return;
    }
    setRecomputeMs(performance.now() - t0);
    setError(null);
    setState({ ...state, events: next, result, history: [...state.history, state.events], corrected: true });
    toSave.current = next;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    setStatus('saving');
  }, [state, recompute, saveNow]);

  const undo = useCallback(() => {
    if (!state || !recompute || state.history.length === 0) return;
    const prev = state.history[state.history.length - 1] as GaitEvent[];
    const result = recompute(prev);
    setState({ ...state, events: prev, result, history: state.history.slice(0, -1) });
    toSave.current = prev;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    setStatus('saving');
  }, [state, recompute, saveNow]);

  const revert = useCallback(async () => {
    if (jobId === null) return;
    if (timer.current !== null) { clearTimeout(timer.current); timer.current = null; }
    toSave.current = null;
    setStatus('saving');
    try {
      await inFlight.current;
      const detected = await api.saveEvents(jobId, null);
      setState({ base: detected, events: detected.events, result: detected, history: [], corrected: false });
      setStatus('saved');
      setError(null);
    } catch (err) {
      setStatus('error');
      setError(toErrorInfo(err));
    }
  }, [api, jobId]);

  const flush = useCallback(() => saveNow(), [saveNow]);

  // leaving the screen within the quiet time still saves the last edit
  const saveOnLeave = useRef(saveNow);
  saveOnLeave.current = saveNow;
  useEffect(() => () => { if (timer.current !== null) void saveOnLeave.current(); }, []);

  if (!state) return null;
  return {
    events: state.events, result: state.result, corrected: state.corrected, canUndo: state.history.length > 0,
    status, error, recomputeMs, selected, select: setSelected, change, undo, revert, flush,
  };
}
