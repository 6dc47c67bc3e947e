// Poppler (Debian poppler-utils) behind the PdfTools interface: used when installed, as a speed-up only.
import { execFileSync } from 'node:child_process';
import type { PdfFont, PdfImage, PdfInfo, PdfTextOptions, PdfTools } from './pdfToolsTypes';

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export const popplerPdfTools: PdfTools = {
  name: 'poppler-utils',
  async text(path: string, opts: PdfTextOptions = {}): Promise<string> {
    const args = [];
    if (opts.layout) args.push('-layout');
    if (opts.firstPage) args.push('-f', String(opts.firstPage));
    if (opts.lastPage) args.push('-l', String(opts.lastPage));
    return run('pdftotext', [...args, path, '-']);
  },
  async info(path: string): Promise<PdfInfo> {
    const head = run('pdfinfo', [path]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(head)?.[1] ?? Number.NaN);
    const perPage = run('pdfinfo', ['-f', '1', '-l', String(pages), '-box', path]);
    const pageSizes: [number, number][] = [];
    for (const m of perPage.matchAll(/^Page\s+\d+\s+MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/gm)) {
      pageSizes.push([Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
    }
    return { pages, pageSizes };
  },
  async fonts(path: string): Promise<PdfFont[]> {
    const lines = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim());
    return lines.map((l) => {
      const cols = l.trim().split(/\s+/);
      // name, type (may be two words), encoding, emb, sub, uni, object, id: emb is 5th from the end.
      return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
    });
  },
  async images(path: string): Promise<PdfImage[]> {
    const lines = run('pdfimages', ['-list', path]).split('\n').slice(2).filter((l) => l.trim());
    return lines.map((l) => {
      const c = l.trim().split(/\s+/);
      return { page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), enc: c[8] ?? '' };
    });
  },
};
