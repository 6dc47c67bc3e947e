// What is lopsided, by how much, how sure (design.md station 3). Three honest levels (docs/references.md "Asymmetry"):
// watch/marked only when the 95% interval of the difference lies wholly beyond the normal band; 'normal' only when it
// lies wholly inside it (an equivalence statement, two one-sided tests: Schuirmann 1987, Lakens 2017); everything
// else is 'unclear' — a point estimate inside the band with a wide interval is not evidence that the sides are alike.
import { FLAG_BANDS } from './flagBands';
import { flagMessage, type Observation } from './flagMessages';
import { FLAG_MEANING } from './flagMeanings';
import type { Flag, FlagLevel, MetricId, MetricSummary } from './types';

export interface RaiseFlagsOptions {
  /** Quality refuses asymmetry judgements (too few steps): no flags at all. */
  refuse: boolean;
  /** Metrics whose left/right difference the data cannot support, with the reason (kept for the method text). */
  suppressed?: Partial<Record<MetricId, string>>;
  /** A metric with fewer per-step values than this on a side is not compared (Dingenen 2018: average ≥ 7 steps). */
  minStepsPerSide?: number;
  /** The metrics come from a session of several clips (mergeSession.ts): the wording speaks of "these clips". */
  session?: boolean;
}

const LEVEL_ORDER: Record<FlagLevel, number> = { marked: 0, watch: 1, unclear: 2, normal: 3 };

export function observe(metricId: MetricId, m: MetricSummary): Observation | null {
  const band = FLAG_BANDS[metricId];
  if (!band || m.left === null || m.right === null || !m.differenceCi95) return null;
  const [dlo, dhi] = m.differenceCi95;
  let point: number; let lo: number; let hi: number;
  if (band.kind === 'siPct') {
    const centre = 0.5 * (m.left + m.right);
    if (!(Math.abs(centre) > 1e-9) || m.symmetryIndexPct === null) return null;
    point = m.symmetryIndexPct; lo = (dlo / centre) * 100; hi = (dhi / centre) * 100;
  } else {
    point = m.left - m.right; lo = dlo; hi = dhi;
  }
  const clears = lo > band.normal || hi < -band.normal;
  const inside = lo >= -band.normal && hi <= band.normal;
  const size = Math.abs(point);
  const level: FlagLevel = clears ? (size > band.watch ? 'marked' : 'watch') : inside ? 'normal' : 'unclear';
  const leftLarger = point >= 0;
  return {
    metricId, larger: leftLarger ? 'left' : 'right', size,
    lo: leftLarger ? lo : -hi, hi: leftLarger ? hi : -lo,
    unit: band.kind === 'siPct' ? '%' : band.kind === 'deg' ? '°' : ` ${m.unit}`, level, normalBand: band.normal,
    leftMean: m.left, rightMean: m.right, metricUnit: m.unit,
  };
}

/** One flag per comparable metric (normal, unclear, watch or marked), most important first; none when refused. */
export function raiseFlags(metrics: Partial<Record<MetricId, MetricSummary>>, opts: RaiseFlagsOptions): Flag[] {
  if (opts.refuse) return [];
  const found: { obs: Observation; band: number }[] = [];
  for (const [id, m] of Object.entries(metrics) as [MetricId, MetricSummary][]) {
    if (opts.suppressed?.[id] !== undefined) continue;
    if (Math.min(m.perStep.left.length, m.perStep.right.length) < (opts.minStepsPerSide ?? 0)) continue;
    const obs = observe(id, m);
    if (obs) found.push({ obs, band: obs.normalBand });
  }
  found.sort((a, b) => LEVEL_ORDER[a.obs.level] - LEVEL_ORDER[b.obs.level] || b.obs.size / b.band - a.obs.size / a.band);
  return found.map(({ obs }) => {
    const meaning = obs.level === 'watch' || obs.level === 'marked' ? FLAG_MEANING[obs.metricId] : undefined;
    return {
      id: `${obs.metricId}-asymmetry`,
      metricId: obs.metricId,
      level: obs.level,
      message: flagMessage(obs, opts.session === true),
      ...(meaning ? { meaning } : {}),
    };
  });
}
