// Fonts for the PDF report (issue 5). PDF viewers substitute the 14 standard fonts, which are
// never embedded and cannot draw "−", "≥" or Greek; so the report embeds a TrueType font:
// Open Sans from the open-sans-fonts dependency (Apache-2.0), else DejaVu Sans from the
// system (Debian fonts-dejavu-core), else Helvetica as a last resort (not embedded).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

export interface ReportFonts {
  regular: string;
  bold: string;
  /** Where the fonts came from, for the method section and tests. */
  source: 'open-sans-fonts' | 'system-dejavu' | 'standard-helvetica';
  embedded: boolean;
}

interface FontFiles {
  regular: string;
  bold: string;
  source: ReportFonts['source'];
}

/**
 * Module resolvers to try: this module's own (ESM builds and tests), the CommonJS `require` of the
 * Electron bundle (where import.meta is empty), then the working directory.
 */
function resolvers(): NodeJS.Require[] {
  const list: NodeJS.Require[] = [];
  try {
    list.push(createRequire(import.meta.url));
  } catch {
    // import.meta.url is undefined in a CommonJS bundle.
  }
  if (typeof require === 'function') list.push(require);
  list.push(createRequire(join(process.cwd(), 'index.js')));
  return list;
}

function openSansFiles(): FontFiles | null {
  for (const req of resolvers()) {
    try {
      const root = dirname(req.resolve('open-sans-fonts/package.json'));
      const regular = join(root, 'open-sans', 'Regular', 'OpenSans-Regular.ttf');
      const bold = join(root, 'open-sans', 'Semibold', 'OpenSans-Semibold.ttf');
      if (existsSync(regular) && existsSync(bold)) return { regular, bold, source: 'open-sans-fonts' };
    } catch {
      // Not resolvable from here: try the next resolver.
    }
  }
  return null;
}

const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu'];

function systemDejaVuFiles(): FontFiles | null {
  for (const dir of DEJAVU_DIRS) {
    const regular = join(dir, 'DejaVuSans.ttf');
    const bold = join(dir, 'DejaVuSans-Bold.ttf');
    if (existsSync(regular) && existsSync(bold)) return { regular, bold, source: 'system-dejavu' };
  }
  return null;
}

/** Registers the report's fonts on `doc` as 'body' and 'bold' and says which were used. */
export function registerReportFonts(doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>): ReportFonts {
  for (const files of [openSansFiles(), systemDejaVuFiles()]) {
    if (!files) continue;
    try {
      doc.registerFont('body', files.regular);
      doc.registerFont('bold', files.bold);
      return { regular: 'body', bold: 'bold', source: files.source, embedded: true };
    } catch {
      // A corrupt or unreadable font file: try the next candidate.
    }
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', source: 'standard-helvetica', embedded: false };
}

/** Stand-ins for characters the embedded font lacks (Open Sans has no arrows or check marks). */
export const STAND_INS: Readonly<Record<string, string>> = {
  '→': '->',
  '⇒': '=>',
  '←': '<-',
  '↔': '<->',
  '↑': 'up',
  '↓': 'down',
  '✓': 'yes',
  '✗': 'no',
  '∼': '~',
  '≃': '~',
  '∕': '/',
  '−': '-',
};

// What the standard Helvetica fallback can show (WinAnsi): Latin-1 plus a few typographic marks.
const WIN_ANSI_EXTRA = new Set('–—‘’‚“”„•…€™‰'.split(''));

/**
 * Returns a function that replaces characters the report's fonts cannot draw (they would print
 * as empty boxes): a readable stand-in when there is one, else "?". Text from report.json
 * (flag messages, method notes, runner names) passes through it.
 */
export function glyphSafe(doc: PDFKit.PDFDocument, fonts: ReportFonts): (text: string) => string {
  const checkers: ((cp: number) => boolean)[] = [];
  if (fonts.embedded) {
    for (const name of [fonts.regular, fonts.bold]) {
      doc.font(name);
      // pdfkit keeps the fontkit font of an embedded TTF on its (untyped) current font.
      const fk = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
      if (fk && typeof fk.hasGlyphForCodePoint === 'function') checkers.push((cp) => fk.hasGlyphForCodePoint?.(cp) ?? false);
    }
  } else {
    checkers.push((cp) => cp < 0x100 || WIN_ANSI_EXTRA.has(String.fromCodePoint(cp)));
  }
  const cache = new Map<string, string>();
  return (text) =>
    Array.from(text)
      .map((ch) => {
        const known = cache.get(ch);
        if (known !== undefined) return known;
        const cp = ch.codePointAt(0) ?? 0;
        const ok = cp < 0x80 || ch === '\n' || checkers.every((has) => has(cp));
        const out = ok ? ch : (STAND_INS[ch] ?? '?');
        cache.set(ch, out);
        return out;
      })
      .join('');
}

/** A deep copy of a JSON-like value with every string passed through `f`. */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f);
    return out as T;
  }
  return value;
}
