// The PDF readers the report tests rely on must be able to say "no": a standard (unembedded) font, a PNG that is
// not JPEG, a table row and a page size, checked on a PDF made here. Both readers when poppler is installed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemTool } from '../../helpers/systemTools';
import { jsPdfTools } from './jsPdfTools';
import { popplerPdfTools } from './popplerPdfTools';
import { squash } from './pdfTools';

const dir = mkdtempSync(join(tmpdir(), 'lopsided-pdftools-'));
const pdfPath = join(dir, 'probe.pdf');

function solidJpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 200);
  return jpeg.encode({ data, width, height }, 80).data;
}

beforeAll(async () => {
  const doc = new PDFDocument({ size: 'LETTER', margin: 40 });
  const done = new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(pdfPath, Buffer.concat(chunks));
      resolve();
    });
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(12).text('Contact', 40, 100, { lineBreak: false });
  doc.text('241', 200, 100, { lineBreak: false });
  doc.text('Second line', 40, 130, { lineBreak: false });
  doc.image(solidJpeg(32, 24), 40, 200);
  doc.addPage({ size: 'A4' });
  doc.text('Page two', 40, 100);
  doc.end();
  await done;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readers = [jsPdfTools, ...(findSystemTool('pdftotext') !== null ? [popplerPdfTools] : [])];

describe.each(readers.map((r) => [r.name, r] as const))('%s', (_name, tools) => {
  it('keeps a printed row on one line and pages apart', async () => {
    const lines = (await tools.text(pdfPath, { layout: true, lastPage: 1 })).split('\n').map(squash);
    expect(lines).toContain('Contact 241');
    expect(lines).toContain('Second line');
    expect(squash(await tools.text(pdfPath))).toContain('Page two');
    expect(await tools.text(pdfPath, { lastPage: 1 })).not.toContain('Page two');
  });

  it('gives page count and sizes', async () => {
    expect(await tools.info(pdfPath)).toEqual({ pages: 2, pageSizes: [[612, 792], [595.28, 841.89]] });
  });

  it('reports a standard font as not embedded', async () => {
    const fonts = await tools.fonts(pdfPath);
    expect(fonts.map((f) => [f.name, f.embedded])).toEqual([['Helvetica', false]]);
  });

  it('lists the JPEG with its page and pixel size', async () => {
    expect(await tools.images(pdfPath)).toEqual([{ page: 1, width: 32, height: 24, enc: 'jpeg' }]);
  });
});
