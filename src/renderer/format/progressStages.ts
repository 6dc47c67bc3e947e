// One bar per stage of a job (issue 4: decoding, pose, analysis). JobProgress names only the current stage, so
// stages before it are complete and stages after it have not started.
import type { JobSummary } from '../../shared/api';
import type { JobStage } from '../../shared/contract';

export interface StageBar {
  stage: JobStage;
  label: string;
  /** 0..1, or null when the current stage has no known total. */
  fraction: number | null;
  state: 'done' | 'active' | 'waiting';
}

const LABEL: Record<JobStage, string> = {
  probe: 'Reading the file', decode: 'Decoding video', pose: 'Finding the runner (pose)',
  pelvis: 'Tracking the pelvis', feet: 'Following the feet', analysis: 'Analysing steps', report: 'Writing the report',
};

const ORDER: readonly JobStage[] = ['probe', 'decode', 'pose', 'pelvis', 'feet', 'analysis', 'report'];

export function stageBars(job: JobSummary): StageBar[] {
  const shown: JobStage[] = ['decode', 'pose'];
  const current = job.progress?.stage;
  if (current === 'pelvis' || job.options.view === 'rear') shown.push('pelvis');
  if (current === 'feet' || job.options.view === 'side') shown.push('feet');
  shown.push('analysis');
  const currentIdx = current ? ORDER.indexOf(current) : -1;
  return shown.map((stage) => {
    const idx = ORDER.indexOf(stage);
    if (job.status === 'done') return { stage, label: LABEL[stage], fraction: 1, state: 'done' };
    if (idx < currentIdx) return { stage, label: LABEL[stage], fraction: 1, state: 'done' };
    if (idx === currentIdx && job.progress) {
      const { done, total } = job.progress;
      const fraction = total && total > 0 ? Math.max(0, Math.min(1, done / total)) : null;
      return { stage, label: LABEL[stage], fraction, state: 'active' };
    }
    // 'report' is folded into the analysis bar.
    if (stage === 'analysis' && current === 'report') return { stage, label: LABEL[stage], fraction: 1, state: 'active' };
    return { stage, label: LABEL[stage], fraction: 0, state: 'waiting' };
  });
}

/** "about 1 min 20 s left" */
export function etaText(etaSec: number | undefined): string {
  if (etaSec === undefined || !Number.isFinite(etaSec) || etaSec < 0) return '';
  if (etaSec < 60) return `about ${Math.max(1, Math.round(etaSec))} s left`;
  const m = Math.floor(etaSec / 60);
  return `about ${m} min ${Math.round(etaSec - m * 60)} s left`;
}
