// Issue 11: the foot's own pixels as timing evidence. For each side clip with its video in the fixtures (the demo
// clip against its eye marks; the rendered RBDS008 clips from the runner's right and left against the force plates)
// and each stored BlazePose track of it: the foot regions' image motion is measured from the video as the pipeline
// measures it (src/main/footMotion), and per foot the table prints
// - the pixel stance onsets / ends (gait/pixelStance.ts) against the truth's strikes / toe-offs: median error in ms
//   and frames, and how many were found;
// - the pose events against the truth (the error the evidence should reveal);
// - the pose events against the pixels (report.json timing.evidence pixelOffsetSec, its step-to-step scatter), and
//   whether the foot's events are compared with and without the pixels.
// `npx tsx scripts/validate/footMotion.ts` (decodes each clip once: ~30 s in all).
import { assembleResult } from '../../src/analysis/assembleResult';
import { findGaitEvents } from '../../src/analysis/findGaitEvents';
import { pixelStance } from '../../src/analysis/gait/pixelStance';
import type { AnalysisResult, GaitEventType, PoseTrack, Side } from '../../src/analysis/types';
import { pixelCases, trackWithFootMotion, type PixelCase } from './footMotionCases';
import { matchEvents, medianAbs } from './matchEvents';
import type { TruthEvent } from './truthLoaders';

const TYPES: readonly GaitEventType[] = ['footStrike', 'toeOff'];

function analyse(track: PoseTrack, fps: number): { result: AnalysisResult; eventTrack: PoseTrack; facing: string } {
  const gait = findGaitEvents(track, { view: 'auto' });
  const meta = { path: 'video', fps, durationSec: (track.timesSec.at(-1) ?? 0) - (track.timesSec[0] ?? 0), width: track.width, height: track.height };
  return { result: assembleResult(track, gait, { view: 'auto' }, meta), eventTrack: gait.eventTrack, facing: gait.facing };
}

/** Median signed error (s) of events against the truth of that foot and type, nearest within 0.1 s; and the count. */
function signedErrors(times: readonly number[], truth: readonly TruthEvent[], side: Side, type: GaitEventType): number[] {
  const own = truth.filter((t) => t.side === side && t.type === type);
  const out: number[] = [];
  for (const t of times) {
    let best = Number.POSITIVE_INFINITY;
    for (const e of own) if (Math.abs(t - e.timeSec) < Math.abs(best)) best = t - e.timeSec;
    if (Math.abs(best) <= 0.1) out.push(best);
  }
  return out;
}

const med = (v: number[]): number => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? (s[s.length >> 1] as number) : 0.5 * ((s[(s.length >> 1) - 1] as number) + (s[s.length >> 1] as number))) : Number.NaN;
};
const f = (v: number | null | undefined, w = 6, d = 1): string => (v !== null && v !== undefined && Number.isFinite(v) ? v.toFixed(d) : '-').padStart(w);

export interface PixelRow { c: PixelCase; side: Side; type: GaitEventType; pixelErrSec: number; pixelN: number; poseErrFrames: number; offsetSec: number | null; scatterSec: number | null; comparedBefore: boolean; comparedAfter: boolean }

export interface ClipSummary { c: PixelCase; boundMs: Record<'before' | 'after', Record<GaitEventType, number>>; levels: Record<'before' | 'after', string[]> }

const LEVEL_METRICS = ['contactTimeMs', 'flightTimeMs', 'stepTimeMs', 'dutyFactorPct'] as const;

function summary(r: AnalysisResult): { bound: Record<GaitEventType, number>; levels: string[] } {
  const b = r.timing?.betweenFeetSec ?? { footStrike: Number.NaN, toeOff: Number.NaN };
  return {
    bound: { footStrike: 1000 * b.footStrike, toeOff: 1000 * b.toeOff },
    levels: LEVEL_METRICS.map((id) => `${id.replace(/(Ms|Pct)$/, '')} ${r.flags.find((fl) => fl.metricId === id)?.level ?? 'not compared'}`),
  };
}

