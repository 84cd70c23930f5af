import { AppError } from '../../../shared/contract/errors';
import type { DocumentRefusal } from '../../../shared/contract/documents';

export type PdfRefusalReason = Extract<DocumentRefusal, 'pdf_encrypted' | 'pdf_damaged' | 'unsupported_redaction'>;

/**
 * A file the PDF layer cannot work with. It is an AppError (invalid_input with a translated
 * `reason`), so a handler can let it through unchanged; callers that degrade instead (the
 * evidence bundle's placeholder page) test `instanceof PdfRefusal` and read `reason`.
 */
export class PdfRefusal extends AppError {
  readonly reason: PdfRefusalReason;

  constructor(reason: PdfRefusalReason, detail: string) {
    super('invalid_input', detail, [{ path: 'file', message: detail, reason }]);
    this.name = 'PdfRefusal';
    this.reason = reason;
  }
}
