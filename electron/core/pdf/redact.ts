// Burn-in redaction. A page (or image) with a region is rasterised, the regions painted solid
// black in the pixels, and the pixels re-encoded: nothing under a box survives in the file
// (no text layer, no vector content, no original image). Pages without regions are copied
// as they are.
//
// What the redacted PDF does NOT carry over from the original, because it could leak what was
// removed: the document information (title, author, subject, keywords…) and XMP metadata, the
// outline (bookmarks), named destinations, embedded files (attachments), document-level
// JavaScript and open actions, the AcroForm (form fields and their values), the structure tree
// (tagged text), and on the copied pages their annotations (comments, links, stamps, form
// widgets — whose /Parent chains would otherwise pull objects of other pages into the file;
// filled form fields are first flattened into the page so their values stay visible), page
// actions (/AA), page XMP, thumbnails, article beads and private application data (/PieceInfo).
import { type Canvas, createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument, PDFName } from 'pdf-lib';
import { AppError } from '../../../shared/contract/errors';
import { PdfRefusal } from './pdf-refusal';
import { renderPageToCanvas, withPdf } from './pdfjs-node';

/** A rectangle to black out, in fractions of the page or image as displayed, from its top-left. */
export interface RedactionRegion {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Resolution of the rasterised pages: sharp enough to read and print small type. */
export const REDACTION_DPI = 200;
/** Largest raster of a redacted page (A1 at 200 dpi fits); larger pages get fewer dots per inch. */
const REDACTION_MAX_PIXELS = 36_000_000;
const JPEG_QUALITY = 85;
/** Page keys of copied pages that may hold or point at content beyond the page itself. */
const PAGE_KEYS_DROPPED = ['Annots', 'AA', 'Metadata', 'Thumb', 'B', 'PieceInfo', 'StructParents', 'Tabs'] as const;

/** Paints the regions solid black; boxes are widened to whole pixels so no edge is half-covered. */
function blackOut(canvas: Canvas, regions: readonly RedactionRegion[]): void {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  context.save();
  context.globalAlpha = 1;
  context.globalCompositeOperation = 'source-over';
  context.fillStyle = '#000000';
  for (const region of regions) {
    const left = Math.max(0, Math.floor(region.x * width));
    const top = Math.max(0, Math.floor(region.y * height));
    const right = Math.min(width, Math.ceil((region.x + region.width) * width));
    const bottom = Math.min(height, Math.ceil((region.y + region.height) * height));
    context.fillRect(left, top, right - left, bottom - top);
  }
  context.restore();
}

function regionsByPage(regions: readonly RedactionRegion[], pageCount: number): Map<number, RedactionRegion[]> {
  const byPage = new Map<number, RedactionRegion[]>();
  regions.forEach((region, index) => {
    if (!Number.isInteger(region.page) || region.page < 1 || region.page > pageCount) {
      throw new AppError('invalid_input', `Region ${index} is on page ${region.page}; the document has ${pageCount}`, [
        { path: `regions.${index}.page`, message: `page ${region.page} does not exist` },
      ]);
    }
    byPage.set(region.page, [...(byPage.get(region.page) ?? []), region]);
  });
  return byPage;
}

/** Loads the original with pdf-lib, which is stricter than pdfjs: what it cannot parse is damaged. */
async function loadForCopy(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PdfRefusal(/encrypt/i.test(detail) ? 'pdf_encrypted' : 'pdf_damaged', `PDF cannot be copied: ${detail}`);
  }
}

/**
 * Draws filled-in form fields into their pages' content, so the values stay visible on the
 * pages copied unchanged once the annotations (widgets) are dropped. A form pdf-lib cannot
 * flatten keeps its values only on the rasterised pages (pdfjs draws widgets there).
 */
function flattenForm(source: PDFDocument): void {
  try {
    source.getForm().flatten();
  } catch {
    // Malformed AcroForm: the copied pages lose the field values, nothing else.
  }
}

export interface RedactOptions {
  /** The redacted file's creation date (the original's dates are not kept). */
  readonly now?: Date;
}

