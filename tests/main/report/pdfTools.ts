// Poppler (Debian poppler-utils, installed by .ci/run) wrappers for the report tests.
import { execFileSync } from 'node:child_process';

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new Error(`${tool} is not installed: apt-get install poppler-utils`, { cause: err });
    throw err;
  }
}

/** Text of the PDF; `layout` keeps table rows on one line. */
export function pdfText(path: string, opts: { layout?: boolean; firstPage?: number; lastPage?: number } = {}): string {
  const args = [];
  if (opts.layout) args.push('-layout');
  if (opts.firstPage) args.push('-f', String(opts.firstPage));
  if (opts.lastPage) args.push('-l', String(opts.lastPage));
  return run('pdftotext', [...args, path, '-']);
}

export interface PdfInfo {
  pages: number;
  /** Size of every page in points, [width, height]. */
  pageSizes: [number, number][];
}

export function pdfInfo(path: string): PdfInfo {
  const head = run('pdfinfo', [path]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(head)?.[1] ?? Number.NaN);
  const perPage = run('pdfinfo', ['-f', '1', '-l', String(pages), '-box', path]);
  const pageSizes: [number, number][] = [];
  for (const m of perPage.matchAll(/^Page\s+\d+\s+MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/gm)) {
    pageSizes.push([Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
  }
  return { pages, pageSizes };
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name, type (may be two words), encoding, emb, sub, uni, object, id: emb is 5th from the end.
    return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** Embedded raster images (pdfimages -list), one entry per image with its encoding. */
export function pdfImages(path: string): { page: number; width: number; height: number; enc: string }[] {
  const lines = run('pdfimages', ['-list', path]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const c = l.trim().split(/\s+/);
    return { page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), enc: c[8] ?? '' };
  });
}

/** Collapses all whitespace runs into single spaces (pdftotext wraps and pads). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
