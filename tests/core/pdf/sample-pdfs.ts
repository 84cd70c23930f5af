// Real PDFs made in the test with pdf-lib, including hostile ones.
import { PDFDocument, PDFName, PDFHexString, StandardFonts } from 'pdf-lib';

/** One page per entry, each line drawn in Helvetica (not embedded: pdfjs needs its standard font data). */
export async function textPdf(pages: string[][], size: [number, number] = [595.28, 841.89]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage(size);
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: size[1] - 80 - index * 30, size: 14, font }));
  }
  return doc.save();
}

/**
 * A PDF whose trailer names a Standard security handler (AES-256, revision 6) with a user
 * password that is not empty: readers must ask for it. The O/U values are random, which is
 * indistinguishable from a real unknown password.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const random = (n: number): PDFHexString => PDFHexString.of(Buffer.from(crypto.getRandomValues(new Uint8Array(n))).toString('hex'));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 5, R: 6, Length: 256, P: -4, O: random(48), U: random(48), OE: random(32), UE: random(32), Perms: random(16) });
  encrypt.set(PDFName.of('CF'), doc.context.obj({ StdCF: { CFM: 'AESV3', AuthEvent: 'DocOpen', Length: 32 } }));
  encrypt.set(PDFName.of('StmF'), PDFName.of('StdCF'));
  encrypt.set(PDFName.of('StrF'), PDFName.of('StdCF'));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([random(16), random(16)]);
  return doc.save({ useObjectStreams: false });
}

/** Not a PDF at all behind a PDF header. */
export const garbagePdf = (): Uint8Array => new TextEncoder().encode('%PDF-1.7\n' + 'this is not a pdf body '.repeat(20));
