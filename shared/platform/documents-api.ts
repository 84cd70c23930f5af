import { z } from 'zod';
import { DOCUMENT_LIMITS } from '../contract/documents';
import { EntityId } from '../domain/ids';
import { ClientId } from './messages';
import { DocumentVisibility, PlatformDocument } from './records';
import { route } from './route';

/**
 * The platform's documents endpoints (issue 4), spread into platformRoutes.
 * Only `{caseId}` may appear in a path; other ids travel in the query or the body.
 *
 * Bytes travel as themselves, never as JSON/base64: a download answers the file with its
 * SHA-256 in `X-Content-SHA256` (and as the ETag); an upload sends the file as
 * application/octet-stream with its description in the query. The upload limit is the app's
 * own import limit, so whatever the mediator can import can be shared.
 */

/** Largest document the platform accepts (413 above): 200 MiB, as the app's import limit. */
export const PLATFORM_DOCUMENT_MAX_BYTES = DOCUMENT_LIMITS.maxBytes;

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 inválido');

/** A file name as shown and saved: no path separators, no control characters. */
export const UploadFileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}]+$/u, 'nombre de archivo inválido')
  .refine((name) => name !== '.' && name !== '..', 'nombre de archivo inválido');

export const DocumentContentQuery = z.object({ documentId: EntityId });

/** The headers of a download (lower-case names, as fetch gives them). */
export const DocumentContentHeaders = z.object({
  'content-type': z.string().min(1).max(255),
  'content-length': z.coerce.number().int().min(0),
  'x-content-sha256': Sha256Hex,
  etag: z.string().min(66).max(68),
});
export type DocumentContentHeaders = z.infer<typeof DocumentContentHeaders>;

/** An upload's description; the client makes the document id (UUIDv7, also its local id). */
export const UploadDocumentQuery = z.object({
  clientId: ClientId,
  documentId: EntityId,
  fileName: UploadFileName,
  mediaType: z.string().min(1).max(127).regex(/^[\w.+-]+\/[\w.+-]+$/, 'tipo inválido'),
  /** The platform refuses the upload (422) when the bytes do not hash to this. */
  sha256: Sha256Hex,
  visibility: DocumentVisibility,
});
export const UploadDocumentResponse = z.object({ document: PlatformDocument });

export const documentRoutes = {
  downloadDocument: route({
    method: 'GET',
    path: '/v1/cases/{caseId}/documents/content',
    summary: "A document's bytes, with its SHA-256 in X-Content-SHA256 and the ETag (caucus documents only to the case's mediator or an administrator)",
    auth: true,
    query: DocumentContentQuery,
    responseKind: 'binary',
    response: DocumentContentHeaders,
    status: 200,
  }),
  uploadDocument: route({
    method: 'POST',
    path: '/v1/cases/{caseId}/documents',
    summary: 'Upload a document as application/octet-stream (at most 200 MiB; 201 first, 200 with the first result on a repeated clientId; then a document.upsert in the feed)',
    auth: true,
    query: UploadDocumentQuery,
    rawBody: { maxBytes: PLATFORM_DOCUMENT_MAX_BYTES },
    response: UploadDocumentResponse,
    status: 201,
  }),
} as const;
