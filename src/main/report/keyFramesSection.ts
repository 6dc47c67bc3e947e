// Section 4 of the report (issue 5): for each side, the video frame at a representative foot
// strike and at mid-stance, with the pose skeleton drawn over it as vector lines; left and right
// side by side. Frames are decoded before drawing (async), then laid out (sync pdfkit calls).
import type { FrameMeasurement } from '../../shared/api';
import type { AnalysisResult, GaitEventType, MetricId, PoseTrack, RgbFrame, Side } from '../../shared/contract';
import { applyLegSwaps } from '../../analysis/applyLegSwaps';
import { untimedEventWords, untimedEvents, untimedMetrics } from '../../shared/timingReliability';
import { formatMetricValue, formatSeconds } from '../../shared/formatMetric';
import { cropAround, encodeCropJpeg, type FrameSource, type PixelRect } from './frameJpeg';
import { pickKeyStances, type KeyStance } from './pickKeyFrames';
import { drawPinnedFrames, preparePinnedFrames, type PinnedImage } from './pinnedMeasureFrames';
import { BONES, JOINTS_TO_MARK, drawablePoint, poseAtTime, poseBounds, type PoseAtTime } from './poseAtTime';
import { MUTED_COLOR, SIDE_STYLE, TEXT_COLOR, contentBottom, contentLeft, contentWidth, drawMarker, paragraph, sectionHeading, type ReportContext } from './reportLayout';

export type { FrameSource } from './frameJpeg';

export type Moment = 'strike' | 'midStance';

interface KeyImage {
  side: Side;
  moment: Moment;
  pose: PoseAtTime;
  jpeg: Buffer;
  crop: PixelRect;
  /** Multiply display pixels by this to get decoded pixels. */
  displayToDecoded: number;
  caption: string;
  /** Rear view at mid-stance: draw the pelvis line against a level reference (hip drop, issue 6). */
  showPelvisLevel: boolean;
}

export interface KeyFrames {
  images: KeyImage[];
  /** The measurements the clinician pinned on the review screen, each on its own frame (issue 13). */
  pinned: PinnedImage[];
  /** Why key frames are missing, shown instead of (or under) the pictures. */
  notes: string[];
}

/** Width / height of every key-frame crop: portrait, as a runner is taller than wide. */
const CROP_ASPECT = 0.8;
const MOMENTS: Moment[] = ['strike', 'midStance'];
const MOMENT_LABEL: Record<Moment, string> = { strike: 'foot strike', midStance: 'mid-stance' };

export function keyFrameCaption(result: AnalysisResult, stance: KeyStance, moment: Moment, timeSec: number): string {
  // A foot's events this clip could not time (issue 11) give no number here either: the tables grey them, the
  // comparison leaves them out, and a caption under a picture must not state them as measured.
  const events = untimedEvents(result.timing, result.facing ?? '');
  const untimedMetric = untimedMetrics(events)[stance.side];
  // the strike frame rests on the strike; the mid-stance frame (midpoint of contact) on both
  const resting: GaitEventType[] = moment === 'strike' ? ['footStrike'] : ['footStrike', 'toeOff'];
  const notTimed = untimedEventWords(events[stance.side], resting);
  // From behind a strike is seen only as the foot's fall (BlazePose on the rendered rear clip: ~100 ms early, so that
  // picture may show the foot still in the air); the mid-stance picture is where the hip drop was read.
  const coarse = moment === 'strike' && result.view === 'rear' && result.timing?.basis === 'clip';
  const about = notTimed.length ? ` (about: its ${notTimed.join(' and ')} were not timed)` : coarse ? ' (about: from behind a strike is timed coarsely)' : '';
  const label = `${SIDE_STYLE[stance.side].label} ${MOMENT_LABEL[moment]}${about}`;
  const parts = [label, `${formatSeconds(timeSec)} s`];
  const step = stance.step;
  const shown = (id: MetricId, v: number | null | undefined): v is number => v !== null && v !== undefined && !untimedMetric.has(id);
  if (step && moment === 'strike' && result.view === 'side' && shown('kneeFlexionAtStrikeDeg', step.kneeFlexionAtStrikeDeg)) {
    parts.push(`knee flexion ${formatMetricValue('kneeFlexionAtStrikeDeg', step.kneeFlexionAtStrikeDeg)}°`);
  }
  if (step && moment === 'midStance' && step.hipDropDeg !== null) {
    parts.push(`hip drop ${formatMetricValue('hipDropDeg', step.hipDropDeg)}°`);
  }
  if (step && moment === 'midStance' && shown('contactTimeMs', step.contactMs)) parts.push(`contact ${formatMetricValue('contactTimeMs', step.contactMs)} ms`);
  return parts.join(' · ');
}

