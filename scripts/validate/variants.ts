// `npm run validate:variants [-- NAME ...]`: the checks on clips made from the fixtures as a phone might film them,
// through the real pipeline: the rendered runs at 30 fps, at 30 fps and 854×480 with heavy compression, with the
// runner at half size in the frame, and every eye-marked clip at 360×640 with heavy compression, as filmed and
// mirrored. Each variant is written as a fixtures folder of its own (clips re-encoded by ffmpeg, truth moved with them:
// frames dropped, coordinates scaled and shifted, the camera's focal length scaled), its pose tracks are made afresh
// (validate:tracks), and the event, interval and angle checks run on it (LOPSIDED_FIXTURES_DIR). Output in
// out/variants/<name>/; about 15 minutes for all four on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { filteredClip } from './filteredClip';
import { eyeMarkedClips, FIXTURES, renderedClips } from './truthLoaders';

interface Variant {
  name: string;
  what: string;
  /** Keep every n-th frame. */
  everyNth: number;
  /** Picture scale, and whether the scaled picture is padded back to the original frame (the runner smaller in it). */
  scale: number;
  pad: boolean;
  crf: number;
  source: 'rendered' | 'eye-marked';
}

const VARIANTS: Variant[] = [
  { name: '30fps', what: 'rendered runs, every other frame (30 fps)', everyNth: 2, scale: 1, pad: false, crf: 18, source: 'rendered' },
  { name: '30fps-480p-crf30', what: 'rendered runs at 30 fps, 854×480, CRF 30', everyNth: 2, scale: 2 / 3, pad: false, crf: 30, source: 'rendered' },
  { name: 'half-size', what: 'rendered runs with the runner at half size (scaled, padded back to the frame)', everyNth: 1, scale: 0.5, pad: true, crf: 23, source: 'rendered' },
  { name: 'eye-marked-360p-crf30', what: 'eye-marked clips at 360×640, CRF 30, as filmed and mirrored', everyNth: 1, scale: 0.5, pad: false, crf: 30, source: 'eye-marked' },
];

const even = (v: number): number => 2 * Math.round(v / 2);

/** The ffmpeg filter and the truth's coordinate map for a frame of w × h px. */
function geometry(v: Variant, w: number, h: number, fps: number) {
  const sw = even(w * v.scale); const sh = even(h * v.scale);
  const sx = sw / w; const sy = sh / h;
  const ox = v.pad ? (w - sw) / 2 : 0; const oy = v.pad ? (h - sh) / 2 : 0;
  const vf = [
    ...(v.everyNth > 1 ? [`select=not(mod(n\\,${v.everyNth})),setpts=N/${fps / v.everyNth}/TB`] : []),
    `scale=${sw}:${sh}`,
    ...(v.pad ? [`pad=${w}:${h}:${ox}:${oy}:color=gray`] : []),
  ].join(',');
  return { vf, sx, sy, ox, oy, outW: v.pad ? w : sw, outH: v.pad ? h : sh };
}

async function makeRendered(v: Variant, dir: string): Promise<void> {
  mkdirSync(join(dir, 'synthetic'), { recursive: true });
  mkdirSync(join(dir, 'rbds'), { recursive: true });
  for (const clip of renderedClips()) {
    const run = join(dir, 'rbds', clip.run);
    if (!existsSync(run)) symlinkSync(join(FIXTURES, 'rbds', clip.run), run);
    const g = geometry(v, clip.widthPx, clip.heightPx, clip.fps);
    const out = join(dir, 'synthetic', clip.name);
    await filteredClip(clip.video, `${out}.mp4`, g.vf, { crf: v.crf, extra: ['-r', String(clip.fps / v.everyNth), '-pix_fmt', 'yuv420p', '-an'] });
    const lines = readFileSync(join(FIXTURES, 'synthetic', `${clip.name}_truth.csv`), 'utf8').trim().split(/\r?\n/);
    const header = (lines[0] ?? '').split(',');
    const rows = lines.slice(1).filter((_, i) => i % v.everyNth === 0).map((line) => line.split(',').map((cell, j) => {
      const h = header[j] ?? '';
      if (j < 2) return cell;
      return h.endsWith('_x') ? (Number(cell) * g.sx + g.ox).toFixed(3) : (Number(cell) * g.sy + g.oy).toFixed(3);
    }).join(','));
    writeFileSync(`${out}_truth.csv`, `${[header.join(','), ...rows].join('\n')}\n`);
    const meta = JSON.parse(readFileSync(join(FIXTURES, 'synthetic', `${clip.name}_meta.json`), 'utf8')) as Record<string, unknown>;
    writeFileSync(`${out}_meta.json`, JSON.stringify({
      ...meta, fps: clip.fps / v.everyNth, w: g.outW, h: g.outH, f_px: clip.focalPx * g.sx, frames: rows.length, variant: v.what,
    }, null, 1));
  }
}

