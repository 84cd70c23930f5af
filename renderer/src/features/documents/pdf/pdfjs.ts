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

/** One page, one line of Helvetica: enough to exercise the parser, the font path and the canvas. */
const WARM_UP_PDF = [
  '%PDF-1.4',
  '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
  '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 120 40]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj',
  '4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj',
  '5 0 obj<</Length 35>>stream',
  'BT /F1 12 Tf 10 15 Td (Mesa) Tj ET',
  'endstream endobj',
  'trailer<</Root 1 0 R>>',
  '%%EOF',
].join('\n');

let warmed = false;

/**
 * Starts pdf.js and its worker ahead of time and, when the browser is idle, opens and paints a
 * tiny PDF off screen: the first real document then does not pay for loading and compiling
 * pdf.js's code (a few hundred ms on a slow machine). The documents tab calls it when it opens.
 */
export function warmUpPdfjs(): void {
  if (warmed) return;
  warmed = true;
  const run = async () => {
    const doc = await openPdf(new TextEncoder().encode(WARM_UP_PDF));
    const page = await doc.getPage(1);
    await page.render({ canvas: document.createElement('canvas'), viewport: page.getViewport({ scale: 1 }) }).promise;
    await doc.destroy();
  };
  window.requestIdleCallback(() => void run().catch(() => undefined), { timeout: 2_000 });
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
