// `lopsided runner add|list|show|merge|delete` (issue 14): the runners of the library.
import { CHANGE_WORDS } from '../../../analysis/progress/compareSessions';
import type { RunnerInput, RunnerSummary } from '../../../shared/library';
import { alignColumns } from '../../../shared/formatProgress';
import { CLIP_ROLE_LABEL, formatSpeedKmh } from '../../../shared/formatSessionMeta';
import { runnerPage } from '../../library/runnerPage';
import { deleteRunner } from '../../library/deleteFromLibrary';
import { addRunner, findRunner, listRunners, mergeRunners } from '../../library/runnerRecords';
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';
import { withLibrary } from '../openCliLibrary';

export function runRunnerAdd(input: RunnerInput, ctx: CliContext): Promise<void> {
  return withLibrary((lib) => {
    const r = addRunner(lib.db, input);
    ctx.out(`Added ${r.name}.`);
  });
}

export function runRunnerList(search: string | undefined, ctx: CliContext): Promise<void> {
  return withLibrary((lib) => {
    const runners = listRunners(lib.db, search);
    if (runners.length === 0) {
      ctx.out(search ? `No runner's name contains ${search}.` : 'No runners yet; add one with lopsided runner add NAME.');
      return;
    }
    ctx.out(alignColumns([['Runner', 'Sessions', 'Last session'], ...runners.map((r) => [r.name, String(r.sessionCount), r.lastSessionDate ?? '–'])]).join('\n'));
  });
}

function describeRunner(r: RunnerSummary): string {
  const facts = [
    r.birthYear !== null ? `born ${r.birthYear}` : null,
    r.heightCm !== null ? `height ${r.heightCm} cm` : null,
    r.legLengthCm !== null ? `leg length ${r.legLengthCm} cm` : null,
  ].filter((x): x is string => x !== null);
  return `${r.name}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${r.notes ? `\n${r.notes}` : ''}`;
}

export function runRunnerShow(name: string, ctx: CliContext): Promise<void> {
  return withLibrary((lib) => {
    const page = runnerPage(lib.db, findRunner(lib.db, name).runnerId);
    ctx.out(describeRunner(page.runner));
    ctx.out('');
    if (page.sessions.length === 0) {
      ctx.out('No sessions yet; file one with lopsided session add.');
      return;
    }
    ctx.out(alignColumns([['Date', 'Session', 'Speed', 'Clips', 'Pain/effort'], ...page.sessions.map((s) => [
      s.date, s.name ?? '', formatSpeedKmh(s.speedMps),
      s.clips.map((c) => (c.role !== null ? CLIP_ROLE_LABEL[c.role] : 'view unknown')).join(', '),
      [s.painScore !== null ? `${s.painScore}/10` : '', s.note ?? ''].filter((x) => x !== '').join(' ') || '–',
    ])]).join('\n'));
    if (page.progress.firstToLast.length > 0) {
      ctx.out('');
      ctx.out(`First to last session (${page.sessions[0]?.date} → ${page.sessions[page.sessions.length - 1]?.date}):`);
      for (const c of page.progress.firstToLast) ctx.out(`- ${c.sentence}`);
      const counts = (['changed', 'noChangeShown', 'unclear'] as const).map((v) => `${page.progress.firstToLast.filter((c) => c.verdict === v).length} ${CHANGE_WORDS[v]}`);
      ctx.out(`(${counts.join(', ')}; lopsided progress --runner "${page.runner.name}" for every session)`);
    }
  });
}

export function runRunnerMerge(keep: string, gone: string, ctx: CliContext): Promise<void> {
  return withLibrary((lib) => {
    const a = findRunner(lib.db, keep);
    const b = findRunner(lib.db, gone);
    const merged = mergeRunners(lib.db, a.runnerId, b.runnerId);
    ctx.out(`${b.name}'s ${b.sessionCount} session${b.sessionCount === 1 ? '' : 's'} now belong to ${merged.name} (${merged.sessionCount} in all).`);
  });
}

export function runRunnerDelete(name: string, yes: boolean, ctx: CliContext): Promise<void> {
  return withLibrary(async (lib) => {
    const r = findRunner(lib.db, name);
    const what = `${r.name} and their ${r.sessionCount} session${r.sessionCount === 1 ? '' : 's'} with every report`;
    // Deleting asks (issue 14): a command line cannot ask, so it needs the answer given
    if (!yes) throw new UsageError(`This deletes ${what} from the library, files included. Run it again with --yes to do so.`);
    await deleteRunner(lib, r.runnerId);
    ctx.out(`Deleted ${what}.`);
  });
}
