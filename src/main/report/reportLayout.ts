// Page geometry, colours and small drawing helpers shared by the report's sections (issue 5).
import type { FlagLevel, Side } from '../../shared/contract';
import type { ReportFonts } from './reportFonts';

export type Doc = PDFKit.PDFDocument;

export interface ReportContext {
  doc: Doc;
  fonts: ReportFonts;
}

export const MARGIN_PT = 42;
/** Space kept under the content for the footer ("Page N of M"). */
export const FOOTER_SPACE_PT = 30;

export const TEXT_COLOR = '#1a1a1a';
export const MUTED_COLOR = '#5f6368';
export const RULE_COLOR = '#b0b4b8';
export const ZEBRA_COLOR = '#f1f3f4';

/**
 * Left and right must survive greyscale printing: colour differs in lightness (dark blue vs
 * mid orange) AND line style (solid vs dashed) AND marker (circle vs square).
 */
export interface SideStyle {
  color: string;
  dash: [number, number] | null;
  marker: 'circle' | 'square';
  label: string;
}

export const SIDE_STYLE: Record<Side, SideStyle> = {
  left: { color: '#1f4e9c', dash: null, marker: 'circle', label: 'Left' },
  right: { color: '#d0661a', dash: [5, 3], marker: 'square', label: 'Right' },
};

/** Flag marks differ in shape as well as colour (green and red print as the same grey). */
export const FLAG_STYLE: Record<FlagLevel, { color: string; shape: 'circle' | 'triangle' | 'square' }> = {
  normal: { color: '#2e7d32', shape: 'circle' },
  // the clip cannot tell: grey, never the green of a difference shown to be small
  unclear: { color: '#6b6b6b', shape: 'circle' },
  watch: { color: '#e0a100', shape: 'triangle' },
  marked: { color: '#c62828', shape: 'square' },
};

export function contentLeft(doc: Doc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function contentBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when fewer than `heightPt` points remain; returns the y to draw at. */
export function ensureSpace(doc: Doc, heightPt: number): number {
  if (doc.y + heightPt > contentBottom(doc)) doc.addPage();
  return doc.y;
}

export function sectionHeading(ctx: ReportContext, title: string, minFollowingPt = 60): void {
  const { doc } = ctx;
  ensureSpace(doc, 26 + minFollowingPt);
  doc.moveDown(0.4);
  const y = doc.y;
  doc.font(ctx.fonts.bold).fontSize(13).fillColor(TEXT_COLOR).text(title, contentLeft(doc), y, { width: contentWidth(doc) });
  const ruleY = doc.y + 1;
  doc.save().moveTo(contentLeft(doc), ruleY).lineTo(contentLeft(doc) + contentWidth(doc), ruleY).lineWidth(0.6).strokeColor(RULE_COLOR).stroke().restore();
  doc.y = ruleY + 6;
}

export function paragraph(ctx: ReportContext, text: string, opts: { size?: number; color?: string; bold?: boolean; gapAfter?: number } = {}): void {
  const { doc } = ctx;
  const size = opts.size ?? 9.5;
  const font = opts.bold ? ctx.fonts.bold : ctx.fonts.regular;
  doc.font(font).fontSize(size);
  const height = doc.heightOfString(text, { width: contentWidth(doc) });
  ensureSpace(doc, Math.min(height, 3 * size));
  doc.fillColor(opts.color ?? TEXT_COLOR).text(text, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap: 1.5 });
  doc.y += opts.gapAfter ?? 4;
}

/** A bullet list with hanging indent. */
export function bulletList(ctx: ReportContext, items: readonly string[], size = 9.5): void {
  const { doc } = ctx;
  const indent = 12;
  for (const item of items) {
    doc.font(ctx.fonts.regular).fontSize(size);
    const width = contentWidth(doc) - indent;
    const height = doc.heightOfString(item, { width, lineGap: 1.5 });
    const y = ensureSpace(doc, Math.min(height, 3 * size));
    doc.fillColor(TEXT_COLOR).text('•', contentLeft(doc) + 2, y, { lineBreak: false });
    doc.text(item, contentLeft(doc) + indent, y, { width, lineGap: 1.5 });
    doc.y += 2;
  }
}

/** Draws a marker centred on (x, y): the shapes used for sides and flag levels. */
export function drawMarker(doc: Doc, shape: 'circle' | 'square' | 'triangle', x: number, y: number, sizePt: number, color: string, filled = true): void {
  const r = sizePt / 2;
  doc.save();
  if (shape === 'circle') doc.circle(x, y, r);
  else if (shape === 'square') doc.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else doc.polygon([x, y - r * 1.1], [x + r * 1.1, y + r * 0.8], [x - r * 1.1, y + r * 0.8]);
  if (filled) doc.fillColor(color).fill();
  else doc.lineWidth(0.9).strokeColor(color).stroke();
  doc.restore();
}

/** The clip's file name from a path written on any OS. */
export function clipName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
