// Section 5b of the report (issue 5): capture quality, the method in brief, and what the
// numbers do not mean (docs/references.md, "Asymmetry": Malisoux 2024; no injury-risk score).
import type { AnalysisResult, MetricId, PoseTrack } from '../../shared/contract';
import { METRIC_NAME } from '../../shared/formatMetric';
import { MUTED_COLOR, TEXT_COLOR, bulletList, contentLeft, contentWidth, ensureSpace, paragraph, sectionHeading, type ReportContext } from './reportLayout';

/** A method entry's label: a measure's one name (metricNames.ts) for a metric id, else the key in words. */
export function methodLabel(key: string): string {
  return Object.hasOwn(METRIC_NAME, key) ? METRIC_NAME[key as MetricId] : humaniseKey(key);
}

/** "eventMethod" → "Event method". */
export function humaniseKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function limitsText(result: AnalysisResult): string[] {
  const frameMs = result.video.fps > 0 ? Math.round(1000 / result.video.fps) : null;
  const lines = [
    'Not an injury prediction. Left/right asymmetry alone did not predict running injury in 836 recreational runners followed for six months (Malisoux et al. 2024, BMJ Open Sport & Exercise Medicine e001787). This report gives no injury-risk score and makes no diagnosis.',
    'A flag means a left/right difference is larger than this measurement’s own step-to-step noise and the usual band (healthy runners show 2–3° of left/right difference in joint angles). It describes how this runner ran in this clip, on a treadmill, on this day; it does not say the difference is harmful or needs correcting.',
    'One camera sees a flat (2D) projection: angles outside the camera’s plane are foreshortened, the far leg is partly hidden in a side view, and a tilted camera adds its tilt one-for-one to the hip line. Pose-model joints are estimated joint centres, not the skin markers of laboratory studies, so values can differ from published lab norms.',
  ];
  if (frameMs !== null) {
    lines.push(
      `Timing is limited by the frame rate: one frame is ${frameMs} ms at ${result.video.fps.toFixed(0)} frames/s. Event times are interpolated between frames and averaged over many steps, but single-step values carry that uncertainty; compare clips filmed the same way.`,
    );
  }
  return lines;
}

function trackSourceText(track: PoseTrack | undefined): string | null {
  if (!track) return null;
  return track.source.kind === 'pose-model'
    ? `Pose track: ${track.source.model} (${track.source.backend}), ${track.timesSec.length} frames`
    : `Pose track: imported keypoint CSV ${track.source.name}, ${track.timesSec.length} frames`;
}

function keyValueRows(ctx: ReportContext, rows: [string, string][]): void {
  const { doc, fonts } = ctx;
  const x = contentLeft(doc);
  const labelW = 130;
  const valueW = contentWidth(doc) - labelW - 8;
  for (const [label, value] of rows) {
    doc.font(fonts.regular).fontSize(9);
    const h = Math.max(doc.heightOfString(value, { width: valueW, lineGap: 1 }), 11);
    const y = ensureSpace(doc, h + 3);
    doc.font(fonts.bold).fontSize(8.5).fillColor(MUTED_COLOR).text(label, x, y + 0.5, { width: labelW });
    doc.font(fonts.regular).fontSize(9).fillColor(TEXT_COLOR).text(value, x + labelW + 8, y, { width: valueW, lineGap: 1 });
    doc.y = Math.max(doc.y, y + h) + 3;
  }
  doc.x = x;
}

export function drawNotesSection(ctx: ReportContext, result: AnalysisResult, track: PoseTrack | undefined): void {
  const q = result.quality;
  sectionHeading(ctx, 'Capture quality');
  const pct = q.framesTotal > 0 ? ((100 * q.framesWithPose) / q.framesTotal).toFixed(1) : '–';
  paragraph(ctx, `A pose was found in ${q.framesWithPose} of ${q.framesTotal} frames (${pct}%).`);
  if (q.warnings.length > 0) bulletList(ctx, q.warnings);
  else paragraph(ctx, 'No capture warnings.', { color: MUTED_COLOR });

  sectionHeading(ctx, 'Method in brief');
  const rows: [string, string][] = Object.entries(result.method ?? {}).map(([k, v]) => [methodLabel(k), v]);
  const source = trackSourceText(track);
  if (source) rows.push(['Pose track', source.replace(/^Pose track: /, '')]);
  rows.push(['Symmetry index', '(L − R) / mean(L, R) × 100 on each side’s mean of its steps (Zifchock 2008).']);
  rows.push(['Sources', 'Every definition, band and study named here, with its full citation: docs/references.md, shipped with Lopsided.']);
  if (!result.method || Object.keys(result.method).length === 0) {
    paragraph(ctx, 'The analysis did not record its method details in this report.json.', { color: MUTED_COLOR });
  }
  keyValueRows(ctx, rows);

  sectionHeading(ctx, 'What these numbers do not mean');
  bulletList(ctx, limitsText(result));
}