async function keyImage(result: AnalysisResult, track: PoseTrack | undefined, frames: FrameSource, stance: KeyStance, moment: Moment): Promise<KeyImage | string> {
  const wanted = moment === 'strike' ? stance.strikeTimeSec : stance.midStanceTimeSec;
  // Without a track (report rebuilt without keypoints.csv) the picture is still worth showing, bare.
  const pose = track ? poseAtTime(track, wanted) : { frameIndex: -1, timeSec: wanted, points: {} };
  if (!pose) return 'the pose track has no frames';
  let frame: RgbFrame;
  try {
    // A hair past the track frame's time, so "last frame at or before" lands on that very frame.
    frame = await frames(pose.timeSec + 1e-4);
  } catch (err) {
    return (err as Error).message;
  }
  const displayToDecoded = track && track.width > 0 ? frame.width / track.width : 1 / (frame.scaleToDisplay || 1);
  const b = poseBounds(pose);
  const focus = b
    ? { x: b.minX * displayToDecoded, y: b.minY * displayToDecoded, width: (b.maxX - b.minX) * displayToDecoded, height: (b.maxY - b.minY) * displayToDecoded }
    : null;
  const crop = cropAround(frame, focus, CROP_ASPECT);
  return { side: stance.side, moment, pose, jpeg: encodeCropJpeg(frame, crop), crop, displayToDecoded, caption: keyFrameCaption(result, stance, moment, pose.timeSec), showPelvisLevel: result.view === 'rear' && moment === 'midStance' };
}

/** Decodes and encodes the four key frames and the pinned measurements' frames; never throws (problems become notes). */
export async function prepareKeyFrames(
  result: AnalysisResult, rawTrack: PoseTrack | undefined, frames: FrameSource | null, unavailableReason?: string, measurements: readonly FrameMeasurement[] = [],
): Promise<KeyFrames> {
  // Draw the legs with the analysis's label repairs, so a left stance never shows the right leg in the left colour.
  const track = rawTrack ? applyLegSwaps(rawTrack, result) : undefined;
  if (!frames) {
    const pinnedCount = measurements.filter((m) => m.pinned === true).length;
    const also = pinnedCount > 0 ? ` Nor are the ${pinnedCount} measurement(s) pinned on the review screen.` : '';
    return { images: [], pinned: [], notes: [`Key frames are not included: ${unavailableReason ?? 'the video is not available'}.${also}`] };
  }
  // Started before the key frames' decodes are awaited, so all of them overlap.
  const pinned = preparePinnedFrames(measurements, track, frames, CROP_ASPECT);
  const stances = pickKeyStances(result);
  const images: KeyImage[] = [];
  const notes: string[] = track ? [] : ['No pose track was given to the report, so the key frames show no skeleton.'];
  const jobs: { side: Side; moment: Moment; image: Promise<KeyImage | string> }[] = [];
  for (const side of ['left', 'right'] as const) {
    const stance = stances[side];
    if (!stance) {
      notes.push(`No complete ${side} stance was found, so there is no ${side} key frame.`);
      continue;
    }
    // The four decodes are independent short ffmpeg runs: let them overlap.
    for (const moment of MOMENTS) jobs.push({ side, moment, image: keyImage(result, track, frames, stance, moment).catch((e: unknown) => (e as Error).message) });
  }
  for (const job of jobs) {
    const img = await job.image;
    if (typeof img === 'string') notes.push(`The ${job.side} ${MOMENT_LABEL[job.moment]} frame could not be read: ${img}`);
    else images.push(img);
  }
  const pins = await pinned;
  return { images, pinned: pins.images, notes: [...notes, ...pins.notes] };
}

/**
 * The pelvis line (tracked pelvis marks when present, else the hip joints) in black over a dotted
 * level line through its centre: the angle between them is what hip drop measures.
 */
function drawPelvisLevel(ctx: ReportContext, img: KeyImage, toPt: (p: { x: number; y: number }) => [number, number]): void {
  const { doc } = ctx;
  const marks = [drawablePoint(img.pose, 'left_pelvis_mark'), drawablePoint(img.pose, 'right_pelvis_mark')];
  const [a, b] = marks[0] && marks[1] ? marks : [drawablePoint(img.pose, 'left_hip'), drawablePoint(img.pose, 'right_hip')];
  if (!a || !b) return;
  const [ax, ay] = toPt(a);
  const [bx, by] = toPt(b);
  const half = Math.abs(bx - ax) * 0.9 + 6;
  const cx = (ax + bx) / 2;
  const cy = (ay + by) / 2;
  doc.save();
  doc.moveTo(cx - half, cy).lineTo(cx + half, cy).dash(2, { space: 2 }).lineWidth(1.2).strokeColor('#ffffff').stroke();
  doc.moveTo(cx - half, cy).lineTo(cx + half, cy).dash(2, { space: 2, phase: 2 }).strokeColor('#000000').stroke();
  doc.undash();
  doc.moveTo(ax, ay).lineTo(bx, by).lineWidth(3.4).strokeColor('#ffffff').stroke();
  doc.moveTo(ax, ay).lineTo(bx, by).lineWidth(1.8).strokeColor('#000000').stroke();
  doc.restore();
}

