// Typed errors of the PDF report (issue 5). A malformed result throws ReportSchemaError
// (src/shared/reportSchema.ts) before anything is drawn; these cover drawing and writing.
import { CodedError } from '../../analysis/codedError';
export type ReportPdfErrorCode = 'REPORT_RENDER_FAILED' | 'REPORT_WRITE_FAILED';

export class ReportPdfError extends CodedError<ReportPdfErrorCode> {
  override name = 'ReportPdfError';
}
