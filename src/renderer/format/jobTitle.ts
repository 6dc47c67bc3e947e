// How an analysis is named on screen: the name the clinician gave the session, else the clip's file name; and the
// one-line description the session picker shows (two sessions of one day must never look identical, issue 13).
import type { JobSummary } from '../../shared/api';

export function jobTitle(job: Pick<JobSummary, 'sessionName' | 'videoName'>): string {
  const name = job.sessionName?.trim();
  return name ? name : job.videoName;
}

function whenText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Runner, clip (when the session is named), date and time, view and options: what tells two sessions apart. */
export function jobDescription(job: JobSummary): string {
  const o = job.options;
  const parts: string[] = [];
  if (job.runnerName?.trim()) parts.push(job.runnerName.trim());
  if (job.sessionName?.trim()) parts.push(job.videoName);
  parts.push(whenText(job.createdAtIso));
  const view = job.resultView ?? (o.view === 'auto' ? null : o.view);
  parts.push(view ? `${view} view` : 'view found by the app');
  parts.push(`model ${o.model}`);
  if (o.beltSpeedMps !== undefined) parts.push(`${(o.beltSpeedMps * 3.6).toFixed(1)} km/h`);
  return parts.filter(Boolean).join(' · ');
}

/** Name first, then the description, e.g. "After orthotics · Ana · run.mp4 · 25 Nov 2026, 10:30 · side view · model full". */
export function jobPickerLabel(job: JobSummary): string {
  return `${jobTitle(job)} · ${jobDescription(job)}`;
}
