import type { DocumentRefusal } from '../../../shared/contract/documents';
import { DocumentRefused } from '../documents/refusal';

export type PdfRefusalReason = Extract<DocumentRefusal, 'pdf_encrypted' | 'pdf_damaged' | 'unsupported_redaction'>;

/**
 * A file the PDF layer cannot work with: a DocumentRefused (invalid_input with a translated
 * `reason`) whose reason is one of the PDF/redaction ones, so callers that degrade instead of
 * failing (the evidence bundle's placeholder page) can switch on it.
 */
export class PdfRefusal extends DocumentRefused {
  declare readonly reason: PdfRefusalReason;

  constructor(reason: PdfRefusalReason, detail: string) {
    super(reason, detail);
    this.name = 'PdfRefusal';
  }
}
