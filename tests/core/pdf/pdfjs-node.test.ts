import { describe, expect, it } from 'vitest';
import { extractText, renderPage } from '../../../electron/core/pdf/pdfjs-node';
import { PdfRefusal } from '../../../electron/core/pdf/pdf-refusal';
import { encryptedPdf, garbagePdf, textPdf } from './sample-pdfs';

const darkPixels = (rgba: Uint8ClampedArray): number => {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) if ((rgba[i] ?? 255) < 128) count++;
  return count;
};

describe('pdfjs under Node', () => {
  it('extracts the text of every page, non-embedded standard fonts included', async () => {
    const bytes = await textPdf([['Boleta electrónica N° 123'], ['Página dos', 'ñandú']]);
    const pages = await extractText(bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Boleta electrónica N° 123');
    expect(pages[1]).toContain('ñandú');
  });

  it('does not detach or change the caller’s bytes', async () => {
    const bytes = await textPdf([['x']]);
    const copy = bytes.slice();
    await extractText(bytes);
    expect(bytes).toEqual(copy);
  });

  it('renders a page with @napi-rs/canvas at the requested scale, text drawn in black on white', async () => {
    const bytes = await textPdf([['HOLA HOLA HOLA']], [300, 200]);
    const page = await renderPage(bytes, 1, 2);
    expect([page.width, page.height, page.pointsWidth, page.pointsHeight]).toEqual([600, 400, 300, 200]);
    expect(page.rgba).toHaveLength(600 * 400 * 4);
    expect(darkPixels(page.rgba)).toBeGreaterThan(500);
    expect(Array.from(page.rgba.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  });

  it('refuses a page that does not exist', async () => {
    await expect(renderPage(await textPdf([['x']]), 2, 1)).rejects.toThrow(RangeError);
  });

  it('maps a password-protected PDF to pdf_encrypted', async () => {
    const error = await extractText(await encryptedPdf()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfRefusal);
    expect(error).toMatchObject({ code: 'invalid_input', reason: 'pdf_encrypted', issues: [{ reason: 'pdf_encrypted' }] });
  });

  it('reads what it can of a truncated PDF or refuses it as pdf_damaged, never anything else', async () => {
    const bytes = await textPdf([['Primera'], ['Segunda'], ['Tercera']]);
    for (const cut of [0.3, 0.6, 0.9]) {
      const outcome = await extractText(bytes.subarray(0, Math.floor(bytes.length * cut))).then(
        (pages) => ({ pages }),
        (error: unknown) => ({ error }),
      );
      if ('error' in outcome) expect(outcome.error).toMatchObject({ reason: 'pdf_damaged' });
      else expect(outcome.pages.length).toBeGreaterThan(0);
    }
  });

  it('maps garbage and a zero-byte file to pdf_damaged', async () => {
    await expect(extractText(garbagePdf())).rejects.toMatchObject({ reason: 'pdf_damaged' });
    await expect(renderPage(new Uint8Array(0), 1, 1)).rejects.toMatchObject({ reason: 'pdf_damaged' });
  });
});
