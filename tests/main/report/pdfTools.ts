// What the report tests read from a PDF: poppler-utils when installed (a speed-up; .ci/run installs it), else
// pdf.js + pdf-lib from the npm registry, so the tests pass on a machine with nothing but Node.
// LOPSIDED_TEST_NO_SYSTEM_TOOLS=1 forces the npm path (CI runs the suite that way once).
import { findSystemTool } from '../../helpers/systemTools';
import { jsPdfTools } from './jsPdfTools';
import { popplerPdfTools } from './popplerPdfTools';
import type { PdfFont, PdfImage, PdfInfo, PdfTextOptions, PdfTools } from './pdfToolsTypes';

export type { PdfFont, PdfImage, PdfInfo, PdfTextOptions } from './pdfToolsTypes';

const popplerInstalled = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages'].every((t) => findSystemTool(t) !== null);
export const pdfTools: PdfTools = popplerInstalled ? popplerPdfTools : jsPdfTools;

/** Text of the PDF; `layout` keeps table rows on one line. */
export function pdfText(path: string, opts: PdfTextOptions = {}): Promise<string> {
  return pdfTools.text(path, opts);
}

export function pdfInfo(path: string): Promise<PdfInfo> {
  return pdfTools.info(path);
}

export function pdfFonts(path: string): Promise<PdfFont[]> {
  return pdfTools.fonts(path);
}

/** Embedded raster images, one entry per image with its encoding. */
export function pdfImages(path: string): Promise<PdfImage[]> {
  return pdfTools.images(path);
}

/** Collapses all whitespace runs into single spaces (the text tools wrap and pad). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
