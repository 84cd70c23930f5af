import { inflateSync } from 'node:zlib';
import { loadImage } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractText, renderPage } from '../../../electron/core/pdf/pdfjs-node';
import { redactImage, redactPdf } from '../../../electron/core/pdf/redact';
import { quarterCanvas, withExif } from './sample-images';
import { encryptedPdf, garbagePdf } from './sample-pdfs';

const RUT = '12.345.678-5';
const CARD = '4111 1111 1111 1111';

/**
 * Three A4 pages: page 1 has the secrets in its top band and ordinary text below; page 2
 * repeats nothing secret; page 3 is landscape. The document also carries a title, an outline
 * entry and an attachment naming the secret, to check they are dropped.
 */
async function secretPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage([595.28, 841.89]);
  first.drawText(`RUT ${RUT} tarjeta ${CARD}`, { x: 60, y: 780, size: 14, font });
  first.drawText('Monto reclamado 150000 pesos', { x: 60, y: 400, size: 14, font });
  const second = doc.addPage([595.28, 841.89]);
  second.drawText('Segunda pagina sin datos sensibles', { x: 60, y: 700, size: 14, font });
  const third = doc.addPage([841.89, 595.28]);
  third.drawText('Pagina apaisada', { x: 60, y: 500, size: 14, font });
  doc.setTitle(`Cartola ${RUT}`);
  await doc.attach(new TextEncoder().encode(`adjunto ${CARD}`), 'secreto.txt', { mimeType: 'text/plain' });
  // A text annotation on page 2 quoting the secret: copied pages must not keep it.
  const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: PDFString.of(`nota ${CARD}`) });
  second.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
  return doc.save();
}

/**
 * The raw bytes, every Flate stream inflated, and every hex string (<4142…>, how pdf-lib
 * writes text) decoded: where a leftover secret could hide in a simple PDF.
 */
function searchableText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const parts = [raw.toString('latin1')];
  for (let at = raw.indexOf('stream'); at >= 0; at = raw.indexOf('stream', at + 6)) {
    let start = at + 6;
    if (raw[start] === 0x0d) start++;
    if (raw[start] === 0x0a) start++;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(raw.subarray(start, end)).toString('latin1'));
    } catch {
      // Not Flate (e.g. the JPEG of a redacted page): searched raw above.
    }
  }
  const all = parts.join('\n');
  const hex = [...all.matchAll(/<([0-9A-Fa-f\s]{2,})>/g)].map((match) => {
    const decoded = Buffer.from((match[1] ?? '').replace(/\s/g, ''), 'hex');
    // Text strings (the info dictionary) are UTF-16BE behind a byte-order mark.
    return decoded[0] === 0xfe && decoded[1] === 0xff ? new TextDecoder('utf-16be').decode(decoded.subarray(2)) : decoded.toString('latin1');
  });
  return [all, ...hex].join('\n');
}

const pixel = (page: { width: number; rgba: Uint8ClampedArray }, x: number, y: number): number[] =>
  Array.from(page.rgba.subarray((y * page.width + x) * 4, (y * page.width + x) * 4 + 3));

