// PDF reading from the npm registry alone (no poppler): pdf.js for the text, pdf-lib for the file's structure
// (page boxes, fonts and their font files, image XObjects and their filters), so `npm test` needs only Node.
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import type { PdfFont, PdfImage, PdfInfo, PdfTextOptions, PdfTools } from './pdfToolsTypes';

interface Placed {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Items whose baselines are this close (in points) print on one line. */
const SAME_LINE_PT = 2;

/** Rebuilds printed lines from pdf.js text items: top to bottom, left to right, a space where a gap is. */
function linesOf(items: Placed[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Placed[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row !== undefined && Math.abs(row[0]!.y - item.y) <= SAME_LINE_PT) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of row) {
      // a gap wider than a fifth of the font size separates words or columns
      if (line !== '' && item.x - end > item.size * 0.2) line += ' ';
      line += item.str;
      end = item.x + item.width;
    }
    return line;
  });
}

async function text(path: string, opts: PdfTextOptions = {}): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await readFile(path)), disableFontFace: true, verbosity: 0 }).promise;
  try {
    const first = opts.firstPage ?? 1;
    const last = Math.min(opts.lastPage ?? doc.numPages, doc.numPages);
    const pages: string[] = [];
    for (let n = first; n <= last; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Placed[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const t = item.transform as number[];
        items.push({ str: item.str, x: t[4]!, y: t[5]!, width: item.width, size: Math.hypot(t[2]!, t[3]!) || item.height });
      }
      // pdftotext ends every page with a form feed
      pages.push(`${linesOf(items).join('\n')}\n\f`);
    }
    return pages.join('');
  } finally {
    await doc.destroy();
  }
}

async function load(path: string): Promise<PDFDocument> {
  return PDFDocument.load(await readFile(path), { updateMetadata: false });
}

async function info(path: string): Promise<PdfInfo> {
  const doc = await load(path);
  const pageSizes = doc.getPages().map((p): [number, number] => {
    const box = p.getMediaBox();
    return [box.width, box.height];
  });
  return { pages: pageSizes.length, pageSizes };
}

function dictOf(doc: PDFDocument, obj: PDFObject | undefined): PDFDict | undefined {
  const resolved = obj === undefined ? undefined : doc.context.lookup(obj);
  return resolved instanceof PDFDict ? resolved : undefined;
}

function nameOf(dict: PDFDict, key: string): string | undefined {
  return dict.get(PDFName.of(key))?.toString().replace(/^\//, '');
}

/** Every font dictionary in the file; a composite (Type0) font is judged by its descendant's font file. */
async function fonts(path: string): Promise<PdfFont[]> {
  const doc = await load(path);
  const out: PdfFont[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || nameOf(obj, 'Type') !== 'Font' || nameOf(obj, 'Subtype')?.startsWith('CIDFont')) continue;
    let described: PDFDict | undefined = obj;
    if (nameOf(obj, 'Subtype') === 'Type0') {
      const descendants = doc.context.lookup(obj.get(PDFName.of('DescendantFonts')));
      described = descendants instanceof PDFArray ? dictOf(doc, descendants.get(0)) : undefined;
    }
    const descriptor = described && dictOf(doc, described.get(PDFName.of('FontDescriptor')));
    const embedded = descriptor !== undefined && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    out.push({ name: nameOf(obj, 'BaseFont') ?? '', embedded });
  }
  return out;
}

/** Image XObjects in each page's resources, with pdfimages' encoding names. */
async function images(path: string): Promise<PdfImage[]> {
  const doc = await load(path);
  const out: PdfImage[] = [];
  doc.getPages().forEach((page, i) => {
    const xobjects = dictOf(doc, page.node.Resources()?.get(PDFName.of('XObject')));
    for (const [, ref] of xobjects?.entries() ?? []) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream) || nameOf(stream.dict, 'Subtype') !== 'Image') continue;
      const num = (k: string) => (stream.dict.lookup(PDFName.of(k)) as PDFNumber | undefined)?.asNumber() ?? Number.NaN;
      const filter = stream.dict.lookup(PDFName.of('Filter'))?.toString() ?? '';
      out.push({ page: i + 1, width: num('Width'), height: num('Height'), enc: filter.includes('DCTDecode') ? 'jpeg' : 'image' });
    }
  });
  return out;
}

export const jsPdfTools: PdfTools = { name: 'pdf.js + pdf-lib', text, info, fonts, images };