/**
 * A new PDF in which every page with a region is an image of that page with the regions
 * burnt in, at the page's displayed size; the other pages are copied unchanged. Encrypted or
 * unreadable input is refused with PdfRefusal (pdf_encrypted / pdf_damaged).
 */
export async function redactPdf(bytes: Uint8Array, regions: readonly RedactionRegion[], options: RedactOptions = {}): Promise<Uint8Array> {
  return withPdf(bytes, async (pdf) => {
    const byPage = regionsByPage(regions, pdf.numPages);
    const source = await loadForCopy(bytes);
    if (source.getPageCount() !== pdf.numPages) {
      throw new PdfRefusal('pdf_damaged', `PDF page tree is inconsistent (${source.getPageCount()} vs ${pdf.numPages} pages)`);
    }
    flattenForm(source);
    for (const page of source.getPages()) for (const key of PAGE_KEYS_DROPPED) page.node.delete(PDFName.of(key));

    const out = await PDFDocument.create({ updateMetadata: false });
    for (let number = 1; number <= pdf.numPages; number++) {
      const pageRegions = byPage.get(number);
      if (!pageRegions) {
        const [copied] = await out.copyPages(source, [number - 1]);
        out.addPage(copied);
        continue;
      }
      const base = (await pdf.getPage(number)).getViewport({ scale: 1 });
      const scale = Math.min(REDACTION_DPI / 72, Math.sqrt(REDACTION_MAX_PIXELS / (base.width * base.height)));
      const raster = await renderPageToCanvas(pdf, number, scale);
      blackOut(raster.canvas, pageRegions);
      const jpeg = await raster.canvas.encode('jpeg', JPEG_QUALITY);
      const image = await out.embedJpg(jpeg);
      const page = out.addPage([raster.pointsWidth, raster.pointsHeight]);
      page.drawImage(image, { x: 0, y: 0, width: raster.pointsWidth, height: raster.pointsHeight });
    }
    out.setProducer('Mesa');
    out.setCreator('Mesa');
    out.setCreationDate(options.now ?? new Date());
    out.setModificationDate(options.now ?? new Date());
    return out.save();
  });
}

/** Media types redactImage accepts, and what each is re-encoded as. */
const IMAGE_OUTPUT: Readonly<Record<string, 'png' | 'jpeg' | 'webp'>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  // A GIF becomes a PNG of its first frame: animation cannot be redacted frame by frame here.
  'image/gif': 'png',
};

/** Largest image decoded for redaction, in pixels. */
export const MAX_IMAGE_PIXELS = 100_000_000;

export interface RedactedImage {
  readonly bytes: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
  readonly width: number;
  readonly height: number;
}

/**
 * Re-encodes an image with the regions painted black, at its original pixel size. Only the
 * pixels are written back: EXIF (camera, GPS position, dates), ICC and other metadata blocks
 * are dropped as a side effect. Regions refer to the image as displayed, i.e. after any EXIF
 * orientation, and the output is stored upright with no orientation tag.
 */
export async function redactImage(bytes: Uint8Array, mediaType: string, regions: readonly RedactionRegion[]): Promise<RedactedImage> {
  const format = IMAGE_OUTPUT[mediaType];
  if (!format) throw new PdfRefusal('unsupported_redaction', `Images of type ${mediaType} cannot be redacted`);
  regionsByPage(regions, 1);
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new PdfRefusal('unsupported_redaction', `Image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { width, height } = image;
  if (width < 1 || height < 1 || width * height > MAX_IMAGE_PIXELS) {
    throw new PdfRefusal('unsupported_redaction', `Image of ${width}×${height} px cannot be redacted (limit ${MAX_IMAGE_PIXELS} px)`);
  }
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  blackOut(canvas, regions);
  const encoded = format === 'png' ? await canvas.encode('png') : await canvas.encode(format, JPEG_QUALITY);
  return { bytes: new Uint8Array(encoded), mediaType: `image/${format}`, width, height };
}
