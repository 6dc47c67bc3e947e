// One PDF document set-up for every report (the gait report, the progress report): page geometry, buffered pages for
// the footers, the fonts, and the bytes collected as pdfkit writes them.
import PDFDocument from 'pdfkit';
import { FOOTER_SPACE_PT, MARGIN_PT, MUTED_COLOR, type ReportContext } from './reportLayout';
import { glyphSafe, registerReportFonts } from './reportFonts';

export interface ReportDocument {
  ctx: ReportContext;
  /** Text from report.json and the user may hold characters the font cannot draw (e.g. arrows). */
  safe: (text: string) => string;
  /** Resolves with the PDF's bytes once doc.end() has been called. */
  bytes: Promise<Buffer>;
}

export function openReportDocument(paper: 'A4' | 'LETTER' | undefined, info: PDFKit.DocumentInfo): ReportDocument {
  const doc = new PDFDocument({
    size: paper ?? 'A4',
    margins: { top: MARGIN_PT, left: MARGIN_PT, right: MARGIN_PT, bottom: MARGIN_PT + FOOTER_SPACE_PT },
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
    info,
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = registerReportFonts(doc);
  return { ctx: { doc, fonts }, safe: glyphSafe(doc, fonts), bytes };
}

/** "Page N of M" and a left text on every page. */
export function drawFooters(ctx: ReportContext, footerLeft: string): void {
  const { doc, fonts } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin first.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN_PT + 8;
    const width = doc.page.width - 2 * MARGIN_PT;
    doc.font(fonts.regular).fontSize(7.5).fillColor(MUTED_COLOR);
    doc.text(footerLeft, MARGIN_PT, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN_PT + width * 0.75, y, { width: width * 0.25, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
