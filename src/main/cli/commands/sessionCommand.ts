// `lopsided session add --runner NAME [--date YYYY-MM-DD] [--speed 12km/h] --side-left a.mp4 --side-right b.mp4
// --rear c.mp4` (issue 14): analyses each clip as `analyse` does (a keypoint CSV with --fps too), confirms that each
// clip shows the side it was given as (read from the clip, never guessed silently), and files the session.
// `lopsided session delete --runner NAME --date YYYY-MM-DD [--name TEXT] --yes`: one session goes, files included.
import { basename } from 'node:path';
import { assignRoles, SessionError } from '../../../analysis/mergeSession';
import type { ClipRole } from '../../../shared/contract';
import type { SessionMeta } from '../../../shared/library';
import { fileSession, type AnalysedClip } from '../../library/fileSession';
import { deleteSession } from '../../library/deleteFromLibrary';
import { findRunner } from '../../library/runnerRecords';
import { runnerPage } from '../../library/runnerPage';
import { checkSessionMeta } from '../../library/sessionRecords';
import type { CliContext } from '../cliContext';
import { UsageError } from '../cliErrors';
import { formatVerdict } from '../formatVerdict';
import { withLibrary } from '../openCliLibrary';
import { analyseInput, type AnalyseCommandOptions } from './analyseInput';

export interface SessionAddOptions extends Omit<AnalyseCommandOptions, 'out' | 'view' | 'force' | 'runnerName'> {
  runner: string;
  meta: SessionMeta;
  clips: Partial<Record<ClipRole, string>>;
}

const FLAG: Record<ClipRole, string> = { leftSide: '--side-left', rightSide: '--side-right', rear: '--rear' };
const WORDS: Record<ClipRole, string> = { leftSide: "the runner's left side", rightSide: "the runner's right side", rear: 'the runner from behind' };

export function runSessionAdd(opts: SessionAddOptions, ctx: CliContext): Promise<void> {
  const given = (Object.entries(opts.clips) as [ClipRole, string][]).filter(([, p]) => p !== undefined);
  if (given.length === 0) throw new UsageError('A session needs at least one clip: --side-left, --side-right and/or --rear.');
  const names = given.map(([, p]) => basename(p));
  if (new Set(names).size !== names.length) throw new UsageError('Two clips of the session have the same file name; rename one so the report can tell them apart.');
  checkSessionMeta(opts.meta);
  return withLibrary(async (lib) => {
    const runner = findRunner(lib.db, opts.runner); // before minutes of analysis
    const clips: AnalysedClip[] = [];
    for (const [i, [role, path]] of given.entries()) {
      ctx.note(`Clip ${i + 1} of ${given.length} (${FLAG[role]}): ${basename(path)}`);
      const view = role === 'rear' ? 'rear' : 'side';
      const analyseOpts: AnalyseCommandOptions = { ...opts, out: '', view, ...(opts.meta.speedMps != null ? { beltSpeedMps: opts.meta.speedMps } : {}) };
      const { output, csv } = await analyseInput(path, analyseOpts, ctx, () => Promise.resolve(''));
      clips.push({
        name: basename(path), sourcePath: path, output, csv,
        options: { model: opts.model, view, pelvisMarks: opts.pelvisMarks, ...(analyseOpts.beltSpeedMps !== undefined ? { beltSpeedMps: analyseOpts.beltSpeedMps } : {}) },
      });
      confirmRoles(given.slice(0, clips.length), clips); // a clip given as the wrong side stops the session before the next clip's analysis
    }
    ctx.progress.update({ stage: 'report', done: 0, total: 1 });
    const { session, result } = await fileSession(lib, runner.runnerId, opts.meta, clips, {
      pdf: opts.pdf, signal: ctx.signal, runnerName: runner.name, ...(opts.paper ? { paper: opts.paper } : {}),
    });
    ctx.progress.done();
    ctx.out(`Filed ${session.date}${session.name ? ` "${session.name}"` : ''} for ${runner.name}: ${session.clips.length} clip${session.clips.length === 1 ? '' : 's'}.`);
    ctx.out('');
    ctx.out(formatVerdict(result));
  });
}

/** Each clip must show what its flag says; a mismatch is the user's to fix (swapped flags), not ours to guess. */
function confirmRoles(given: readonly [ClipRole, string][], clips: readonly AnalysedClip[]): void {
  let read;
  try {
    read = assignRoles(clips.map((c) => ({ name: c.name, result: c.output.result })));
  } catch (e) {
    if (e instanceof SessionError) throw new UsageError(e.message);
    throw e;
  }
  for (const [i, [role, path]] of given.entries()) {
    const r = read[i];
    if (r && r.role !== role) {
      throw new UsageError(`${FLAG[role]} ${basename(path)}: this clip shows ${WORDS[r.role]} (${r.why}), not ${WORDS[role]}. Give it as ${FLAG[r.role]}.`);
    }
  }
}

export interface SessionDeleteOptions { runner: string; date: string; name: string | null; yes: boolean }

export function runSessionDelete(opts: SessionDeleteOptions, ctx: CliContext): Promise<void> {
  return withLibrary(async (lib) => {
    const runner = findRunner(lib.db, opts.runner);
    const onDay = runnerPage(lib.db, runner.runnerId).sessions.filter((s) => s.date === opts.date);
    const matches = opts.name === null ? onDay : onDay.filter((s) => (s.name ?? '').toLowerCase() === opts.name?.toLowerCase());
    const label = (s: { date: string; name: string | null }): string => `${s.date}${s.name ? ` "${s.name}"` : ''}`;
    if (matches.length === 0) {
      const named = opts.name !== null ? ` named "${opts.name}"` : '';
      throw new UsageError(`${runner.name} has no session on ${opts.date}${named}${onDay.length > 0 ? `; that day has ${onDay.map(label).join(', ')}` : ''}.`);
    }
    if (matches.length > 1) throw new UsageError(`${runner.name} has ${matches.length} sessions on ${opts.date} (${matches.map(label).join(', ')}); say which with --name.`);
    const s = matches[0]!;
    const what = `${runner.name}'s session of ${label(s)} with its ${s.clips.length} clip${s.clips.length === 1 ? '' : 's'} and reports`;
    // Deleting asks (issue 14): a command line cannot ask, so it needs the answer given
    if (!opts.yes) throw new UsageError(`This deletes ${what} from the library, files included. Run it again with --yes to do so.`);
    await deleteSession(lib, runner.runnerId, s.sessionId);
    ctx.out(`Deleted ${what}.`);
  });
}
