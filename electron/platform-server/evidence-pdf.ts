// PDF templates with fixed-width text slots, for seeding thousands of cases with real PDFs.
// pdf-lib builds each template ONCE (uncompressed content streams, fixed dates); a case's PDF
// is the template with its slots overwritten in place by values of the same byte length, so
// every cross-reference offset stays right and a case costs a buffer copy, not a PDF build.
import { PDFContentStream, PDFDocument, PDFName, type PDFFont, type PDFPage, type PDFRef, StandardFonts, rgb } from 'pdf-lib';

/** Fixed metadata dates: the same inputs give the same bytes (and the same SHA-256). */
const FIXED_DATE = new Date('2026-01-01T00:00:00.000Z');

export interface PdfCanvas {
  readonly page: PDFPage;
  readonly font: PDFFont;
  readonly bold: PDFFont;
  text(value: string, x: number, y: number, options?: { size?: number; bold?: boolean; color?: [number, number, number] }): void;
  /** Reserves `width` characters for the value named `name` (Helvetica, WinAnsi). */
  slot(name: string, width: number, x: number, y: number, options?: { size?: number; bold?: boolean }): void;
  rule(y: number): void;
}

export interface PdfTemplate {
  /** The PDF with every slot filled (values cut or padded to their width). */
  render(values: Readonly<Record<string, string>>): Buffer;
  readonly slotNames: readonly string[];
}

/** WinAnsi bytes outside Latin-1 that Spanish text uses. */
const WIN_ANSI_EXTRA: Readonly<Record<string, number>> = { '€': 0x80, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };

const HEX_DIGITS = Buffer.from('0123456789ABCDEF', 'latin1');

/**
 * Writes `value` at `offset` as pdf-lib writes Helvetica text: each WinAnsi byte as two upper-case
 * hex digits, cut or padded with spaces to `width` characters; unknown characters become "?".
 * Byte by byte (no strings): it runs for every slot of every seeded PDF.
 */
function writeWinAnsiHex(out: Buffer, offset: number, value: string, width: number): void {
  let i = 0;
  for (const char of value.normalize('NFC')) {
    if (i === width) break;
    const code = char.codePointAt(0) ?? 0x3f;
    const byte = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? code : (WIN_ANSI_EXTRA[char] ?? 0x3f);
    out[offset + 2 * i] = HEX_DIGITS[byte >> 4] ?? 0x30;
    out[offset + 2 * i + 1] = HEX_DIGITS[byte & 15] ?? 0x30;
    i += 1;
  }
  for (; i < width; i += 1) {
    out[offset + 2 * i] = 0x32; // "20": a space
    out[offset + 2 * i + 1] = 0x30;
  }
}

export async function buildPdfTemplate(title: string, pages: ReadonlyArray<(canvas: PdfCanvas) => void>): Promise<PdfTemplate> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('Mesa — plataforma de referencia');
  doc.setCreator('Mesa');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const font = doc.embedStandardFont(StandardFonts.Helvetica);
  const bold = doc.embedStandardFont(StandardFonts.HelveticaBold);
  const slots = new Map<string, { width: number; placeholders: string[] }>();

  for (const draw of pages) {
    const page = doc.addPage([595, 842]);
    const canvas: PdfCanvas = {
      page,
      font,
      bold,
      text(value, x, y, options = {}) {
        const color = options.color ?? [0.1, 0.1, 0.12];
        page.drawText(value, { x, y, size: options.size ?? 10, font: options.bold ? bold : font, color: rgb(...color) });
      },
      slot(name, width, x, y, options = {}) {
        const entry = slots.get(name) ?? { width, placeholders: [] };
        if (entry.width !== width) throw new Error(`Slot ${name} has two widths`);
        // A placeholder unique in the file: "#", the slot's index and occurrence, then "~".
        const tag = `#${slots.size.toString(36)}${entry.placeholders.length.toString(36)}|`;
        const placeholder = tag.padEnd(width, '~');
        if (placeholder.length !== width) throw new Error(`Slot ${name} is too narrow`);
        entry.placeholders.push(placeholder);
        slots.set(name, entry);
        page.drawText(placeholder, { x, y, size: options.size ?? 10, font: options.bold ? bold : font, color: rgb(0.1, 0.1, 0.12) });
      },
      rule(y) {
        page.drawLine({ start: { x: 50, y }, end: { x: 545, y }, thickness: 0.6, color: rgb(0.6, 0.6, 0.65) });
      },
    };
    draw(canvas);
  }
  uncompressContents(doc);
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));

  // Where each placeholder sits: pdf-lib writes standard-font text as an upper-case hex string.
  const text = bytes.toString('latin1');
  const offsets = new Map<string, { width: number; at: number[] }>();
  for (const [name, { width, placeholders }] of slots) {
    const at = placeholders.map((placeholder) => {
      const hex = Buffer.from(placeholder, 'latin1').toString('hex').toUpperCase();
      const index = text.indexOf(`<${hex}>`);
      if (index < 0 || text.indexOf(`<${hex}>`, index + 1) >= 0) throw new Error(`Slot ${name} not found exactly once`);
      return index + 1;
    });
    offsets.set(name, { width, at });
  }

  return {
    slotNames: [...slots.keys()],
    render(values) {
      const out = Buffer.from(bytes);
      for (const [name, { width, at }] of offsets) {
        for (const offset of at) writeWinAnsiHex(out, offset, values[name] ?? '', width);
      }
      return out;
    },
  };
}

/** pdf-lib deflates page contents; the slots must be plain bytes to be overwritten. */
function uncompressContents(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
    const refs: unknown[] = contents && 'asArray' in contents && typeof contents.asArray === 'function' ? (contents.asArray() as unknown[]) : [page.node.get(PDFName.of('Contents'))];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (stream instanceof PDFContentStream) doc.context.assign(ref as PDFRef, doc.context.stream(stream.getUnencodedContents()));
    }
  }
}
