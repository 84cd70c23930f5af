import type * as PdfjsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
// The worker is emitted as its own same-origin file (CSP worker-src 'self': no blob:/data: workers).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type Pdfjs = typeof PdfjsModule;

let module: Promise<Pdfjs> | null = null;
let worker: PDFWorker | null = null;

/**
 * pdf.js, loaded on first use (its own chunk, kept out of the app's start) with one worker
 * shared by every document the viewer opens, so the second PDF does not pay the worker start.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  module ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return module;
}

/** Starts pdf.js and its worker ahead of time (the documents tab calls it when it opens). */
export function warmUpPdfjs(): void {
  void loadPdfjs().then((pdfjs) => {
    worker ??= new pdfjs.PDFWorker();
  });
}

/**
 * Parses PDF bytes with everything active switched off: no eval (fonts are interpreted, not
 * compiled), no XFA forms, no scripting (pdf.js only runs document JavaScript through a sandbox
 * the viewer would have to create, and Mesa never does).
 */
export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  worker ??= new pdfjs.PDFWorker();
  return pdfjs.getDocument({ data, worker, isEvalSupported: false, enableXfa: false, stopAtErrors: false }).promise;
}
