// Crash safety and a second process (issue 14), on a real library file: a process killed with SIGKILL while it files
// sessions leaves the database consistent (integrity_check ok) and each session whole or absent; a second process
// opens and reads a library another one is writing to (WAL), and a write that cannot get in says so in words.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/main/library/library';
import { addRunner, listRunners } from '../../../src/main/library/runnerRecords';
import { asLibraryError } from '../../../src/main/library/openLibraryDb';

const CHILD = join(process.cwd(), 'tests/main/library/libraryChild.ts');
let dataDir: string;
const children: ChildProcess[] = [];

function start(mode: 'file' | 'bulk' | 'hold'): { child: ChildProcess; lines: (pattern: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += String(d)));
  return {
    child,
    // resolves with the output so far once it matches (event-driven: no time budget)
    lines: (pattern) => new Promise((resolve, reject) => {
      const check = () => { if (pattern.test(out)) resolve(out); };
      child.stdout!.on('data', (d: Buffer) => { out += String(d); check(); });
      child.on('exit', () => reject(new Error(`child ended before ${pattern}: ${err}`)));
      check();
    }),
  };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lopsided-crash-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('a process killed with SIGKILL while filing sessions leaves every session whole or absent', async () => {
    // three kills at different points of the loop (after 1, 2 and 3 more sessions) — each lands somewhere in the
    // filing: analysis folders, the session report, or the transaction
    for (const more of [1, 2, 3]) {
      const { child, lines } = start('file');
      await lines(new RegExp(`filed ${more}\\n`));
      // a moment later it is in the middle of the next session; kill without warning
      await new Promise((r) => setTimeout(r, 20 * more));
      await killed(child);
    }
    const lib = openLibrary(dataDir);
    try {
      expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(lib.db.pragma('foreign_key_check')).toEqual([]);
      const sessions = lib.db.prepare(`SELECT s.id,
          (SELECT count(*) FROM clips c WHERE c.session_id = s.id) AS clips,
          (SELECT count(*) FROM clip_files f JOIN clips c ON c.id = f.clip_id WHERE c.session_id = s.id) AS files,
          (SELECT count(*) FROM session_metrics m WHERE m.session_id = s.id) AS metrics
        FROM sessions s`).all() as { id: string; clips: number; files: number; metrics: number }[];
      expect(sessions.length).toBeGreaterThanOrEqual(6);
      const first = sessions[0]!;
      for (const s of sessions) {
        expect([s.clips, s.files, s.metrics]).toEqual([3, first.files, first.metrics]); // whole: as many rows as every other
        expect(existsSync(join(lib.sessionDir(s.id), 'report.json'))).toBe(true); // and its files are there
      }
      expect(first.files).toBeGreaterThan(10);
      for (const a of lib.db.prepare('SELECT analysis_id FROM clips').pluck().all() as string[]) expect(existsSync(join(lib.analysisDir(a), 'report.json'))).toBe(true);
    } finally {
      lib.close();
    }
  }, 120_000);

  it('a kill inside the transaction of a large session leaves none of that session', async () => {
    for (const more of [2, 4, 6]) {
      const { child, lines } = start('bulk');
      await lines(new RegExp(`filed ${more}\\n`));
      await killed(child); // the child is already inside the next session's transaction: it writes without pause
    }
    const lib = openLibrary(dataDir);
    try {
      expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const counts = lib.db.prepare(`SELECT (SELECT count(*) FROM clips c WHERE c.session_id = s.id) AS clips,
          (SELECT count(*) FROM clip_files f JOIN clips c ON c.id = f.clip_id WHERE c.session_id = s.id) AS files FROM sessions s`).all();
      expect(counts.length).toBeGreaterThanOrEqual(12);
      for (const c of counts) expect(c).toEqual({ clips: 3, files: 9000 });
    } finally {
      lib.close();
    }
  }, 120_000);
});

describe('a second process', () => {
  it('opens and reads while another holds the write lock, and a write that cannot get in says so', async () => {
    const first = openLibrary(dataDir);
    addRunner(first.db, { name: 'Anna' });
    first.close();
    const { child, lines } = start('hold');
    await lines(/holding\n/);
    const second = openLibrary(dataDir, { busyTimeoutMs: 300 });
    try {
      // WAL: the reader sees the last committed state, not the other process's open transaction
      expect(listRunners(second.db).map((r) => r.name)).toEqual(['Anna']);
      let caught: unknown;
      try {
        addRunner(second.db, { name: 'Ben' });
      } catch (e) {
        caught = asLibraryError(e);
      }
      expect(caught).toMatchObject({ code: 'LIBRARY_BUSY' });
      expect((caught as Error).message).toMatch(/^The library is busy: another Lopsided .* is writing to it/);
    } finally {
      second.close();
    }
    await killed(child);
    // the holder died mid-transaction: its row is gone, the library is whole, and writing works again
    const after = openLibrary(dataDir);
    try {
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
      addRunner(after.db, { name: 'Ben' });
      expect(listRunners(after.db).map((r) => r.name)).toEqual(['Anna', 'Ben']);
    } finally {
      after.close();
    }
  }, 60_000);
});
