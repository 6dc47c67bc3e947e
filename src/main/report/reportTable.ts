// A table that spans pages and repeats its header on each (issue 5: per-step table).
import type { FlagLevel } from '../../shared/contract';
import { FLAG_STYLE, MUTED_COLOR, RULE_COLOR, TEXT_COLOR, ZEBRA_COLOR, contentBottom, contentLeft, contentWidth, drawMarker, type ReportContext } from './reportLayout';

export interface TableColumn {
  header: string;
  /** Relative width; columns share the content width in proportion. */
  weight: number;
  align: 'left' | 'right' | 'center';
}

export interface TableCell {
  text: string;
  bold?: boolean;
  color?: string;
  /** Draws a flag mark before the text. */
  flag?: FlagLevel;
  /** Draws a side marker (circle/square) before the text. */
  marker?: { shape: 'circle' | 'square'; color: string };
}

export interface TableSpec {
  columns: TableColumn[];
  rows: TableCell[][];
  fontSize?: number;
  headerFontSize?: number;
  zebra?: boolean;
}

const PAD_X = 4;
const PAD_Y = 3;

function columnWidths(ctx: ReportContext, columns: TableColumn[]): number[] {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  return columns.map((c) => (contentWidth(ctx.doc) * c.weight) / total);
}

function cellHeight(ctx: ReportContext, cell: TableCell, width: number, size: number): number {
  const { doc } = ctx;
  doc.font(cell.bold ? ctx.fonts.bold : ctx.fonts.regular).fontSize(size);
  const indent = cell.flag || cell.marker ? size + 2 : 0;
  return doc.heightOfString(cell.text || ' ', { width: width - 2 * PAD_X - indent });
}

function drawCell(ctx: ReportContext, cell: TableCell, col: TableColumn, x: number, y: number, width: number, size: number): void {
  const { doc } = ctx;
  let textX = x + PAD_X;
  let textWidth = width - 2 * PAD_X;
  const markY = y + PAD_Y + size * 0.62;
  if (cell.flag) {
    const style = FLAG_STYLE[cell.flag];
    drawMarker(doc, style.shape, textX + size * 0.4, markY, size * 0.8, style.color);
    textX += size + 2;
    textWidth -= size + 2;
  } else if (cell.marker) {
    drawMarker(doc, cell.marker.shape, textX + size * 0.35, markY, size * 0.6, cell.marker.color);
    textX += size + 2;
    textWidth -= size + 2;
  }
  doc.font(cell.bold ? ctx.fonts.bold : ctx.fonts.regular).fontSize(size).fillColor(cell.color ?? TEXT_COLOR);
  doc.text(cell.text, textX, y + PAD_Y, { width: textWidth, align: col.align, lineBreak: true });
}

function drawHeader(ctx: ReportContext, spec: TableSpec, widths: number[], y: number): number {
  const { doc } = ctx;
  const size = spec.headerFontSize ?? 8;
  const cells = spec.columns.map((c) => ({ text: c.header, bold: true, color: MUTED_COLOR }));
  const height = Math.max(...cells.map((c, i) => cellHeight(ctx, c, widths[i] ?? 0, size))) + 2 * PAD_Y;
  let x = contentLeft(doc);
  spec.columns.forEach((col, i) => {
    drawCell(ctx, cells[i] ?? { text: '' }, col, x, y, widths[i] ?? 0, size);
    x += widths[i] ?? 0;
  });
  const ruleY = y + height;
  doc.save().moveTo(contentLeft(doc), ruleY).lineTo(contentLeft(doc) + contentWidth(doc), ruleY).lineWidth(0.8).strokeColor(TEXT_COLOR).stroke().restore();
  return ruleY + 1;
}

/** Draws the table at doc.y; rows never split across pages; the header repeats on each page. */
export function drawTable(ctx: ReportContext, spec: TableSpec): void {
  const { doc } = ctx;
  const size = spec.fontSize ?? 8.5;
  const widths = columnWidths(ctx, spec.columns);
  const rowHeights = spec.rows.map(
    (row) => Math.max(...row.map((cell, i) => cellHeight(ctx, cell, widths[i] ?? 0, size))) + 2 * PAD_Y,
  );
  const headerReserve = 2 * (spec.headerFontSize ?? 8) + 4 * PAD_Y;
  if (doc.y + headerReserve + (rowHeights[0] ?? 0) > contentBottom(doc)) doc.addPage();
  let y = drawHeader(ctx, spec, widths, doc.y);
  spec.rows.forEach((row, r) => {
    const h = rowHeights[r] ?? 0;
    if (y + h > contentBottom(doc)) {
      doc.addPage();
      y = drawHeader(ctx, spec, widths, doc.y);
    }
    if (spec.zebra && r % 2 === 1) {
      doc.save().rect(contentLeft(doc), y, contentWidth(doc), h).fillColor(ZEBRA_COLOR).fill().restore();
    }
    let x = contentLeft(doc);
    spec.columns.forEach((col, i) => {
      drawCell(ctx, row[i] ?? { text: '' }, col, x, y, widths[i] ?? 0, size);
      x += widths[i] ?? 0;
    });
    y += h;
    doc.save().moveTo(contentLeft(doc), y).lineTo(contentLeft(doc) + contentWidth(doc), y).lineWidth(0.3).strokeColor(RULE_COLOR).stroke().restore();
  });
  doc.x = contentLeft(doc);
  doc.y = y + 6;
}
