// Finds working ffmpeg and ffprobe binaries (issue 2, design.md station 1).
// Order: configured path (option or env LOPSIDED_FFMPEG / LOPSIDED_FFPROBE) →
// ffmpeg-static (optionalDependency, may be absent) → @ffmpeg-installer /
// @ffprobe-installer → the system's binaries on PATH. Each candidate is run with
// `-version` before it is trusted: a package can be installed for another
// platform, or its postinstall chmod may have been blocked.
import { execFile } from 'node:child_process';
import { VideoError } from './videoErrors';

export interface ToolInfo {
  path: string;
  /** Where it came from, for error messages and the sidecar JSON. */
  source: 'configured' | 'ffmpeg-static' | '@ffmpeg-installer' | '@ffprobe-installer' | 'PATH' | 'beside-ffmpeg';
  /** First line of `-version`. */
  versionLine: string;
  /** libavutil major.minor, the reliable version signal (static builds say "N-47683-g…"). */
  avutil: { major: number; minor: number } | null;
}

export interface FfmpegTools {
  ffmpeg: ToolInfo;
  ffprobe: ToolInfo;
}

export interface ResolveOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
}

export interface Candidate {
  path: string;
  source: ToolInfo['source'];
}

/** Parses `libavutil      56. 24.101 / …` from `-version` output. */
export function parseAvutilVersion(versionText: string): { major: number; minor: number } | null {
  const m = /libavutil\s+(\d+)\.\s*(\d+)\./.exec(versionText);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

function runVersion(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['-hide_banner', '-version'], { timeout: 15_000, windowsHide: true }, (err, stdout) => {
      resolve(err ? null : String(stdout));
    });
  });
}

export async function firstWorking(kind: string, candidates: Candidate[]): Promise<ToolInfo> {
  const tried: string[] = [];
  for (const c of candidates) {
    const out = await runVersion(c.path);
    if (out !== null && out.includes('version')) {
      return { path: c.path, source: c.source, versionLine: out.split('\n')[0] ?? '', avutil: parseAvutilVersion(out) };
    }
    tried.push(`${c.source}: ${c.path}`);
  }
  throw new VideoError(
    'FFMPEG_NOT_FOUND',
    `No working ${kind} found. Tried ${tried.length ? tried.join('; ') : 'nothing'}. ` +
      `Install ffmpeg or set LOPSIDED_${kind.toUpperCase()} to its path.`,
  );
}

// Dynamic imports: these packages are optional (ffmpeg-static) or may be pruned;
// a missing one is just a skipped candidate.
async function importPath(spec: string): Promise<string | null> {
  try {
    const mod: unknown = await import(spec);
    const m = mod as { default?: unknown; path?: unknown };
    const def = m.default as { path?: unknown } | string | null | undefined;
    if (typeof def === 'string') return def;
    if (def && typeof def === 'object' && typeof def.path === 'string') return def.path;
    if (typeof m.path === 'string') return m.path;
    return null;
  } catch {
    return null;
  }
}

function besideFfmpeg(ffmpegPath: string): string | null {
  const m = /^(.*[\\/])ffmpeg(\.exe)?$/i.exec(ffmpegPath);
  return m ? `${m[1]}ffprobe${m[2] ?? ''}` : null;
}

async function ffmpegCandidates(opts: ResolveOptions): Promise<Candidate[]> {
  const list: Candidate[] = [];
  const configured = opts.ffmpegPath ?? process.env.LOPSIDED_FFMPEG;
  if (configured) list.push({ path: configured, source: 'configured' });
  const stat = await importPath('ffmpeg-static');
  if (stat) list.push({ path: stat, source: 'ffmpeg-static' });
  const inst = await importPath('@ffmpeg-installer/ffmpeg');
  if (inst) list.push({ path: inst, source: '@ffmpeg-installer' });
  list.push({ path: process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg', source: 'PATH' });
  return list;
}

async function ffprobeCandidates(opts: ResolveOptions, ffmpeg: ToolInfo): Promise<Candidate[]> {
  const list: Candidate[] = [];
  const configured = opts.ffprobePath ?? process.env.LOPSIDED_FFPROBE;
  if (configured) list.push({ path: configured, source: 'configured' });
  // A configured ffmpeg usually has its ffprobe beside it (same build).
  const beside = ffmpeg.source === 'configured' || ffmpeg.source === 'PATH' ? besideFfmpeg(ffmpeg.path) : null;
  if (beside) list.push({ path: beside, source: 'beside-ffmpeg' });
  const inst = await importPath('@ffprobe-installer/ffprobe');
  if (inst) list.push({ path: inst, source: '@ffprobe-installer' });
  list.push({ path: process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe', source: 'PATH' });
  return list;
}

let cached: Promise<FfmpegTools> | null = null;

/** Resolves both tools once per process (options given later are ignored unless `fresh`). */
export function resolveFfmpeg(opts: ResolveOptions = {}, fresh = false): Promise<FfmpegTools> {
  if (cached && !fresh) return cached;
  const p = (async () => {
    const ffmpeg = await firstWorking('ffmpeg', await ffmpegCandidates(opts));
    const ffprobe = await firstWorking('ffprobe', await ffprobeCandidates(opts, ffmpeg));
    return { ffmpeg, ffprobe };
  })();
  cached = p;
  p.catch(() => {
    if (cached === p) cached = null;
  });
  return p;
}
