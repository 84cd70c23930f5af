import type { z } from 'zod';
import type { DocumentView, RedactDocumentInput } from '../../../shared/contract/documents';
import { sanitizeFileName } from '../../../shared/documents/file-name';
import { redactImage, redactPdf } from '../pdf/off-thread';
import type { DocumentService } from './document-service';
import { DocumentRefused } from './refusal';

/** Extension of each format a redaction can produce, for a copy whose format changed. */
const EXTENSION: Readonly<Record<string, string>> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/**
 * The copy's name: "<name> (tachado).<ext>", with the extension of the new format when it
 * differs from the original's (a GIF is redacted into a PNG: "foto.gif" → "foto (tachado).png").
 */
export function redactedFileName(original: string, fromMediaType: string, toMediaType: string): string {
  const name = sanitizeFileName(original) ?? 'documento';
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const extension = fromMediaType !== toMediaType ? EXTENSION[toMediaType] : dot > 0 ? name.slice(dot + 1) : undefined;
  return extension ? `${base} (tachado).${extension}` : `${base} (tachado)`;
}

/**
 * Burns the regions into a copy (electron/core/pdf/redact.ts, on the PDF worker: pages or the
 * image re-rasterised, nothing under a box survives) and stores it as a new document derived
 * from the original; the original is verified first and kept unchanged for the mediator.
 */
export async function redactDocument(documents: DocumentService, input: z.infer<typeof RedactDocumentInput>, actor: string): Promise<DocumentView> {
  const { row, bytes } = await documents.readVerified(input.documentId, actor);
  let output: { bytes: Uint8Array; mediaType: string };
  if (row.kind === 'pdf') output = { bytes: await redactPdf(bytes, input.regions), mediaType: 'application/pdf' };
  else if (row.kind === 'image') output = await redactImage(bytes, row.media_type, input.regions);
  else throw new DocumentRefused('unsupported_redaction', `Documents of kind ${row.kind} cannot be redacted`, 'documentId');
  return documents.storeRedaction(row, { ...output, fileName: redactedFileName(row.file_name, row.media_type, output.mediaType) }, actor);
}
