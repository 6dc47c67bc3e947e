// Pinned measurements among the report's key frames (issue 13): each measurement the clinician pinned on the review
// screen (measurements.json) is shown on its own frame, drawn as the app draws it (cyan lines over a dark halo,
// the dotted reference of a line-to-vertical/horizontal, the value in degrees), with a caption like the key frames'.
import type { FrameMeasurement } from '../../shared/api';
import type { PoseTrack, RgbFrame } from '../../shared/contract';
import { formatSeconds } from '../../shared/formatMetric';
import { measureLabel, measureLabelAnchor, type Pt } from '../../shared/measureGeometry';
import { cropAround, encodeCropJpeg, type FrameSource, type PixelRect } from './frameJpeg';
import { poseAtTime, poseBounds } from './poseAtTime';
import { MUTED_COLOR, TEXT_COLOR, contentLeft, contentWidth, ensureSpace, type ReportContext } from './reportLayout';

export interface PinnedImage {
  measurement: FrameMeasurement;
  /** 0-based, as in events.csv and the review screen's frame counter. */
  frameIndex: number;
  timeSec: number;
  jpeg: Buffer;
  crop: PixelRect;
  /** Multiply display (track) pixels by this to get decoded pixels. */
  displayToDecoded: number;
  caption: string;
}

/** The review screen's measuring colour (MeasureLayer.tsx), so the PDF's drawing looks like the one on screen. */
const MEASURE_COLOR = '#00e5ff';
const KIND_LABEL: Record<FrameMeasurement['kind'], string> = { angle: 'Angle', vertical: 'Line', horizontal: 'Line' };

export function pinnedCaption(m: FrameMeasurement, timeSec: number): string {
  return `${KIND_LABEL[m.kind]} ${measureLabel(m)} · frame ${m.frame} · ${formatSeconds(timeSec)} s`;
}

async function pinnedImage(m: FrameMeasurement, track: PoseTrack, frames: FrameSource, aspect: number): Promise<PinnedImage> {
  const timeSec = track.timesSec[m.frame] as number;
  // A hair past the frame's time, so "last frame at or before" lands on that very frame (as the key frames do).
  const frame: RgbFrame = await frames(timeSec + 1e-4);
  const displayToDecoded = track.width > 0 ? frame.width / track.width : 1 / (frame.scaleToDisplay || 1);
  // Frame the runner and the drawing together: a measurement is read against the body it was drawn on.
  const pose = poseAtTime(track, timeSec);
  const b = pose ? poseBounds(pose) : null;
  const xs = [...m.points.map((p) => p.x), ...(b ? [b.minX, b.maxX] : [])];
  const ys = [...m.points.map((p) => p.y), ...(b ? [b.minY, b.maxY] : [])];
  const focus = { x: Math.min(...xs) * displayToDecoded, y: Math.min(...ys) * displayToDecoded, width: (Math.max(...xs) - Math.min(...xs)) * displayToDecoded, height: (Math.max(...ys) - Math.min(...ys)) * displayToDecoded };
  const crop = cropAround(frame, focus, aspect);
  return { measurement: m, frameIndex: m.frame, timeSec, jpeg: encodeCropJpeg(frame, crop), crop, displayToDecoded, caption: pinnedCaption(m, timeSec) };
}

/** Decodes the frames of the pinned measurements, in frame order; problems become notes, never throws. */
export async function preparePinnedFrames(measurements: readonly FrameMeasurement[], track: PoseTrack | undefined, frames: FrameSource, aspect: number): Promise<{ images: PinnedImage[]; notes: string[] }> {
  const pinned = measurements.filter((m) => m.pinned === true).sort((a, b) => a.frame - b.frame);
  if (pinned.length === 0) return { images: [], notes: [] };
  if (!track) return { images: [], notes: [`${pinned.length} pinned measurement(s) are not shown: the report was given no pose track to find their frames’ times.`] };
  const images: PinnedImage[] = [];
  const notes: string[] = [];
  const jobs = pinned.map((m) => ({
    m,
    image: m.frame < track.timesSec.length ? pinnedImage(m, track, frames, aspect).catch((e: unknown) => (e as Error).message) : Promise.resolve(`the clip has no frame ${m.frame}`),
  }));
  for (const job of jobs) {
    const img = await job.image;
    if (typeof img === 'string') notes.push(`The pinned measurement on frame ${job.m.frame} could not be shown: ${img}`);
    else images.push(img);
  }
  return { images, notes };
}

