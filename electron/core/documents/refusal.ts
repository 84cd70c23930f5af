import { AppError } from '../../../shared/contract/errors';
import type { DocumentRefusal } from '../../../shared/contract/documents';

/**
 * A file or document the store refuses, as invalid_input with a translated `reason`
 * (documentRefusal.*) on the issue, so the renderer can say why.
 */
export class DocumentRefused extends AppError {
  readonly reason: DocumentRefusal;

  constructor(reason: DocumentRefusal, detail: string, path = 'file') {
    super('invalid_input', detail, [{ path, message: detail, reason }]);
    this.name = 'DocumentRefused';
    this.reason = reason;
  }
}
