import type { z } from 'zod';
import type { DocumentView, RedactDocumentInput } from '../../../shared/contract/documents';
import { redactImage, redactPdf } from '../pdf/redact';
import type { DocumentService } from './document-service';
import { DocumentRefused } from './refusal';

/**
 * Burns the regions into a copy (electron/core/pdf/redact.ts: pages or the image re-rasterised,
 * nothing under a box survives) and stores it as a new document derived from the original;
 * the original is verified first and kept unchanged for the mediator.
 */
export async function redactDocument(documents: DocumentService, input: z.infer<typeof RedactDocumentInput>, actor: string): Promise<DocumentView> {
  const { row, bytes } = await documents.readVerified(input.documentId, actor);
  let redacted: Uint8Array;
  if (row.kind === 'pdf') redacted = await redactPdf(bytes, input.regions);
  else if (row.kind === 'image') redacted = (await redactImage(bytes, row.media_type, input.regions)).bytes;
  else throw new DocumentRefused('unsupported_redaction', `Documents of kind ${row.kind} cannot be redacted`, 'documentId');
  return documents.storeRedaction(row, redacted, actor);
}
