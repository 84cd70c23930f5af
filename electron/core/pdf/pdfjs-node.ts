// pdfjs-dist under plain Node (vitest, the web host, Electron's main process). pdfjs is ESM
// only and heavy, so it is imported lazily on first use; the main bundle keeps it external
// (electron-vite externalises dependencies) and Node resolves it from node_modules at runtime.
// In Node pdfjs runs its "fake worker" on this thread and draws with @napi-rs/canvas through
// its own NodeCanvasFactory.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, RenderParameters } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../../shared/contract/errors';
import { PdfRefusal } from './pdf-refusal';

type Pdfjs = typeof PdfjsModule;

/** Guards against hostile files that would exhaust memory or the thread. */
export const PDF_LIMITS = {
  maxPages: 5_000,
  /** Largest rendered page, in pixels (≈ A0 at 200 dpi). */
  maxRenderPixels: 64_000_000,
  /** Largest embedded image pdfjs will decode, in pixels. */
  maxImagePixels: 100_000_000,
} as const;

let pdfjsPromise: Promise<Pdfjs> | undefined;
const loadPdfjs = (): Promise<Pdfjs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Directory URLs of pdfjs's data files, with the trailing slash pdfjs requires. */
function packageDataPaths(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string; iccUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const dir = (name: string): string => join(root, name) + '/';
  return { standardFontDataUrl: dir('standard_fonts'), cMapUrl: dir('cmaps'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
}

/** Maps pdfjs's exception names onto the refusals the UI translates. */
function refusalFor(error: unknown): PdfRefusal {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new PdfRefusal('pdf_encrypted', `PDF is password protected: ${detail}`);
  return new PdfRefusal('pdf_damaged', `PDF cannot be read: ${detail}`);
}

/**
 * Opens a PDF from bytes, runs `use`, and always frees pdfjs's document. The bytes are copied:
 * pdfjs transfers (detaches) the buffer it is given.
 */
export async function withPdf<T>(bytes: Uint8Array, use: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...packageDataPaths(),
    cMapPacked: true,
    // A PDF is untrusted input: never compile its functions with eval, never run its scripts.
    isEvalSupported: false,
    enableXfa: false,
    // Glyphs are drawn as paths by pdfjs itself: there is no DOM to load font faces into.
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: PDF_LIMITS.maxImagePixels,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    throw refusalFor(error);
  }
  try {
    if (pdf.numPages > PDF_LIMITS.maxPages) throw new PdfRefusal('pdf_damaged', `PDF has ${pdf.numPages} pages (limit ${PDF_LIMITS.maxPages})`);
    return await use(pdf);
  } catch (error) {
    // A wrong page number or region is the caller's mistake, not the file's.
    throw error instanceof AppError || error instanceof RangeError ? error : refusalFor(error);
  } finally {
    await task.destroy();
  }
}

/** The text of every page, in reading order as pdfjs reports it (one string per page). */
export async function extractText(bytes: Uint8Array): Promise<string[]> {
  return withPdf(bytes, async (pdf) => {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .trim(),
      );
    }
    return pages;
  });
}

interface PageSize {
  /** Pixels of the raster. */
  readonly width: number;
  readonly height: number;
  /** The page's size in PDF points (1/72 inch), unscaled and after its /Rotate. */
  readonly pointsWidth: number;
  readonly pointsHeight: number;
}

export interface RenderedPage extends PageSize {
  /** Straight RGBA, row-major from the top-left, width × height × 4 bytes. */
  readonly rgba: Uint8ClampedArray;
}

export interface RenderedCanvas extends PageSize {
  readonly canvas: Canvas;
}

/**
 * Renders one page (1-based) of an open document on a white background at `scale` × 72 dpi
 * into an @napi-rs/canvas (to draw on and encode without copying the pixels out).
 */
export async function renderPageToCanvas(pdf: PDFDocumentProxy, pageNumber: number, scale: number): Promise<RenderedCanvas> {
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > pdf.numPages) {
    throw new RangeError(`Page ${pageNumber} does not exist (the PDF has ${pdf.numPages})`);
  }
  const page = await pdf.getPage(pageNumber);
  try {
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    if (width * height > PDF_LIMITS.maxRenderPixels) {
      throw new PdfRefusal('pdf_damaged', `Page ${pageNumber} would render at ${width}×${height} px (limit ${PDF_LIMITS.maxRenderPixels} px)`);
    }
    // The same @napi-rs/canvas pdfjs's NodeCanvasFactory uses for its scratch canvases; pdfjs's
    // types only know DOM canvases.
    const canvas = createCanvas(width, height);
    await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport, background: 'rgb(255,255,255)' }).promise;
    return { canvas, width, height, pointsWidth: base.width, pointsHeight: base.height };
  } finally {
    page.cleanup();
  }
}

/** Renders one page of an open document and returns its pixels. */
export async function renderLoadedPage(pdf: PDFDocumentProxy, pageNumber: number, scale: number): Promise<RenderedPage> {
  const { canvas, ...size } = await renderPageToCanvas(pdf, pageNumber, scale);
  return { ...size, rgba: canvas.getContext('2d').getImageData(0, 0, size.width, size.height).data };
}

/** Opens, renders one page and closes: for a single thumbnail or check. */
export async function renderPage(pdfBytes: Uint8Array, pageNumber: number, scale: number): Promise<RenderedPage> {
  return withPdf(pdfBytes, (pdf) => renderLoadedPage(pdf, pageNumber, scale));
}
