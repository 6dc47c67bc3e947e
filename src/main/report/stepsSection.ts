// Section 5a of the report (issue 5): every step in a table that spans pages.
import type { AnalysisResult, GaitEventType, MetricId, StepRow } from '../../shared/contract';
import { formatMetricValue, formatSeconds } from '../../shared/formatMetric';
import { untimedEvents, untimedMetrics } from '../../shared/timingReliability';
import { MUTED_COLOR, SIDE_STYLE, paragraph, sectionHeading, type ReportContext } from './reportLayout';
import { drawTable, type TableCell, type TableColumn } from './reportTable';

/** Per foot, the events this clip could not time and the measures resting on them (shared/timingReliability): greyed. */
interface Untimed {
  events: Record<StepRow['side'], ReadonlyMap<GaitEventType, string>>;
  metrics: Record<StepRow['side'], ReadonlyMap<MetricId, string>>;
}

const GREY = { color: MUTED_COLOR } as const;

interface StepColumn {
  column: TableColumn;
  cell: (s: StepRow, n: number, untimed: Untimed) => TableCell;
  /** A value column is dropped when no step has a value (e.g. hip drop in a side view). */
  value?: (s: StepRow) => number | null;
}

function valueColumn(header: string, metricId: MetricId, value: (s: StepRow) => number | null): StepColumn {
  return {
    column: { header, weight: 1, align: 'right' }, value,
    cell: (s, _n, untimed) => ({ text: formatMetricValue(metricId, value(s)), ...(untimed.metrics[s.side].has(metricId) ? GREY : {}) }),
  };
}

const STEP_COLUMNS: StepColumn[] = [
  { column: { header: '#', weight: 0.5, align: 'right' }, cell: (_s, n) => ({ text: String(n) }) },
  {
    column: { header: 'Side', weight: 0.85, align: 'left' },
    cell: (s) => ({ text: SIDE_STYLE[s.side].label, marker: { shape: SIDE_STYLE[s.side].marker, color: SIDE_STYLE[s.side].color } }),
  },
  { column: { header: 'Strike (s)', weight: 0.9, align: 'right' }, cell: (s, _n, u) => ({ text: formatSeconds(s.strikeTimeSec), ...(u.events[s.side].has('footStrike') ? GREY : {}) }) },
  { column: { header: 'Toe-off (s)', weight: 0.9, align: 'right' }, cell: (s, _n, u) => ({ text: formatSeconds(s.toeOffTimeSec), ...(u.events[s.side].has('toeOff') ? GREY : {}) }) },
  valueColumn('Contact (ms)', 'contactTimeMs', (s) => s.contactMs),
  valueColumn('Flight (ms)', 'flightTimeMs', (s) => s.flightMs),
  valueColumn('Step (ms)', 'stepTimeMs', (s) => s.stepMs),
  valueColumn('Knee at strike (°)', 'kneeFlexionAtStrikeDeg', (s) => s.kneeFlexionAtStrikeDeg),
  valueColumn('Overstride (°)', 'overstrideDeg', (s) => s.overstrideDeg),
  valueColumn('Hip drop (°)', 'hipDropDeg', (s) => s.hipDropDeg),
  valueColumn('Step width (cm)', 'stepWidthCm', (s) => s.stepWidthCm ?? null),
  valueColumn('Step width (% hip)', 'stepWidthPctHip', (s) => s.stepWidthPctHip ?? null),
  {
    column: { header: 'Crossover', weight: 1.1, align: 'right' },
    value: (s) => (s.crossover === true || s.crossover === false ? 1 : null),
    cell: (s) => ({ text: s.crossover === true ? 'yes' : s.crossover === false ? 'no' : '–' }),
  },
  valueColumn('Sway (px)', 'lateralSwayPx', (s) => s.lateralSwayPx ?? null),
];

// Issue 16's side-view angles: a second table of the same steps, since sixteen columns do not fit a page's width.
const ANGLE_COLUMNS: StepColumn[] = [
  ...STEP_COLUMNS.slice(0, 3),
  valueColumn('Hip ext. at toe-off (°)', 'hipExtensionAtToeOffDeg', (s) => s.hipExtensionAtToeOffDeg ?? null),
  valueColumn('Knee drive (°)', 'kneeDriveDeg', (s) => s.kneeDriveDeg ?? null),
  valueColumn('Foot-strike angle (°)', 'footStrikeAngleDeg', (s) => s.footStrikeAngleDeg ?? null),
  valueColumn('Knee mid-stance (°)', 'kneeFlexionMidstanceDeg', (s) => s.kneeFlexionMidstanceDeg ?? null),
  valueColumn('Trunk lean (°)', 'trunkLeanDeg', (s) => s.trunkLeanDeg ?? null),
  valueColumn('Arm swing (°)', 'armSwingDeg', (s) => s.armSwingDeg ?? null),
];