function drawSkeleton(ctx: ReportContext, img: KeyImage, x: number, y: number, scalePt: number): void {
  const { doc } = ctx;
  const toPt = (p: { x: number; y: number }): [number, number] => [
    x + (p.x * img.displayToDecoded - img.crop.x) * scalePt,
    y + (p.y * img.displayToDecoded - img.crop.y) * scalePt,
  ];
  doc.save();
  doc.rect(x, y, img.crop.width * scalePt, img.crop.height * scalePt).clip();
  // Two passes: a white halo under every bone keeps the lines visible on dark and busy pixels.
  for (const pass of ['halo', 'line'] as const) {
    for (const bone of BONES) {
      const a = drawablePoint(img.pose, bone.from);
      const b = drawablePoint(img.pose, bone.to);
      if (!a || !b) continue;
      const stanceLeg = bone.side === img.side;
      const width = stanceLeg ? 2.4 : 1.4;
      const style = bone.side ? SIDE_STYLE[bone.side] : null;
      const [ax, ay] = toPt(a);
      const [bx, by] = toPt(b);
      doc.moveTo(ax, ay).lineTo(bx, by);
      if (pass === 'halo') {
        doc.undash().lineWidth(width + 1.6).strokeColor('#ffffff').strokeOpacity(0.85).stroke();
      } else {
        if (style?.dash) doc.dash(style.dash[0] * 0.8, { space: style.dash[1] * 0.8 });
        else doc.undash();
        doc.lineWidth(width).strokeColor(style ? style.color : '#444444').strokeOpacity(1).stroke();
      }
    }
  }
  doc.undash();
  if (img.showPelvisLevel) drawPelvisLevel(ctx, img, toPt);
  for (const side of ['left', 'right'] as const) {
    for (const joint of JOINTS_TO_MARK) {
      const p = drawablePoint(img.pose, `${side}_${joint}`);
      if (!p) continue;
      const [px, py] = toPt(p);
      drawMarker(doc, SIDE_STYLE[side].marker, px, py, 5.2, '#ffffff');
      drawMarker(doc, SIDE_STYLE[side].marker, px, py, 3.6, SIDE_STYLE[side].color);
    }
  }
  doc.restore();
}

export function drawKeyFramesSection(ctx: ReportContext, data: KeyFrames): void {
  const { doc, fonts } = ctx;
  // The pictures need a page of their own; a note alone does not.
  if (data.images.length > 0 || data.pinned.length > 0) doc.addPage();
  sectionHeading(ctx, 'Key frames');
  const rearNote = data.images.some((i) => i.showPelvisLevel) ? ' Black line at mid-stance: the pelvis line, against a dotted level line.' : '';
  if (data.images.length > 0) {
    paragraph(ctx, `A typical stance of each leg (the one whose contact, strike to toe-off, is the median). Skeleton: left side solid blue with circles, right side dashed orange with squares; the stance leg is drawn thicker.${rearNote}`, { size: 8.5, color: MUTED_COLOR });
  }
  if (data.images.length > 0) {
    const gap = 16;
    const cellW = (contentWidth(doc) - gap) / 2;
    const captionH = 24;
    const titleH = 16;
    const avail = contentBottom(doc) - doc.y - titleH - 2 * captionH - 40;
    const imgH = Math.min(cellW / CROP_ASPECT, avail / 2);
    const imgW = imgH * CROP_ASPECT;
    const top = doc.y;
    (['left', 'right'] as const).forEach((side, col) => {
      const cx = contentLeft(doc) + col * (cellW + gap);
      doc.font(fonts.bold).fontSize(10.5).fillColor(SIDE_STYLE[side].color).text(`${SIDE_STYLE[side].label} leg`, cx, top, { width: cellW, align: 'center', lineBreak: false });
      MOMENTS.forEach((moment, row) => {
        const img = data.images.find((i) => i.side === side && i.moment === moment);
        const x = cx + (cellW - imgW) / 2;
        const y = top + titleH + row * (imgH + captionH);
        if (!img) {
          doc.save().rect(x, y, imgW, imgH).lineWidth(0.5).strokeColor(MUTED_COLOR).stroke().restore();
          doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED_COLOR).text(`No ${MOMENT_LABEL[moment]} frame`, x, y + imgH / 2 - 5, { width: imgW, align: 'center', lineBreak: false });
          return;
        }
        const scalePt = imgW / img.crop.width;
        doc.image(img.jpeg, x, y, { width: imgW, height: img.crop.height * scalePt });
        drawSkeleton(ctx, img, x, y, scalePt);
        doc.font(fonts.regular).fontSize(8.5).fillColor(TEXT_COLOR).text(img.caption, cx, y + imgH + 4, { width: cellW, align: 'center', lineBreak: false, ellipsis: true });
      });
    });
    doc.x = contentLeft(doc);
    doc.y = top + titleH + 2 * (imgH + captionH) + 4;
  }
  drawPinnedFrames(ctx, data.pinned, CROP_ASPECT);
  for (const note of data.notes) paragraph(ctx, note, { color: MUTED_COLOR });
}
