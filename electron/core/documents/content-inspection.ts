import { readFile } from 'node:fs/promises';
import type { DocumentRefusal } from '../../../shared/contract/documents';
import { extractText } from '../pdf/off-thread';
import { PdfRefusal } from '../pdf/pdf-refusal';
import { emailSearchText, parseEmail } from './email';
import type { SniffedType } from './sniff';

/** What reading a file's content found: its pages and searchable text, or why it could not. */
export interface Inspection {
  readonly pageCount: number | null;
  /** Text per PDF page (index 0 = page 1), or one entry for an e-mail or text file; null = none. */
  readonly pages: readonly string[] | null;
  readonly problem: Extract<DocumentRefusal, 'pdf_encrypted' | 'pdf_damaged'> | null;
}

const NOTHING: Inspection = { pageCount: null, pages: null, problem: null };
/** Plain text beyond this many characters is not indexed (it stays viewable). */
const MAX_TEXT_CHARS = 5_000_000;

/** Reads the file by its sniffed kind. Never throws for bad content: it reports a problem instead. */
export async function inspectContent(path: string, type: SniffedType): Promise<Inspection> {
  switch (type.kind) {
    case 'pdf':
      return inspectPdf(await readFile(path));
    case 'email':
      return { ...NOTHING, pages: [emailSearchText(await parseEmail(await readFile(path)))] };
    case 'text':
      return { ...NOTHING, pages: [(await readFile(path)).toString('utf8').slice(0, MAX_TEXT_CHARS)] };
    default:
      return NOTHING;
  }
}

/**
 * Parses the PDF with pdfjs on the PDF worker and reads the text of every page (pdfjs-node
 * refuses more than PDF_LIMITS.maxPages); `bytes` are moved there (off-thread.ts). A file without '%%EOF' in its last 1024 bytes is truncated: pdfjs would
 * rebuild what it can and show a partial document as if whole, which is worse for evidence than
 * saying it is damaged (Acrobat applies the same 1024-byte rule).
 */
export async function inspectPdf(bytes: Uint8Array): Promise<Inspection> {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) return { ...NOTHING, problem: 'pdf_damaged' };
  try {
    const pages = await extractText(bytes);
    return { pageCount: pages.length, pages, problem: null };
  } catch (error) {
    if (error instanceof PdfRefusal && (error.reason === 'pdf_encrypted' || error.reason === 'pdf_damaged')) return { ...NOTHING, problem: error.reason };
    throw error;
  }
}
