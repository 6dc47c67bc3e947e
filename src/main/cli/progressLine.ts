// Pure rendering of job progress for the terminal (issue 2: "a progress bar on a TTY
// (stage, frames done, frames/s, ETA); plain progress lines when not a TTY").
import type { JobProgress } from '../../shared/contract';

const STAGE_LABEL: Record<JobProgress['stage'], string> = {
  probe: 'probe',
  decode: 'decode',
  pose: 'pose',
  pelvis: 'pelvis',
  feet: 'feet',
  analysis: 'analysis',
  report: 'report',
};

/** "0:07", "1:02:03"; "--:--" when unknown. */
export function formatEta(sec: number | undefined): string {
  if (sec === undefined || !Number.isFinite(sec) || sec < 0) return '--:--';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

function counts(p: JobProgress): string {
  return p.total !== null && p.total > 0 ? `${p.done}/${p.total}` : `${p.done}`;
}

function rate(p: JobProgress): string {
  return p.framesPerSec !== undefined && Number.isFinite(p.framesPerSec) ? `${p.framesPerSec.toFixed(1)} fps` : '';
}

/**
 * One TTY line of exactly `width` columns or fewer:
 * `pose     [██████░░░░░░]  123/360  31.2 fps  ETA 0:08`. The bar takes what is left.
 */
export function formatProgressLine(p: JobProgress, width: number): string {
  const label = STAGE_LABEL[p.stage].padEnd(8);
  const tail = [counts(p), rate(p), p.total !== null ? `ETA ${formatEta(p.etaSec)}` : ''].filter(Boolean).join('  ');
  const fraction = p.total !== null && p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : null;
  const barWidth = width - label.length - tail.length - 5; // "[", "]", and spaces
  let line: string;
  if (fraction !== null && barWidth >= 5) {
    const full = Math.round(fraction * barWidth);
    line = `${label} [${'█'.repeat(full)}${'░'.repeat(barWidth - full)}]  ${tail}`;
  } else {
    line = `${label} ${tail}`;
  }
  return line.length > width ? line.slice(0, Math.max(0, width)) : line;
}

/** A plain log line for pipes and CI: `pose 123/360 (34%) 31.2 fps ETA 0:08`. */
export function formatProgressPlain(p: JobProgress): string {
  const pct = p.total !== null && p.total > 0 ? ` (${Math.round((100 * p.done) / p.total)}%)` : '';
  const parts = [`${STAGE_LABEL[p.stage]} ${counts(p)}${pct}`, rate(p)];
  if (p.total !== null && p.etaSec !== undefined) parts.push(`ETA ${formatEta(p.etaSec)}`);
  if (p.message) parts.push(p.message);
  return parts.filter(Boolean).join(' ');
}
