// Export buttons: each calls api.exportFile(jobId, kind); the door decides between a download and a save dialog.
import { useState } from 'react';
import type { ExportKind, LopsidedApi } from '../../shared/api';
import type { ErrorInfo } from '../../shared/contract';
import { ErrorMessage, toErrorInfo } from './ErrorMessage';

const BUTTONS: readonly { kind: ExportKind; label: string; testId: string }[] = [
  { kind: 'report.pdf', label: 'PDF report', testId: 'export-pdf' },
  { kind: 'report.json', label: 'report.json', testId: 'export-json' },
  { kind: 'steps.csv', label: 'Steps CSV', testId: 'export-csv-steps' },
  { kind: 'events.csv', label: 'Events CSV', testId: 'export-csv-events' },
  { kind: 'keypoints.csv', label: 'Keypoints CSV', testId: 'export-csv-keypoints' },
];

export function ExportButtons({ api, jobId, available }: { api: LopsidedApi; jobId: string; available?: readonly ExportKind[] }) {
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = async (kind: ExportKind): Promise<void> => {
    setBusy(kind);
    setError(null);
    try { await api.exportFile(jobId, kind); }
    catch (err) { setError(toErrorInfo(err)); }
    finally { setBusy(null); }
  };
  const button = (b: (typeof BUTTONS)[number]) => {
    const missing = available !== undefined && !available.includes(b.kind);
    return (
      <button key={b.kind} type="button" data-testid={b.testId} disabled={busy !== null || missing}
        title={missing ? 'Not written for this job' : `Save ${b.kind}`} onClick={() => void run(b.kind)}>
        {busy === b.kind ? 'Saving…' : b.label}
      </button>
    );
  };
  return (
    <div className="export-buttons">
      <span className="export-title">Export</span>
      <div className="export-group" role="group" aria-label="Report exports">
        {BUTTONS.filter((b) => !b.kind.endsWith('.csv')).map(button)}
      </div>
      <div className="export-group" role="group" aria-label="CSV exports" data-testid="export-csv">
        {BUTTONS.filter((b) => b.kind.endsWith('.csv')).map(button)}
      </div>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
