// Screen 1: choose a clip, read its capture check, set options, start the analysis — or discard the clip
// (an uploaded copy no analysis uses would otherwise sit in the data folder; issue 15).
import { useState } from 'react';
import type { JobSummary, LopsidedApi, VideoRecord } from '../../shared/api';
import { DEFAULT_ANALYSE_OPTIONS, type AnalyseVideoOptions, type ErrorInfo } from '../../shared/contract';
import { beltSpeedToMps } from '../format/beltSpeed';
import { CaptureGuide } from './CaptureGuide';
import { DropZone } from './DropZone';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';
import { OptionsForm, type OptionsState } from './OptionsForm';
import { QualityCheck, canAnalyse } from './QualityCheck';

export function OpenScreen({ api, onStarted }: { api: LopsidedApi; onStarted: (job: JobSummary) => void }) {
  const [record, setRecord] = useState<VideoRecord | null>(null);
  const [busy, setBusy] = useState<'adding' | 'starting' | 'discarding' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [options, setOptions] = useState<OptionsState>({
    model: DEFAULT_ANALYSE_OPTIONS.model, view: DEFAULT_ANALYSE_OPTIONS.view, speedText: '', speedUnit: 'km/h', sessionName: '', runnerName: '',
  });
  const speedMps = beltSpeedToMps(options.speedText, options.speedUnit);

  const add = async (file: File): Promise<void> => {
    setBusy('adding');
    setError(null);
    setRecord(null);
    try { setRecord(await api.addVideo(file)); }
    catch (err) { setError(toErrorInfo(err)); }
    finally { setBusy(null); }
  };

  const discard = async (): Promise<void> => {
    if (!record) return;
    setBusy('discarding');
    setError(null);
    try {
      await api.deleteVideo(record.videoId);
      setRecord(null);
    } catch (err) { setError(toErrorInfo(err)); }
    finally { setBusy(null); }
  };

  const start = async (): Promise<void> => {
    if (!record || speedMps === null) return;
    setBusy('starting');
    setError(null);
    const opts: AnalyseVideoOptions = { ...DEFAULT_ANALYSE_OPTIONS, model: options.model, view: options.view };
    if (speedMps !== undefined) opts.beltSpeedMps = speedMps;
    const names = {
      ...(options.sessionName.trim() ? { sessionName: options.sessionName.trim() } : {}),
      ...(options.runnerName.trim() ? { runnerName: options.runnerName.trim() } : {}),
    };
    try { onStarted(await (Object.keys(names).length > 0 ? api.startJob(record.videoId, opts, names) : api.startJob(record.videoId, opts))); }
    catch (err) { setError(toErrorInfo(err)); }
    finally { setBusy(null); }
  };

  return (
    <div className="open-screen">
      <div className="open-main">
        <h2>Analyse a run</h2>
        <DropZone onFile={(f) => void add(f)} disabled={busy !== null} />
        {busy === 'adding' && <p className="muted" role="status">Reading the video and checking its quality…</p>}
        {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        {record && <QualityCheck record={record} />}
        {record && (
          <p className="small">
            <button type="button" className="link" data-testid="discard-video" disabled={busy !== null} onClick={() => void discard()}
              title="Removes this clip from Lopsided (an uploaded copy is deleted; your own file is not touched).">
              {busy === 'discarding' ? 'Discarding…' : 'Discard this video'}
            </button>
          </p>
        )}
        <OptionsForm value={options} onChange={setOptions} speedError={speedMps === null} />
        <button type="button" className="primary big" data-testid="start-analysis"
          disabled={!record || !canAnalyse(record) || busy !== null || speedMps === null} onClick={() => void start()}>
          {busy === 'starting' ? 'Starting…' : 'Start analysis'}
        </button>
        {!record && <p className="muted small">Choose a video first; its quality check appears here before anything is analysed.</p>}
      </div>
      <CaptureGuide />
    </div>
  );
}
