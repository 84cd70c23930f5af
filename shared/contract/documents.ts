import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids';
import { Stage } from '../domain/case';
import { PartyRole } from '../domain/party';
import { DocumentVisibility } from '../platform/records';
import { FileLink, StagedFile } from './files';
import { op } from './op';

/**
 * Documents and evidence (issue 4): the content-addressed store, the viewer, the chain of
 * custody, redaction, hearing preparation and the evidence bundle. Bytes never travel through
 * these operations: uploads are staged first (StagedFile) and contents are read through a
 * FileLink the host serves.
 */

/** What the evidence is, as the mediator files it. */
export const DocumentCategory = z.enum([
  'boleta',
  'factura',
  'comprobante_pago',
  'seguimiento_courier',
  'fotos_danio',
  'chat_tienda',
  'cartola',
  'correo',
  'contrato',
  'otro',
]);
export type DocumentCategory = z.infer<typeof DocumentCategory>;

/** How the viewer shows a file, from its sniffed content (never from its extension alone). */
export const DocumentKind = z.enum(['pdf', 'image', 'text', 'email', 'audio', 'video', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Where the bytes are: only metadata from the platform, on this machine, or failed to arrive. */
export const DocumentAvailability = z.enum(['remote', 'local', 'failed']);
export type DocumentAvailability = z.infer<typeof DocumentAvailability>;

/** Outcome of the last hash check of the stored file against the recorded SHA-256. */
export const DocumentIntegrity = z.enum(['unchecked', 'ok', 'mismatch']);
export type DocumentIntegrity = z.infer<typeof DocumentIntegrity>;

/** A document imported by the mediator travels to the platform through the outbox. */
export const DocumentUploadState = z.enum(['not_shared', 'pending', 'sent', 'failed']);
export type DocumentUploadState = z.infer<typeof DocumentUploadState>;

/**
 * Why an upload failed for good: the platform does not take documents for the case now (403:
 * not in mediation, or no longer assigned), the file is over its limit (413), the stored file
 * changed or vanished on this computer since the import (never sent), or any other refusal.
 */
export const DocumentUploadProblem = z.enum(['not_allowed', 'too_large', 'file_changed', 'rejected']);
export type DocumentUploadProblem = z.infer<typeof DocumentUploadProblem>;

/** Who may see a document: the platform's visibilities plus 'mediator_only' (never leaves this machine). */
export const DocumentAccess = DocumentVisibility.or(z.literal('mediator_only'));
export type DocumentAccess = z.infer<typeof DocumentAccess>;
/** Every DocumentAccess value, in the order the UI offers them (labels: documentVisibility.*). */
export const DOCUMENT_ACCESS_VALUES = ['joint', 'caucus_consumer', 'caucus_company', 'mediator_only'] as const satisfies readonly DocumentAccess[];

export const DocumentSource = z.enum(['platform', 'local', 'redaction']);
export type DocumentSource = z.infer<typeof DocumentSource>;

/** Why a file was refused; each has a translated message (documentRefusal.*). */
export const DocumentRefusal = z.enum([
  'empty_file',
  'too_large',
  'bad_name',
  'type_mismatch',
  'pdf_encrypted',
  'pdf_damaged',
  'hash_mismatch',
  'unsupported_redaction',
  'not_available_offline',
  /** The staged upload expired (1 h) or was already consumed: pick the file again. */
  'staged_missing',
  /** The stored file is gone from disk (deleted outside Mesa). */
  'file_missing',
  /** The operation needs another kind of document (e.g. the e-mail view of a PDF). */
  'wrong_kind',
  /** Reading or producing the file failed (the PDF worker crashed or ran out of time): nothing was changed. */
  'processing_failed',
  /** Only an upload the platform refused (upload 'failed') can be sent again. */
  'upload_not_failed',
]);
export type DocumentRefusal = z.infer<typeof DocumentRefusal>;

/** Limits stated in the UI (documents.limits.*). */
export const DOCUMENT_LIMITS = {
  maxBytes: 200 * 1024 * 1024,
  maxNameLength: 180,
  /** A staged upload not consumed within this time is deleted. */
  stagedTtlMs: 60 * 60 * 1000,
} as const;

export const DocumentView = z.object({
  id: EntityId,
  caseId: EntityId,
  /** Sanitised for display and saving: no path separators, no control characters. */
  fileName: z.string().min(1).max(255),
  category: DocumentCategory,
  submittedBy: z.union([PartyRole, z.literal('mediator')]),
  visibility: DocumentAccess,
  receivedAt: Instant,
  sizeBytes: z.number().int().min(0),
  /** Detected from the bytes once local; the platform's claim before that. */
  mediaType: z.string().min(1).max(127),
  kind: DocumentKind,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source: DocumentSource,
  availability: DocumentAvailability,
  integrity: DocumentIntegrity,
  upload: DocumentUploadState,
  /** Set when `upload` is 'failed'. */
  uploadProblem: DocumentUploadProblem.nullable(),
  /** A redacted copy points at its original; the original is for the mediator only. */
  redactedFrom: EntityId.nullable(),
  pageCount: z.number().int().min(0).nullable(),
  /** Text was extracted and is searchable (PDF with a text layer, e-mail, plain text). */
  textIndexed: z.boolean(),
  /** Why the last download or check failed, when it did. */
  problem: DocumentRefusal.nullable(),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentRef = z.object({ documentId: EntityId });
export const CaseDocumentsRef = z.object({ caseId: EntityId });

export const ImportDocumentInput = z.object({
  caseId: EntityId,
  staged: StagedFile,
  category: DocumentCategory,
  /** 'mediator_only' stays on this machine; the others are uploaded to the platform. */
  visibility: DocumentAccess,
});

/** Opening verifies the hash and records 'opened' in the custody log. */
export const OpenedDocument = z.object({ document: DocumentView, link: FileLink });

/** An e-mail (.eml) shown as text: its HTML is never rendered. */
export const EmailView = z.object({
  from: z.string().max(2_000),
  to: z.string().max(10_000),
  cc: z.string().max(10_000),
  subject: z.string().max(2_000),
  date: Instant.nullable(),
  text: z.string().max(2_000_000),
  attachments: z.array(z.object({ fileName: z.string().max(255), mediaType: z.string().max(127), sizeBytes: z.number().int().min(0) })),
});
export type EmailView = z.infer<typeof EmailView>;

export const CustodyEvent = z.enum(['received', 'imported', 'downloaded', 'opened', 'exported', 'redacted', 'uploaded', 'verified']);
export type CustodyEvent = z.infer<typeof CustodyEvent>;

export const CustodyEntry = z.object({
  seq: z.number().int().min(1),
  event: CustodyEvent,
  at: Instant,
  actor: z.string().max(200),
  /** Short facts of the event (file hash at that moment, target of an export…). */
  detail: z.string().max(2_000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

export const CustodyBreak = z.enum(['hash_mismatch', 'sequence_gap', 'prev_hash_mismatch']);
export type CustodyBreak = z.infer<typeof CustodyBreak>;

export const CustodyVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().min(0), fileIntact: z.boolean() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().min(0),
    /** The first entry whose hash does not follow from the one before. */
    firstBrokenSeq: z.number().int().min(1),
    reason: CustodyBreak,
    fileIntact: z.boolean(),
  }),
]);
export type CustodyVerification = z.infer<typeof CustodyVerification>;

/** A rectangle to black out, as fractions (0–1) of the page or image, from its top-left. */
export const RedactionRegion = z.object({
  page: z.number().int().min(1),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  width: z.number().gt(0).max(1),
  height: z.number().gt(0).max(1),
});
export const RedactDocumentInput = z.object({ documentId: EntityId, regions: z.array(RedactionRegion).min(1).max(500) });

export const SearchDocumentsInput = z.object({ caseId: EntityId, query: z.string().trim().min(1).max(200) });
export const DocumentHit = z.object({ documentId: EntityId, fileName: z.string(), snippet: z.string().max(1_000), page: z.number().int().min(1).nullable() });

/** "Preparar audiencia": everything of the case on this machine? */
export const HearingReadiness = z.object({
  caseId: EntityId,
  documentsTotal: z.number().int().min(0),
  documentsLocal: z.number().int().min(0),
  documentsFailed: z.number().int().min(0),
  /** Every message of the case is stored locally (the feed is caught up for it). */
  messagesComplete: z.boolean(),
  /** True when the case can be worked with no network at all. */
  ready: z.boolean(),
  checkedAt: Instant,
});
export type HearingReadiness = z.infer<typeof HearingReadiness>;

/** The mediator's private preparation sheet; never leaves the machine. */
export const HearingSheet = z.object({
  caseId: EntityId,
  consumerPosition: z.string().max(20_000),
  companyPosition: z.string().max(20_000),
  interests: z.string().max(20_000),
  issues: z.string().max(20_000),
  options: z.string().max(20_000),
  notes: z.string().max(20_000),
  updatedAt: Instant.nullable(),
});
export type HearingSheet = z.infer<typeof HearingSheet>;
export const SaveHearingSheetInput = HearingSheet.omit({ updatedAt: true });

export const ExportEvidenceBundleInput = z.object({
  caseId: EntityId,
  /** Which documents, in order; all local documents of the case when omitted. */
  documentIds: z.array(EntityId).max(2_000).optional(),
});
export const EvidenceBundle = z.object({
  link: FileLink,
  pageCount: z.number().int().min(1),
  /** Documents listed in the index with their hash but not reproduced (audio, video, damaged…). */
  listedOnly: z.array(z.object({ documentId: EntityId, reason: z.string().max(200) })),
});

/* ---------- across cases (the "Documentos" section) ---------- */

/**
 * Why a document needs the mediator, one reason per document, most serious first: the stored
 * file does not match its hash or is gone; the download failed; the upload was refused; the
 * upload still waits; the file is not on this machine yet (open cases only: a closed case's
 * evidence is downloaded when it is opened).
 */
export const DocumentAttentionReason = z.enum(['integrity', 'download_failed', 'upload_failed', 'upload_pending', 'not_downloaded']);
export type DocumentAttentionReason = z.infer<typeof DocumentAttentionReason>;

/** Counts stop here ("1000+"): the overview answers at once on any store. */
export const DOCUMENT_ATTENTION_COUNT_CAP = 1_000;

export const DocumentAttentionRow = z.object({
  documentId: EntityId,
  caseId: EntityId,
  folio: z.string(),
  brandName: z.string(),
  stage: Stage,
  fileName: z.string().min(1).max(255),
  kind: DocumentKind,
  sizeBytes: z.number().int().min(0),
  receivedAt: Instant,
  reason: DocumentAttentionReason,
  problem: DocumentRefusal.nullable(),
  uploadProblem: DocumentUploadProblem.nullable(),
});
export type DocumentAttentionRow = z.infer<typeof DocumentAttentionRow>;

export const ListDocumentAttentionInput = z.object({
  /** Only these reasons; every reason when empty. */
  reasons: z.array(DocumentAttentionReason).max(DocumentAttentionReason.options.length).default([]),
  limit: z.number().int().min(1).max(500).default(200),
});
export const DocumentAttention = z.object({
  /** Most serious reason first, newest first within a reason. */
  rows: z.array(DocumentAttentionRow),
  /** Documents per reason, at most DOCUMENT_ATTENTION_COUNT_CAP each. */
  counts: z.record(DocumentAttentionReason, z.number().int().min(0).max(DOCUMENT_ATTENTION_COUNT_CAP)),
});
export type DocumentAttention = z.infer<typeof DocumentAttention>;

export const SearchAllDocumentsInput = z.object({ query: z.string().trim().min(1).max(200) });
/** searchAllDocuments answers at most this many hits (more: the mediator adds words). */
export const ALL_DOCUMENTS_MAX_HITS = 100;
export const DocumentSearchHit = DocumentHit.extend({ caseId: EntityId, folio: z.string(), brandName: z.string() });
export type DocumentSearchHit = z.infer<typeof DocumentSearchHit>;

export const documentOperations = {
  /** Documents of any case that need the mediator (see DocumentAttentionReason). */
  listDocumentAttention: op(ListDocumentAttentionInput, DocumentAttention),
  /** Full-text search over the text of every document on this machine, best first. */
  searchAllDocuments: op(SearchAllDocumentsInput, z.array(DocumentSearchHit).max(ALL_DOCUMENTS_MAX_HITS)),
  listDocuments: op(CaseDocumentsRef, z.array(DocumentView)),
  importDocument: op(ImportDocumentInput, DocumentView),
  openDocument: op(DocumentRef, OpenedDocument),
  /** Saves a copy (Content-Disposition: attachment) and records 'exported'. */
  exportDocument: op(DocumentRef, FileLink),
  getEmailView: op(DocumentRef, EmailView),
  downloadDocument: op(DocumentRef, DocumentView),
  /** Queues a refused upload again (new client id) after re-checking the stored file's hash. */
  retryDocumentUpload: op(DocumentRef, DocumentView),
  getCustodyLog: op(DocumentRef, z.array(CustodyEntry)),
  verifyCustody: op(DocumentRef, CustodyVerification),
  redactDocument: op(RedactDocumentInput, DocumentView),
  searchDocuments: op(SearchDocumentsInput, z.array(DocumentHit)),
  prepareHearing: op(CaseDocumentsRef, HearingReadiness),
  getHearingReadiness: op(CaseDocumentsRef, HearingReadiness),
  getHearingSheet: op(CaseDocumentsRef, HearingSheet),
  saveHearingSheet: op(SaveHearingSheetInput, HearingSheet),
  exportHearingSheetPdf: op(CaseDocumentsRef, FileLink),
  exportEvidenceBundle: op(ExportEvidenceBundleInput, EvidenceBundle),
} as const;
