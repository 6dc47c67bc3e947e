// The progress rule against known answers (issue 14): pairs of synthetic treadmill sessions (generateRun, side view,
// 60 fps, 20 s, pose-like noise and foot-point dropouts, each session its own noise) whose true left − right contact
// time is known, through the whole analysis (analyseTrack) and compareSessions. Printed per case: how often each word
// was said, the true change, and whether the change's 95% interval held it. A "changed" where nothing changed is a
// false alarm (the rule should keep them near or under 5%); where the change is real it should mostly be found.
//   npx tsx scripts/validate/progress.ts   (also part of `npm run validate`)
import { analyseTrack } from '../../src/analysis/analyseTrack';
import { compareSessions, type ChangeVerdict } from '../../src/analysis/progress/compareSessions';
import { mergeSession } from '../../src/analysis/mergeSession';
import type { AnalysisResult, MetricSummary } from '../../src/analysis/types';
import { generateRun } from '../../tests/analysis/synthetic/generateRun';

interface ProgressCase { name: string; before: { left: number; right: number }; after: { left: number; right: number } }

export const PROGRESS_CASES: readonly ProgressCase[] = [
  { name: 'no change, symmetric', before: { left: 0.25, right: 0.25 }, after: { left: 0.25, right: 0.25 } },
  { name: 'no change, 20 ms lopsided', before: { left: 0.26, right: 0.24 }, after: { left: 0.26, right: 0.24 } },
  { name: 'small change (4 ms, inside the band)', before: { left: 0.252, right: 0.248 }, after: { left: 0.25, right: 0.25 } },
  { name: '40 ms lopsided → symmetric', before: { left: 0.27, right: 0.23 }, after: { left: 0.25, right: 0.25 } },
  { name: '20 ms lopsided → symmetric', before: { left: 0.26, right: 0.24 }, after: { left: 0.25, right: 0.25 } },
];

function clip(contactSec: { left: number; right: number }, seed: number, facing: 'imageLeft' | 'imageRight', fps: number): AnalysisResult {
  const run = generateRun({ fps, durationSec: 20, view: 'side', facing, contactSec, firstLeftStrikeSec: 0.1 + (seed % 7) * 0.031, damage: { seed, noisePx: 1.5, dropoutFraction: 0.03 } });
  return analyseTrack(run.track, { view: 'side' }, { path: 'synthetic', fps, durationSec: 20, width: run.track.width, height: run.track.height });
}

/** One session: a clip from the runner's right, or (both) one from each side merged as `session add` files them. */
function session(contactSec: { left: number; right: number }, seed: number, both: boolean, fps: number): MetricSummary | undefined {
  if (!both) return clip(contactSec, seed, 'imageRight', fps).metrics.contactTimeMs;
  return mergeSession([{ name: 'left', result: clip(contactSec, seed, 'imageLeft', fps) }, { name: 'right', result: clip(contactSec, seed + 500, 'imageRight', fps) }]).metrics.contactTimeMs;
}

export function progressRows(pairs = 12): string[] {
  const rows = ['fps  sessions  case                                   true Δ ms  changed  no change shown  unclear  Δ interval holds truth  wrong-way "changed"  median Δ half-width ms'];
  for (const [fps, both] of [[60, false], [60, true], [240, true]] as const) for (const [ci, c] of PROGRESS_CASES.entries()) {
    const trueChange = 1000 * ((c.after.left - c.after.right) - (c.before.left - c.before.right));
    const said: Record<ChangeVerdict, number> = { changed: 0, noChangeShown: 0, unclear: 0 };
    let held = 0;
    let wrongWay = 0;
    let n = 0;
    const halfWidths: number[] = [];
    for (let k = 0; k < pairs; k++) {
      const a = session(c.before, 1000 * ci + 2 * k + 1, both, fps);
      const b = session(c.after, 1000 * ci + 2 * k + 2, both, fps);
      const change = compareSessions('contactTimeMs', a, b);
      if (!change) continue;
      n++;
      halfWidths.push((change.changeCi95[1] - change.changeCi95[0]) / 2);
      said[change.verdict]++;
      if (change.changeCi95[0] <= trueChange && trueChange <= change.changeCi95[1]) held++;
      if (change.verdict === 'changed' && Math.sign(change.change) !== Math.sign(trueChange)) wrongWay++;
    }
    const pct = (v: number) => `${v}/${n}`.padStart(7);
    halfWidths.sort((x, y) => x - y);
    const median = halfWidths[Math.floor(halfWidths.length / 2)] ?? Number.NaN;
    rows.push(`${String(fps).padEnd(4)} ${(both ? 'both' : 'right').padEnd(9)} ${c.name.padEnd(38)} ${trueChange.toFixed(0).padStart(9)} ${pct(said.changed)}  ${pct(said.noChangeShown).padStart(15)}  ${pct(said.unclear)}  ${pct(held).padStart(22)}  ${pct(wrongWay).padStart(19)}  ${median.toFixed(1).padStart(22)}`);
  }
  return rows;
}

if (process.argv[1]?.endsWith('progress.ts')) for (const row of progressRows()) console.log(row);
