// Per-foot bias table (issue 11 part 4, "a verdict that never cries wolf"): a detector that is late on one foot
// and early on the other invents an asymmetry, so each foot's mean signed strike, toe-off and contact error is
// printed with the left − right difference, against the targets: each foot within ±8 ms at 60 fps and ±5 ms at
// 120 fps, the feet within 5 ms of each other.
import type { Row } from './eventCase';

export interface FootBiasTarget { perFootMs: number; betweenFeetMs: number }

/** The targets per frame rate (none at 30 fps: one frame is 33 ms). */
export function footBiasTarget(fps: number): FootBiasTarget | null {
  if (fps === 60) return { perFootMs: 8, betweenFeetMs: 5 };
  if (fps === 120) return { perFootMs: 5, betweenFeetMs: 5 };
  return null;
}

/** Every way a row misses the targets, e.g. "FS R −9.1", "TO L−R 6.2"; empty when it meets them (or has none). */
export function footBiasMisses(r: Row): string[] {
  const target = footBiasTarget(r.fps);
  if (!target) return [];
  const out: string[] = [];
  const pairs: [string, { left: number; right: number }][] = [['FS', r.strikeBiasMs], ['TO', r.toeOffBiasMs]];
  for (const [name, b] of pairs) {
    if (!(Math.abs(b.left) <= target.perFootMs)) out.push(`${name} L ${b.left.toFixed(1)}`);
    if (!(Math.abs(b.right) <= target.perFootMs)) out.push(`${name} R ${b.right.toFixed(1)}`);
    if (!(Math.abs(b.left - b.right) <= target.betweenFeetMs)) out.push(`${name} L−R ${(b.left - b.right).toFixed(1)}`);
  }
  const c = r.contactBiasMs;
  if (!(Math.abs(c.left - c.right) <= target.betweenFeetMs)) out.push(`C L−R ${(c.left - c.right).toFixed(1)}`);
  return out;
}

const f = (v: number, w = 6): string => (Number.isFinite(v) ? v.toFixed(1) : '-').padStart(w);

export const FOOT_BIAS_HEADER = [
  'source'.padEnd(12), 'trial'.padEnd(12), 'fps', '  FS L', '  FS R', 'FS L−R', '  TO L', '  TO R', 'TO L−R', '   C L', '   C R', ' C L−R', ' targets',
].join(' ');

export function formatFootBias(r: Row): string {
  const misses = footBiasMisses(r);
  const target = footBiasTarget(r.fps);
  const verdict = !target ? '(none at this rate)' : misses.length ? `MISS ${misses.join(', ')}` : 'met';
  const s = r.strikeBiasMs; const t = r.toeOffBiasMs; const c = r.contactBiasMs;
  return [
    r.source.padEnd(12), r.trial.padEnd(12), String(r.fps).padStart(3),
    f(s.left), f(s.right), f(s.left - s.right), f(t.left), f(t.right), f(t.left - t.right), f(c.left), f(c.right), f(c.left - c.right), ` ${verdict}`,
  ].join(' ');
}
