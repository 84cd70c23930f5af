import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdfjs';

/** Why a PDF could not be shown; 'pdf_encrypted'/'pdf_damaged' are DocumentRefusal codes. */
export type PdfLoadProblem = 'pdf_encrypted' | 'pdf_damaged' | 'fetch_failed';

export type PdfState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly doc: PDFDocumentProxy }
  | { readonly status: 'failed'; readonly problem: PdfLoadProblem };

const problemOf = (error: unknown): PdfLoadProblem => (error instanceof Error && error.name === 'PasswordException' ? 'pdf_encrypted' : 'pdf_damaged');

/** Fetches the bytes behind a FileLink URL and opens them with pdf.js; destroys the document on change. */
export function usePdfDocument(url: string): PdfState {
  // Each state remembers its URL, so a new URL reads as loading without a reset in the effect.
  const [tagged, setTagged] = useState<{ readonly url: string; readonly state: PdfState } | null>(null);
  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    const setState = (state: PdfState) => setTagged({ url, state });
    void (async () => {
      let bytes: Uint8Array;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch {
        if (!cancelled) setState({ status: 'failed', problem: 'fetch_failed' });
        return;
      }
      try {
        const doc = await openPdf(bytes);
        if (cancelled) {
          void doc.destroy();
          return;
        }
        opened = doc;
        setState({ status: 'ready', doc });
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', problem: problemOf(error) });
      }
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [url]);
  return tagged?.url === url ? tagged.state : { status: 'loading' };
}
