// The work the PDF worker does (pdf-worker.ts runs it; off-thread.ts calls it by name). Only
// this module and what it imports are loaded into the worker: pdfjs, pdf-lib, the canvas.
import { buildEvidenceBundle } from './evidence-bundle';
import { buildHearingSheetPdf } from './hearing-sheet-pdf';
import { extractText } from './pdfjs-node';
import { redactImage, redactPdf } from './redact';

export const pdfJobs = { extractText, redactPdf, redactImage, buildEvidenceBundle, buildHearingSheetPdf };

export type PdfJobs = typeof pdfJobs;
export type PdfJobKind = keyof PdfJobs;
export type PdfJobResult<K extends PdfJobKind> = Awaited<ReturnType<PdfJobs[K]>>;
export const isPdfJobKind = (kind: string): kind is PdfJobKind => Object.hasOwn(pdfJobs, kind);
