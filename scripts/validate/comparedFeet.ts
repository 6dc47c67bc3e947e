// Real and rendered pose tracks, foot by foot: how far each foot's strikes and toe-offs sit from the truth (eye marks
// on the demo clip, force plates on the rendered clip) in frames, beside whether the analysis compared that foot's
// events (report.json `timing`: neither hidden nor wandering). The issue's check: every compared foot within one
// frame (median |error|), and the pose models (heavy, full) agreeing on each timing metric's level or one of them
// saying unclear / not compared.
// These are the pose tracks alone, as a keypoint CSV from another tool is analysed. A video analysed by the app also
// carries its feet's pixels, which can refuse a foot the track alone keeps: that path is the "Foot pixels" table
// (footMotion.ts, "compared before → after"), e.g. BlazePose full's right toe-offs on the demo clip, 1.4 frames off the
// eye marks, compared from the track alone and not from the video.
// The rendered run is scored from both sides (trial RBDS008_T35 from its right, RBDS008_T35_left from its left). The
// one compared foot over a frame there, BlazePose heavy's near (left) foot's toe-offs from the left (median 26 ms
// late), is the render's: its shoe is rigid and pivots on the toe tip, drawn on the belt 1–2 frames past the force
// plate's 50 N toe-off (the toe point sinks 5–8 px below its flat-foot level first), and the foot's pixels end their
// stance as late, so nothing in the clip can refuse it (tests/analysis/events/renderedLeftClip.fixtures.test.ts).
// `npx tsx scripts/validate/comparedFeet.ts`
import type { GaitEventType, MetricId, Side } from '../../src/analysis/types';
import { coverageOf, TIMING_METRICS } from './coverage';
import type { Case } from './eventCase';
import { allCases } from './events';
import { matchEvents, medianAbs } from './matchEvents';

const POSE_SOURCES = ['video-', 'synthetic-bp-'];

function poseCases(): Case[] {
  return allCases().filter((c) => c.view === 'side' && POSE_SOURCES.some((p) => c.source.startsWith(p)));
}

export function comparedFeetReport(log: (line: string) => void): void {
  log(`${'source'.padEnd(20)} ${'trial'.padEnd(24)} fps foot  event      median|err| frames  compared  check`);
  const levelsByClip = new Map<string, Map<string, Partial<Record<MetricId, string>>>>();
  for (const c of poseCases()) {
    const { result, rows } = coverageOf(c);
    const matched = matchEvents(result.events, c.truth());
    for (const side of ['left', 'right'] as Side[]) {
      for (const type of ['footStrike', 'toeOff'] as GaitEventType[]) {
        const errFrames = medianAbs(matched.errorsBySideSec[side][type]) * c.fps;
        const ev = result.timing?.evidence[side][type];
        const compared = ev ? !ev.hidden && !ev.wandering && ev.pixelDisagrees !== true : true;
        const check = !compared ? 'not compared' : errFrames <= 1 ? 'ok' : 'MISS (compared, > 1 frame)';
        log(`${c.source.padEnd(20)} ${c.trial.padEnd(24)} ${String(c.fps).padStart(3)} ${side.padEnd(5)} ${type.padEnd(10)} ${errFrames.toFixed(2).padStart(17)}  ${(compared ? 'yes' : 'no').padEnd(8)}  ${check}`);
      }
    }
    const clip = `${c.trial} ${c.fps}`;
    const perModel = levelsByClip.get(clip) ?? new Map<string, Partial<Record<MetricId, string>>>();
    const levels: Partial<Record<MetricId, string>> = {};
    for (const r of rows) levels[r.metricId] = r.level;
    perModel.set(c.source, levels);
    levelsByClip.set(clip, perModel);
  }
  log('\nTiming-metric levels per pose model (agree, or one of them unclear / not compared):');
  for (const [clip, perModel] of levelsByClip) {
    const models = [...perModel.keys()].filter((s) => s.includes('bp-'));
    if (models.length < 2) continue;
    for (const id of TIMING_METRICS) {
      const lv = models.map((m) => perModel.get(m)?.[id] ?? 'not compared');
      const decided = lv.filter((l) => l !== 'unclear' && l !== 'not compared');
      const ok = new Set(decided).size <= 1;
      log(`${clip.padEnd(27)} ${id.padEnd(14)} ${models.map((m, k) => `${m}: ${lv[k]}`).join(', ')}  ${ok ? 'ok' : 'DISAGREE'}`);
    }
  }
}

if (process.argv[1]?.endsWith('comparedFeet.ts')) comparedFeetReport((line) => console.log(line));
