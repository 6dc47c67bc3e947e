// Typed errors of the PDF report (issue 5). A malformed result throws ReportSchemaError
// (src/shared/reportSchema.ts) before anything is drawn; these cover drawing and writing.
export type ReportPdfErrorCode = 'REPORT_RENDER_FAILED' | 'REPORT_WRITE_FAILED';

export class ReportPdfError extends Error {
  readonly code: ReportPdfErrorCode;
  constructor(code: ReportPdfErrorCode, message: string) {
    super(message);
    this.name = 'ReportPdfError';
    this.code = code;
  }
}
