// `lopsided progress --runner NAME [--json]` (issue 14): every session of the runner with, per metric, each side's
// value, the left − right difference and its 95% interval (JSON: under the metric ids of report.json), and whether the
// first and the last session differ ("changed" / "no change shown" / "unclear", compareSessions.ts).
import { dirname, resolve } from 'node:path';
import type { RunnerPage } from '../../../shared/library';
import { alignColumns, progressHeading, progressRows, PROGRESS_COLUMNS } from '../../../shared/formatProgress';
import { runnerPage } from '../../library/runnerPage';
import { findRunner } from '../../library/runnerRecords';
import { writeFileAtomic } from '../../library/writeFileAtomic';
import { prepareOutputDir } from '../../pipeline/outputDir';
import { renderProgressPdf } from '../../report/progressReportPdf';
import type { CliContext } from '../cliContext';
import { withLibrary } from '../openCliLibrary';

/** The JSON `progress --json` prints: stable, documented in docs/library.md. */
export function progressJson(page: RunnerPage): unknown {
  const { runnerId: _id, sessionCount: _n, lastSessionDate: _d, ...runner } = page.runner;
  return { schemaVersion: 1, runner, ...page.progress };
}

export function formatProgressText(page: RunnerPage): string[] {
  const p = page.progress;
  const lines = [`${page.runner.name}: ${p.sessions.length} session${p.sessions.length === 1 ? '' : 's'}`];
  for (const m of p.metrics) {
    lines.push('', progressHeading(m.metricId), ...alignColumns([[...PROGRESS_COLUMNS], ...progressRows(p, m.metricId)]).map((l) => `  ${l}`));
    const change = p.firstToLast.find((c) => c.metricId === m.metricId);
    if (change) lines.push(`  ${change.sentence}`);
  }
  return lines;
}

export function runProgress(runner: string, json: boolean, ctx: CliContext): Promise<void> {
  return withLibrary((lib) => {
    const page = runnerPage(lib.db, findRunner(lib.db, runner).runnerId);
    if (json) ctx.out(JSON.stringify(progressJson(page), null, 2));
    else ctx.out(formatProgressText(page).join('\n'));
  });
}

/** `lopsided report --progress RUNNER --out progress.pdf`: the progress page(s) as a PDF, written atomically. */
export function runProgressReport(runner: string, out: string, paper: 'A4' | 'LETTER' | undefined, ctx: CliContext): Promise<void> {
  return withLibrary(async (lib) => {
    const page = runnerPage(lib.db, findRunner(lib.db, runner).runnerId);
    ctx.progress.update({ stage: 'report', done: 0, total: 1 });
    const bytes = await renderProgressPdf(page, paper ? { paper } : {});
    const outDir = await prepareOutputDir(dirname(resolve(out)));
    try {
      await writeFileAtomic(resolve(out), bytes);
    } catch (e) {
      await outDir.removeIfUnused();
      throw e;
    }
    ctx.progress.done();
    ctx.note(`Wrote ${out}.`);
  });
}