async function makeEyeMarked(v: Variant, dir: string): Promise<void> {
  mkdirSync(join(dir, 'videos'), { recursive: true });
  for (const clip of eyeMarkedClips()) {
    const marks = JSON.parse(readFileSync(join(FIXTURES, 'videos', `${clip.stem}.events.json`), 'utf8')) as { events: { foot: 'left' | 'right' }[] };
    for (const mirrored of [false, true]) {
      // the stem keeps its frame rate last, as the loaders read it
      const stem = clip.stem.replace(/(_\d+fps)$/, `${mirrored ? ' mirrored' : ''} ${v.name}$1`);
      const vf = `${mirrored ? 'hflip,' : ''}scale=trunc(iw*${v.scale}/2)*2:trunc(ih*${v.scale}/2)*2`;
      await filteredClip(clip.video, join(dir, 'videos', `${stem}.mp4`), vf, { crf: v.crf, extra: ['-pix_fmt', 'yuv420p', '-an'] });
      // mirroring moves no frame in time; it swaps which foot is which
      const events = mirrored ? marks.events.map((e) => ({ ...e, foot: e.foot === 'left' ? 'right' : 'left' })) : marks.events;
      writeFileSync(join(dir, 'videos', `${stem}.events.json`), JSON.stringify({ ...marks, events, variant: `${v.what}${mirrored ? ', mirrored' : ''}` }));
    }
  }
}

function run(script: string, env: NodeJS.ProcessEnv, keep: (line: string) => boolean, args: string[] = []): void {
  const r = spawnSync('npx', ['tsx', join(import.meta.dirname, script), ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  for (const line of r.stdout.split('\n')) if (keep(line)) console.log(line);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const root = resolve('out', 'variants');
  for (const v of VARIANTS.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
    const dir = join(root, v.name);
    rmSync(dir, { recursive: true, force: true });
    const fixtures = join(dir, 'fixtures');
    console.log(`\n== ${v.name}: ${v.what} (${fixtures})`);
    await (v.source === 'rendered' ? makeRendered(v, fixtures) : makeEyeMarked(v, fixtures));
    const env = { ...process.env, LOPSIDED_FIXTURES_DIR: fixtures, LOPSIDED_POSETRACKS_DIR: join(dir, 'tracks') };
    run('makeTracks.ts', env, (l) => /track\(s\) made|already has/.test(l));
    // every compared foot's median |error| against its truth, and whether heavy and full agree on the timing levels
    run('comparedFeet.ts', env, (l) => /^(synthetic-bp|video-bp)/.test(l) || /MISS|ok$/.test(l));
    // the intervals over the re-encoded clips' cases only (truth inside, false flags)
    run('coverage.ts', env, (l) => /^Coverage|^Levels/.test(l) || (/ NO( |$)/.test(l) && !/not compared NO/.test(l)), [v.source === 'rendered' ? 'synthetic' : 'video']);
    if (v.source === 'rendered') run('sideAngles.ts', env, (l) => /^clip |^within bound/.test(l));
  }
}

await main();