describe('redactPdf', () => {
  const band = { page: 1, x: 0.05, y: 0.04, width: 0.9, height: 0.06 };

  it('removes the text under the region from the redacted page and keeps the others', async () => {
    const original = await secretPdf();
    expect((await extractText(original))[0]).toContain(RUT);
    const redacted = await redactPdf(original, [band]);
    const pages = await extractText(redacted);
    expect(pages).toHaveLength(3);
    // The redacted page is an image: none of its text survives, inside or outside the box.
    expect(pages[0]).toBe('');
    expect(pages[1]).toContain('Segunda pagina sin datos sensibles');
    expect(pages[2]).toContain('Pagina apaisada');
  });

  it('paints the region black in the pixels and keeps the page sizes', async () => {
    const redacted = await redactPdf(await secretPdf(), [band]);
    const page = await renderPage(redacted, 1, 1);
    expect([page.pointsWidth, page.pointsHeight]).toEqual([595.28, 841.89]);
    // Inside the box (the secret line is at 62 pt from the top): black.
    for (const [x, y] of [[60, 58], [200, 55], [500, 45], [40, 40]] as const) {
      for (const channel of pixel(page, x, y)) expect(channel).toBeLessThan(24);
    }
    // The text outside the box is still drawn (in the raster): some dark pixels around y=441.
    let dark = 0;
    for (let x = 60; x < 300; x++) for (let y = 430; y < 445; y++) if ((pixel(page, x, y)[0] ?? 255) < 100) dark++;
    expect(dark).toBeGreaterThan(50);
    const landscape = await PDFDocument.load(redacted);
    expect(landscape.getPage(2).getSize()).toEqual({ width: 841.89, height: 595.28 });
  });

  it('leaves no trace of the secrets in the bytes, compressed streams, metadata, annotations or attachments', async () => {
    const redacted = await redactPdf(await secretPdf(), [band]);
    const text = searchableText(redacted);
    expect(text).toContain('Segunda pagina sin datos sensibles');
    for (const secret of [RUT, CARD, '12.345.678', '4111', 'secreto.txt', 'Cartola']) expect(text.includes(secret), `"${secret}" left in the file`).toBe(false);
    const doc = await PDFDocument.load(redacted, { updateMetadata: false });
    expect(doc.getTitle()).toBeUndefined();
    expect(doc.catalog.get(PDFName.of('Names'))).toBeUndefined();
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
    expect(doc.getPage(1).node.get(PDFName.of('Annots'))).toBeUndefined();
    expect(doc.getProducer()).toBe('Mesa');
  });

  it('the search itself finds the secrets in the original (the check can fail)', async () => {
    const text = searchableText(await secretPdf());
    for (const secret of [RUT, CARD, 'secreto.txt', 'Cartola']) expect(text.includes(secret), secret).toBe(true);
  });

  it('keeps filled form values visible on the pages copied unchanged (flattened) while dropping the form', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const first = doc.addPage([595.28, 841.89]);
    first.drawText(`RUT ${RUT}`, { x: 60, y: 780, size: 14, font });
    const second = doc.addPage([595.28, 841.89]);
    const field = doc.getForm().createTextField('nombre');
    field.setText('Juana Reclamante');
    field.addToPage(second, { x: 60, y: 600, width: 300, height: 30, font });
    const redacted = await redactPdf(await doc.save(), [band]);
    const pages = await extractText(redacted);
    expect(pages[1]).toContain('Juana Reclamante');
    const out = await PDFDocument.load(redacted);
    expect(out.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    expect(out.getPage(1).node.get(PDFName.of('Annots'))).toBeUndefined();
  });

  it('redacts a rotated page where it is displayed', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([400, 200]);
    page.drawText(`RUT ${RUT}`, { x: 20, y: 170, size: 14, font });
    page.setRotation({ type: 'degrees', angle: 90 } as never);
    const rotated = await doc.save();
    // Displayed rotated 90° clockwise, the line runs down the right edge: 200×400 pt.
    const before = await renderPage(rotated, 1, 1);
    expect([before.width, before.height]).toEqual([200, 400]);
    const redacted = await redactPdf(rotated, [{ page: 1, x: 0.75, y: 0, width: 0.25, height: 1 }]);
    const after = await renderPage(redacted, 1, 1);
    expect([after.pointsWidth, after.pointsHeight]).toEqual([200, 400]);
    expect((await extractText(redacted))[0]).toBe('');
    expect(searchableText(redacted).includes(RUT)).toBe(false);
  });

  it('redacts a huge page (200 × 200 in) at a lower resolution instead of refusing it', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([14_400, 14_400]);
    page.drawText(RUT, { x: 100, y: 14_000, size: 200, font: await doc.embedFont(StandardFonts.Helvetica) });
    const redacted = await redactPdf(await doc.save(), [{ page: 1, x: 0, y: 0, width: 0.5, height: 0.1 }]);
    const result = await PDFDocument.load(redacted);
    expect(result.getPage(0).getSize()).toEqual({ width: 14_400, height: 14_400 });
    expect((await extractText(redacted))[0]).toBe('');
    const raster = await renderPage(redacted, 1, 0.05);
    for (const channel of pixel(raster, 100, 20)) expect(channel).toBeLessThan(24);
  });

  it('refuses encrypted and damaged PDFs with their reason, and regions on pages that do not exist', async () => {
    await expect(redactPdf(await encryptedPdf(), [band])).rejects.toMatchObject({ reason: 'pdf_encrypted' });
    await expect(redactPdf(garbagePdf(), [band])).rejects.toMatchObject({ reason: 'pdf_damaged' });
    await expect(redactPdf(await secretPdf(), [{ ...band, page: 4 }])).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'regions.0.page' }] });
  });
});

