// What the report tests read from a PDF, whichever tool reads it.
export interface PdfTextOptions {
  /** Keep each printed line (table row) on one line of text. */
  layout?: boolean;
  firstPage?: number;
  lastPage?: number;
}

export interface PdfInfo {
  pages: number;
  /** Size of every page in points, [width, height]. */
  pageSizes: [number, number][];
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** One embedded raster image: its page (1-based), pixel size and encoding ('jpeg' for DCT, else 'image'). */
export interface PdfImage {
  page: number;
  width: number;
  height: number;
  enc: string;
}

export interface PdfTools {
  name: string;
  text(path: string, opts?: PdfTextOptions): Promise<string>;
  info(path: string): Promise<PdfInfo>;
  fonts(path: string): Promise<PdfFont[]>;
  images(path: string): Promise<PdfImage[]>;
}