/** Issue 13: which of a row's events a person set; the column is there only when some were. */
const HAND_WORDS = { footStrike: 'strike', toeOff: 'toe-off' } as const;
const HAND_COLUMN: StepColumn = {
  column: { header: 'By hand', weight: 1, align: 'left' },
  cell: (s) => ({ text: (s.correctedByHand ?? []).map((t) => HAND_WORDS[t]).join(' + ') || '' }),
};

function stepTable(ctx: ReportContext, steps: readonly StepRow[], all: readonly StepColumn[], untimed: Untimed): void {
  const columns = all.filter((c) => !c.value || steps.some((s) => Number.isFinite(c.value?.(s) ?? Number.NaN)));
  if (all === STEP_COLUMNS && steps.some((s) => (s.correctedByHand ?? []).length > 0)) columns.push(HAND_COLUMN);
  drawTable(ctx, {
    columns: columns.map((c) => c.column),
    rows: steps.map((s, i) => columns.map((c) => c.cell(s, i + 1, untimed))),
    fontSize: 8.5,
    headerFontSize: 7.5,
    zebra: true,
  });
}

/** The events a person set, listed in words (the PDF says which numbers rest on a correction). */
export function handSetSentence(result: AnalysisResult): string | null {
  const hand = result.events.filter((e) => e.correctedByHand === true).sort((a, b) => a.timeSec - b.timeSec);
  if (hand.length === 0) return null;
  const listed = hand.slice(0, 12).map((e) => `${e.side} ${e.type === 'footStrike' ? 'strike' : 'toe-off'} at ${formatSeconds(e.timeSec, 3)} s (frame ${e.frame})`);
  const more = hand.length > listed.length ? `, and ${hand.length - listed.length} more (events.csv lists them)` : '';
  return `Corrected by hand: ${hand.length} of ${result.events.length} events were set or moved after looking at the frames: ${listed.join(', ')}${more}. Every number in this report is computed from the corrected events.`;
}

export function drawStepsSection(ctx: ReportContext, result: AnalysisResult): void {
  const steps = [...(result.steps ?? [])].sort((a, b) => a.strikeTimeSec - b.strikeTimeSec);
  sectionHeading(ctx, `Every step (${steps.length})`, 120);
  if (steps.length === 0) {
    paragraph(ctx, 'This report.json holds no per-step rows.', { color: MUTED_COLOR });
    return;
  }
  const events = untimedEvents(result.timing, result.facing ?? '');
  const untimed: Untimed = { events, metrics: untimedMetrics(events) };
  const grey = untimed.events.left.size + untimed.events.right.size > 0 ? ' Grey: a foot’s events this clip could not time, and the values resting on them (see the warnings); they are left out of the comparison.' : '';
  paragraph(ctx, `Strike and toe-off are times in the clip. Flight runs from this foot’s toe-off to the other foot’s strike; step time from the other foot’s strike to this one. – = not measured for that step.${grey}`, { size: 8.5, color: MUTED_COLOR });
  const hand = handSetSentence(result);
  if (hand !== null) paragraph(ctx, hand, { size: 8.5 });
  stepTable(ctx, steps, STEP_COLUMNS, untimed);
  if (!ANGLE_COLUMNS.slice(3).some((c) => steps.some((s) => Number.isFinite(c.value?.(s) ?? Number.NaN)))) return;
  sectionHeading(ctx, 'Every step: side-view angles', 120);
  paragraph(ctx, 'Hip extension: the thigh behind the vertical at this foot’s toe-off; knee drive: the thigh’s furthest forward in the swing that follows; foot-strike angle: the foot’s heel-to-toe line at the strike against mid-stance (positive toe up); trunk lean over this stance; arm swing over this side’s stride. – = not measured (that leg, foot or arm was not seen).', { size: 8.5, color: MUTED_COLOR });
  stepTable(ctx, steps, ANGLE_COLUMNS, untimed);
}