describe('redactImage', () => {
  const topLeft = { page: 1, x: 0, y: 0, width: 0.5, height: 0.5 };

  for (const [mediaType, encode] of [
    ['image/png', (c: ReturnType<typeof quarterCanvas>) => c.encode('png')],
    ['image/jpeg', (c: ReturnType<typeof quarterCanvas>) => c.encode('jpeg', 95)],
    ['image/webp', (c: ReturnType<typeof quarterCanvas>) => c.encode('webp', 95)],
    ['image/gif', (c: ReturnType<typeof quarterCanvas>) => c.encode('gif')],
  ] as const) {
    it(`${mediaType}: keeps the size and blackens the region`, async () => {
      const original = await encode(quarterCanvas(80, 60));
      const result = await redactImage(original, mediaType, [topLeft]);
      expect([result.width, result.height]).toEqual([80, 60]);
      const decoded = await loadImage(Buffer.from(result.bytes));
      expect([decoded.width, decoded.height]).toEqual([80, 60]);
      const canvas = quarterCanvas(80, 60);
      canvas.getContext('2d').drawImage(decoded, 0, 0);
      const rgba = canvas.getContext('2d').getImageData(0, 0, 80, 60).data;
      const at = (x: number, y: number): number[] => Array.from(rgba.subarray((y * 80 + x) * 4, (y * 80 + x) * 4 + 3));
      for (const channel of at(10, 10)) expect(channel).toBeLessThan(24);
      expect(at(70, 50).every((channel) => channel > 230)).toBe(true);
    });
  }

  it('drops EXIF (GPS and all) and applies its orientation, so regions match what the viewer showed', async () => {
    const raw = await quarterCanvas(40, 20).encode('jpeg', 95);
    // Orientation 6: displayed rotated 90° clockwise, 20×40, the red block at the top right.
    const photo = withExif(raw, 6);
    expect(Buffer.from(photo).includes('GPS-SECRET')).toBe(true);
    const result = await redactImage(photo, 'image/jpeg', [{ page: 1, x: 0.5, y: 0, width: 0.5, height: 0.5 }]);
    expect([result.width, result.height]).toEqual([20, 40]);
    expect(Buffer.from(result.bytes).includes('GPS-SECRET')).toBe(false);
    expect(Buffer.from(result.bytes).includes('Exif')).toBe(false);
    const decoded = await loadImage(Buffer.from(result.bytes));
    const canvas = quarterCanvas(20, 40);
    canvas.getContext('2d').drawImage(decoded, 0, 0);
    const rgba = canvas.getContext('2d').getImageData(0, 0, 20, 40).data;
    const at = (x: number, y: number): number[] => Array.from(rgba.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 3));
    // Where the red block is displayed: black now; no red left anywhere.
    for (const channel of at(15, 5)) expect(channel).toBeLessThan(24);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 20; x++) expect((at(x, y)[0] ?? 0) - (at(x, y)[1] ?? 0)).toBeLessThan(60);
  });

  it('refuses other types and undecodable bytes', async () => {
    await expect(redactImage(new Uint8Array([1, 2, 3]), 'image/tiff', [topLeft])).rejects.toMatchObject({ reason: 'unsupported_redaction' });
    await expect(redactImage(new TextEncoder().encode('not a png'), 'image/png', [topLeft])).rejects.toMatchObject({ reason: 'unsupported_redaction' });
    await expect(redactImage(await quarterCanvas(4, 4).encode('png'), 'image/png', [{ ...topLeft, page: 2 }])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
