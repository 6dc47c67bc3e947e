// The 1–3 sentence verdict a runner understands, most important first (issue 3: "The terminal prints a short
// verdict"). Observations only, never injury risk (docs/references.md, Malisoux 2024).
import { crossoverText } from './crossoverText';
import { LABEL } from './flagMessages';
import type { Flag, MetricId, MetricSummary, View } from './types';

export interface VerdictInput {
  view: View;
  flags: Flag[];
  refused: boolean;
  stepsPerSide: { left: number; right: number };
  minStepsPerSide: number;
  cadenceSpm: number | null;
  metrics: Partial<Record<MetricId, MetricSummary>>;
  /** Metrics whose sides were not compared, with the reason. */
  suppressed: Partial<Record<MetricId, string>>;
  /** Why a foot could not be timed on this clip (which foot, why, how to film): said before anything else. */
  notCompared?: string[];
  /** A capture problem that puts every reading in doubt (runnerSize.ts: the runner small in the picture): said first. */
  capture?: string | null;
  /** Why the leg labels may be the wrong way round (findGaitEvents.ts, nearLeg.ts): said before a flag names a side. */
  sidesInDoubt?: string | null;
  /** The result merges several clips of one run (mergeSession.ts). */
  session?: boolean;
  /** Rear view: stances per side whose foot landed across the midline (stepWidth.ts). */
  crossover?: Record<'left' | 'right', { count: number; of: number }>;
}


/**
 * No watch/marked flag, but some differences are 'unclear' (their interval straddles the band's edge): say which,
 * and what would settle them — never "alike" (docs/references.md "Asymmetry": normal is an equivalence statement).
 */
function unclearSentence(flags: readonly Flag[], session: boolean): string {
  const unclear = flags.filter((f) => f.level === 'unclear').map((f) => LABEL[f.metricId].toLowerCase());
  const inside = flags.length - unclear.length;
  const list = unclear.length > 1 ? `${unclear.slice(0, -1).join(', ')} and ${unclear.at(-1)}` : unclear[0];
  const within = inside > 0 ? ` ${inside} of the ${flags.length} measures compared ${inside === 1 ? 'is' : 'are'} within the normal band; for` : ' For';
  // Timing intervals carry each foot's event-timing uncertainty on this clip (eventReliability.ts): a faster
  // camera, or each foot filmed as the near one, narrows them.
  const timing = flags.some((f) => f.level === 'unclear' && /Ms$|Pct$/.test(f.metricId));
  const fix = !timing ? 'more steps would settle it' : session ? 'more steps or a higher frame rate would settle it' : 'more steps, a higher frame rate or a clip from the other side would settle it';
  return `No left/right difference is clear enough to flag.${within} ${list} ${session ? 'these clips' : 'this clip'} cannot tell whether the sides differ: the 95% interval reaches both inside and beyond the normal band (${fix}).`;
}

export function writeVerdict(v: VerdictInput): string[] {
  const out: string[] = v.capture ? [v.capture] : [];
  const cadence = v.cadenceSpm !== null ? `Cadence ${Math.round(v.cadenceSpm)} steps per minute.` : null;
  if (v.refused) {
    const { left, right } = v.stepsPerSide;
    out.push(left + right === 0
      ? 'No steps could be found, so nothing can be said about left and right: make sure both legs and feet stay in view.'
      : `Too few steps to compare your left and right sides (${left} left, ${right} right; at least ${v.minStepsPerSide} each are needed).`);
    if (cadence && out.length < 3) out.push(cadence);
    return out;
  }
  // A foot the clip cannot time is said first: what is not compared matters as much as what is.
  if (v.notCompared && v.notCompared.length > 0) out.push(v.notCompared[0] as string);
  const raised = v.flags.filter((f) => f.level === 'watch' || f.level === 'marked');
  const anyUnclear = v.flags.some((f) => f.level === 'unclear');
  // A flag names a side; where the labels themselves are in doubt, that comes first (the size stands, the side may not).
  if (raised.length > 0 && v.sidesInDoubt) {
    out.push(`Which leg is the left one is not certain in this clip (${v.sidesInDoubt}): each difference below keeps its size, but its sides may be the other way round. Check that the blue skeleton is on the runner's left leg.`);
  }
  for (const f of raised.slice(0, 2)) out.push(f.message);
  const timingSuppressed = v.suppressed.contactTimeMs !== undefined;
  const saidWhy = v.notCompared !== undefined && v.notCompared.length > 0;
  if (raised.length === 0) {
    const n = v.flags.length;
    if (timingSuppressed && v.view === 'rear' && anyUnclear) out.push(`${unclearSentence(v.flags, v.session === true)} Film from the side to compare contact and step times.`);
    else if (timingSuppressed && v.view === 'rear') out.push(n > 0 ? 'From behind, nothing that could be compared differs between your sides beyond the normal band; film from the side to compare contact and step times.' : 'Film from the side to compare contact and step times between your sides.');
    else if (timingSuppressed && saidWhy) { /* the reason is already said */ } else if (timingSuppressed) out.push('Contact, flight and step times could not be compared between your sides on this clip (see the quality notes).');
    else if (anyUnclear) out.push(unclearSentence(v.flags, v.session === true));
    else if (n > 1) out.push(`Your left and right sides look alike: for each of the ${n} measures compared, the whole 95% interval of the difference lies within the normal band.`);
    else if (n === 1) out.push('The one measure that could be compared is within the normal band for left and right, its whole 95% interval included.');
    else out.push('Left and right could not be compared on this clip.');
  } else if (timingSuppressed && out.length < 3) {
    out.push('Contact, flight and step times were not compared (see the quality notes).');
  }
  const drop = v.metrics.hipDropDeg;
  if (out.length < 3 && v.view === 'rear' && drop && drop.left !== null && drop.right !== null) {
    const reason = v.suppressed.hipDropDeg;
    // Pose-model hips show a tenth of the drop (issue 6): a number from them would mislead a runner.
    if (reason !== undefined && /under-report/.test(reason)) {
      out.push('Hip drop could not be measured reliably: the pose model\'s hip points under-report it (pelvis tracking or tape marks are needed).');
    } else {
      const note = reason === undefined ? '' : ' (sides not compared: no level reference)';
      // hip drop is positive when the swing side is lower: a negative value is the swing side rising, said as such
      const move = (deg: number): string => `${deg < 0 ? 'rises' : 'drops'} about ${Math.abs(deg).toFixed(1)}°`;
      out.push(`On the swing side your pelvis ${move(drop.left)} while you stand on the left leg and ${move(drop.right)} while you stand on the right${note}.`);
    }
  }
  // said only when a foot did cross: the table and the steps show the counts either way
  const cross = v.crossover && v.crossover.left.count + v.crossover.right.count > 0 ? crossoverText(v.crossover) : null;
  if (out.length < 3 && cross) out.push(cross);
  if (out.length < 3 && cadence) out.push(cadence);
  return out.slice(0, 3);
}