function drawMeasurement(ctx: ReportContext, img: PinnedImage, x: number, y: number, scalePt: number): void {
  const { doc, fonts } = ctx;
  const m = img.measurement;
  const toPt = (p: Pt): [number, number] => [x + (p.x * img.displayToDecoded - img.crop.x) * scalePt, y + (p.y * img.displayToDecoded - img.crop.y) * scalePt];
  const pts = m.points.map(toPt);
  doc.save();
  doc.rect(x, y, img.crop.width * scalePt, img.crop.height * scalePt).clip();
  const [first] = pts;
  if (first && m.kind !== 'angle') {
    // The reference the line is measured against, dotted white through its first point (as on screen).
    const reach = 40;
    const [fx, fy] = first;
    if (m.kind === 'vertical') doc.moveTo(fx, fy - reach).lineTo(fx, fy + reach);
    else doc.moveTo(fx - reach, fy).lineTo(fx + reach, fy);
    doc.dash(3, { space: 2 }).lineWidth(0.9).strokeColor('#ffffff').stroke().undash();
  }
  for (const [width, color, opacity] of [[3.2, '#000000', 0.6], [1.8, MEASURE_COLOR, 1]] as const) {
    pts.forEach(([px, py], i) => (i === 0 ? doc.moveTo(px, py) : doc.lineTo(px, py)));
    doc.lineWidth(width).lineCap('round').lineJoin('round').strokeColor(color).strokeOpacity(opacity).stroke();
  }
  doc.strokeOpacity(1);
  for (const [px, py] of pts) doc.circle(px, py, 2.6).lineWidth(0.7).fillColor(MEASURE_COLOR).strokeColor('#000000').fillAndStroke();
  const anchor = measureLabelAnchor(m);
  const text = measureLabel(m);
  if (anchor && text) {
    // White on a dark box: readable over any pixels, and in greyscale print.
    const [ax, ay] = toPt(anchor);
    doc.font(fonts.bold).fontSize(10);
    const w = doc.widthOfString(text) + 8;
    const bx = Math.min(ax + 6, x + img.crop.width * scalePt - w - 2);
    const by = Math.max(ay - 20, y + 2);
    doc.rect(bx, by, w, 14).fillColor('#000000').fillOpacity(0.7).fill().fillOpacity(1);
    doc.fillColor('#ffffff').text(text, bx + 4, by + 2.5, { lineBreak: false });
  }
  doc.restore();
}

/** Two pinned frames a row, each as wide as a key frame, the caption under it; new pages as needed. */
export function drawPinnedFrames(ctx: ReportContext, images: readonly PinnedImage[], aspect: number): void {
  const { doc, fonts } = ctx;
  if (images.length === 0) return;
  const gap = 16;
  const cellW = (contentWidth(doc) - gap) / 2;
  const captionH = 24;
  const imgH = Math.min(cellW / aspect, 300);
  const imgW = imgH * aspect;
  let y = ensureSpace(doc, 40 + imgH + captionH);
  doc.font(fonts.bold).fontSize(10.5).fillColor(TEXT_COLOR).text('Pinned measurements', contentLeft(doc), y, { width: contentWidth(doc), lineBreak: false });
  doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED_COLOR)
    .text('Drawn by the clinician on the review screen and pinned to this report: cyan lines, the value in degrees; a line is measured against the dotted vertical or horizontal.', contentLeft(doc), y + 15, { width: contentWidth(doc) });
  doc.y += 6;
  for (let i = 0; i < images.length; i += 2) {
    y = ensureSpace(doc, imgH + captionH);
    images.slice(i, i + 2).forEach((img, col) => {
      const cx = contentLeft(doc) + col * (cellW + gap);
      const x = cx + (cellW - imgW) / 2;
      const scalePt = imgW / img.crop.width;
      doc.image(img.jpeg, x, y, { width: imgW, height: img.crop.height * scalePt });
      drawMeasurement(ctx, img, x, y, scalePt);
      doc.font(fonts.regular).fontSize(8.5).fillColor(TEXT_COLOR).text(img.caption, cx, y + imgH + 4, { width: cellW, align: 'center', lineBreak: false, ellipsis: true });
    });
    doc.x = contentLeft(doc);
    doc.y = y + imgH + captionH;
  }
}
