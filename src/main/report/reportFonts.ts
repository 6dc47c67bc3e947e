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

function openSansFiles(): FontFiles | null {
  try {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('open-sans-fonts/package.json'));
    const regular = join(root, 'open-sans', 'Regular', 'OpenSans-Regular.ttf');
    const bold = join(root, 'open-sans', 'Semibold', 'OpenSans-Semibold.ttf');
    return existsSync(regular) && existsSync(bold) ? { regular, bold, source: 'open-sans-fonts' } : null;
  } catch {
    return null;
  }
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
