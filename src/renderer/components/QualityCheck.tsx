// The chosen file's capture check (frame rate, resolution, duration…) before analysis starts.
import type { CaptureCheck, VideoRecord } from '../../shared/api';
import { formatDuration } from '../format/formatValue';

const CHECK_MARK: Record<CaptureCheck['level'], { mark: string; word: string }> = {
  ok: { mark: '✓', word: 'OK' },
  warn: { mark: '!', word: 'Check' },
  error: { mark: '✕', word: 'Problem' },
};

const CHECK_LABEL: Record<CaptureCheck['id'], string> = {
  fps: 'Frame rate', resolution: 'Resolution', duration: 'Duration', rotation: 'Rotation', variableFrameRate: 'Frame timing',
};

export function canAnalyse(record: VideoRecord): boolean {
  return !record.checks.some((c) => c.level === 'error');
}

export function QualityCheck({ record }: { record: VideoRecord }) {
  const { info } = record;
  return (
    <section className="capture-checks" data-testid="capture-checks" aria-label="Capture check">
      <h3>{record.name}</h3>
      <dl className="video-facts">
        <div><dt>Frame rate</dt><dd data-fact="fps">{info.avgFps.toFixed(info.avgFps % 1 === 0 ? 0 : 2)} fps{info.variableFrameRate ? ' (variable)' : ''}</dd></div>
        <div><dt>Resolution</dt><dd data-fact="resolution">{info.width} × {info.height}</dd></div>
        <div><dt>Duration</dt><dd data-fact="duration">{formatDuration(info.durationSec)}</dd></div>
        <div><dt>Frames</dt><dd data-fact="frames">{info.frameCount}</dd></div>
      </dl>
      <ul className="check-list">
        {record.checks.map((c) => (
          <li key={c.id} className={`check check-${c.level}`} data-check={c.id} data-level={c.level}>
            <span className="check-mark" aria-hidden="true">{CHECK_MARK[c.level].mark}</span>
            <span className="check-word">{CHECK_MARK[c.level].word}</span>
            <span className="check-label">{CHECK_LABEL[c.id] ?? c.id}:</span> {c.message}
          </li>
        ))}
      </ul>
      {!canAnalyse(record) && <p className="warn-text">This clip cannot be analysed as it is: see the problem above.</p>}
    </section>
  );
}