export async function pixelRows(clips: ClipSummary[] = []): Promise<PixelRow[]> {
  const rows: PixelRow[] = [];
  for (const c of pixelCases()) {
    const withPixels = await trackWithFootMotion(c);
    const { footMotion: _drop, ...withoutPixels } = withPixels;
    const after = analyse(withPixels, c.fps);
    const before = analyse(withoutPixels, c.fps);
    const sb = summary(before.result), sa = summary(after.result);
    clips.push({ c, boundMs: { before: sb.bound, after: sa.bound }, levels: { before: sb.levels, after: sa.levels } });
    const truth = c.truth();
    const matched = matchEvents(after.result.events, truth);
    for (const side of ['left', 'right'] as Side[]) {
      const motion = after.eventTrack.footMotion;
      const facing = after.facing === 'imageLeft' || after.facing === 'imageRight' ? after.facing : null;
      const px = motion && facing ? pixelStance(motion, side, after.eventTrack.timesSec, facing) : null;
      for (const type of TYPES) {
        const pxErr = px ? signedErrors(type === 'footStrike' ? px.onsetsSec : px.endsSec, truth, side, type) : [];
        const ev = after.result.timing?.evidence[side][type];
        const evBefore = before.result.timing?.evidence[side][type];
        rows.push({
          c, side, type, pixelErrSec: med(pxErr), pixelN: pxErr.length,
          poseErrFrames: medianAbs(matched.errorsBySideSec[side][type]) * c.fps,
          offsetSec: ev?.pixelOffsetSec ?? null, scatterSec: ev?.pixelScatterSec ?? null,
          comparedBefore: evBefore ? !evBefore.hidden && !evBefore.wandering : true,
          comparedAfter: ev ? !ev.hidden && !ev.wandering && ev.pixelDisagrees !== true : true,
        });
      }
    }
  }
  return rows;
}

export async function footMotionReport(log: (line: string) => void): Promise<void> {
  log('Foot pixels (issue 11): pixel stance vs truth, pose events vs truth, pose vs pixels, per foot (median; + = late)');
  log(`${'clip'.padEnd(24)} ${'pose'.padEnd(9)} fps foot  event       pixel−truth ms  frames   n  |pose−truth| fr  pixel−pose ms  scatter ms  compared before → after`);
  const clips: ClipSummary[] = [];
  for (const r of await pixelRows(clips)) {
    log(`${r.c.clip.padEnd(24)} ${r.c.source.padEnd(9)} ${String(r.c.fps).padStart(3)} ${r.side.padEnd(5)} ${r.type.padEnd(10)} ${f(r.pixelErrSec * 1000, 15)} ${f(r.pixelErrSec * r.c.fps, 7, 2)} ${String(r.pixelN).padStart(3)} ${f(r.poseErrFrames, 15, 2)} ${f(r.offsetSec === null ? null : r.offsetSec * 1000, 14)} ${f(r.scatterSec === null ? null : r.scatterSec * 1000, 11)}  ${r.comparedBefore ? 'yes' : 'no '} → ${r.comparedAfter ? 'yes' : 'no'}${r.comparedAfter && r.poseErrFrames > 1 ? '  (compared, > 1 frame off)' : ''}`);
  }

  log('Between-feet bound (strike / toe-off ms) and timing levels, without → with the pixels:');
  for (const k of clips) {
    const lv = k.levels.before.map((b, i) => (b === k.levels.after[i] ? b : `${b} → ${k.levels.after[i]?.split(' ')[1]}`));
    log(`${k.c.clip.padEnd(24)} ${k.c.source.padEnd(9)} ${f(k.boundMs.before.footStrike, 5)} / ${f(k.boundMs.before.toeOff, 5)} → ${f(k.boundMs.after.footStrike, 5)} / ${f(k.boundMs.after.toeOff, 5)}   ${lv.join(', ')}`);
  }
}

if (process.argv[1]?.endsWith('footMotion.ts')) await footMotionReport((line) => console.log(line));
