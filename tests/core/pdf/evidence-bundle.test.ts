import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceBundle, type EvidenceBundleResult, type EvidenceEntry, type EvidenceEntryMeta } from '../../../electron/core/pdf/evidence-bundle';
import { extractText, renderPage } from '../../../electron/core/pdf/pdfjs-node';
import { quarterCanvas } from './sample-images';
import { encryptedPdf, textPdf } from './sample-pdfs';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const generatedAt = new Date('2026-11-22T19:30:00Z');

function entry(id: string, fileName: string, kind: EvidenceEntryMeta['kind'], mediaType: string, bytes: Uint8Array | null, sha256 = bytes ? sha(bytes) : 'f'.repeat(64)): EvidenceEntry {
  return {
    meta: { documentId: id, fileName, categoryLabel: 'Boleta', partyLabel: 'Consumidor/a', receivedAt: '2026-10-03T17:22:00Z', sizeBytes: bytes?.byteLength ?? 1234, sha256, kind, mediaType },
    bytes,
  };
}

async function rotatedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Pagina girada', { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  page.setRotation(degrees(90));
  return doc.save();
}

const EML = [
  'From: Tienda <reclamos@tienda.example>',
  'To: Ana Pérez <ana@example.cl>',
  'Subject: =?UTF-8?Q?Respuesta_a_su_reclamo_N=C2=B0_77?=',
  'Date: Tue, 06 Oct 2026 10:00:00 -0300',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Estimada Ana: no corresponde el cambio del refrigerador.',
  '',
].join('\r\n');

describe('buildEvidenceBundle', () => {
  let entries: EvidenceEntry[];
  let result: EvidenceBundleResult;
  let pages: string[];

  beforeAll(async () => {
    const png = new Uint8Array(await quarterCanvas(400, 300).encode('png'));
    const audio = new TextEncoder().encode('ID3 fake audio bytes');
    entries = [
      entry('d1', 'boleta.pdf', 'pdf', 'application/pdf', await textPdf([['Boleta pagina 1'], ['Boleta pagina 2'], ['Boleta pagina 3']])),
      entry('d2', 'seguimiento.pdf', 'pdf', 'application/pdf', await rotatedPdf()),
      entry('d3', 'foto-danio.png', 'image', 'image/png', png),
      entry('d4', 'chat.txt', 'text', 'text/plain', new TextEncoder().encode('Chat con la tienda\nCliente: ¿y mi reembolso?\nTienda: en revisión')),
      entry('d5', 'respuesta.eml', 'email', 'message/rfc822', new TextEncoder().encode(EML)),
      entry('d6', 'llamada.mp3', 'audio', 'audio/mpeg', audio),
      entry('d7', 'cartola.pdf', 'pdf', 'application/pdf', await encryptedPdf()),
      entry('d8', 'remoto.pdf', 'pdf', 'application/pdf', null),
      entry('d9', 'cambiado.png', 'image', 'image/png', png, 'e'.repeat(64)),
      entry('d10', 'rota.jpg', 'image', 'image/jpeg', new TextEncoder().encode('\xff\xd8\xff not really a jpeg')),
    ];
    result = await buildEvidenceBundle({ caseInfo: { folio: 'RL-2026-00042', consumer: 'Ana Pérez', company: 'Tienda SpA', mediator: 'María Soto' }, generatedAt, entries });
    pages = await extractText(result.bytes);
  });

  it('reports its page count and numbers every page "X de Y"', () => {
    expect(pages).toHaveLength(result.pageCount);
    pages.forEach((text, i) => expect(text).toContain(`Página ${i + 1} de ${result.pageCount}`));
  });

  it('starts with a cover and an index listing every document with its SHA-256 and start page', () => {
    const firstDocument = Math.min(...result.startPages);
    const index = pages.slice(0, firstDocument - 1).join('\n');
    expect(index).toContain('Antecedentes del caso — RL-2026-00042');
    expect(index).toContain('Ana Pérez');
    const compact = index.replace(/\s+/g, '');
    for (const { meta } of entries) {
      expect(compact).toContain(meta.sha256);
      expect(index).toContain(meta.fileName);
    }
    // Each row reads "N° name details hash page", then the next row's number (or the header).
    entries.forEach(({ meta }, i) => expect(compact).toMatch(new RegExp(`${meta.sha256}${result.startPages[i]}(${i + 2}|Centro)`)));
  });

  it('copies PDF pages with a footer naming the document, upright even on a rotated page', async () => {
    const [boleta, rotated] = result.startPages;
    expect(pages[(boleta ?? 0) - 1]).toContain('Boleta pagina 1');
    expect(pages[boleta ?? 0]).toContain('Boleta pagina 2');
    expect(pages[(boleta ?? 0) + 1]).toContain('Doc. 1: boleta.pdf · SHA-256');
    expect(rotated).toBe((boleta ?? 0) + 3);
    expect(pages[(rotated ?? 0) - 1]).toContain('Pagina girada');
    expect(pages[(rotated ?? 0) - 1]).toContain('Doc. 2: seguimiento.pdf');
    // Displayed 842×595 (landscape): the footer is along the bottom edge, not up the side.
    const raster = await renderPage(result.bytes, rotated ?? 0, 1);
    expect(raster.width).toBeGreaterThan(raster.height);
    const darkIn = (x0: number, y0: number, x1: number, y1: number): number => {
      let dark = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((raster.rgba[(y * raster.width + x) * 4] ?? 255) < 160) dark++;
      return dark;
    };
    expect(darkIn(50, raster.height - 35, 400, raster.height - 20)).toBeGreaterThan(30);
    expect(darkIn(raster.width - 35, 100, raster.width - 20, 400)).toBe(0);
  });

  it('fits images on a page with a caption', async () => {
    const start = result.startPages[2] ?? 0;
    expect(pages[start - 1]).toContain('Documento 3 de 10: foto-danio.png');
    expect(pages[start - 1]?.replace(/\s+/g, '')).toContain(entries[2]?.meta.sha256);
    const raster = await renderPage(result.bytes, start, 1);
    let red = 0;
    for (let i = 0; i < raster.rgba.length; i += 4) if ((raster.rgba[i] ?? 0) > 200 && (raster.rgba[i + 1] ?? 255) < 60) red++;
    // A quarter of a 400×300 image drawn at 1.19 pt/px: ~ 42 000 red pixels at 72 dpi.
    expect(red).toBeGreaterThan(20_000);
  });

  it('sets text files and e-mails as text', () => {
    expect(pages[(result.startPages[3] ?? 0) - 1]).toContain('Cliente: ¿y mi reembolso?');
    const email = pages[(result.startPages[4] ?? 0) - 1] ?? '';
    expect(email).toContain('Respuesta a su reclamo N° 77');
    expect(email).toContain('Tienda <reclamos@tienda.example>');
    expect(email).toContain('no corresponde el cambio del refrigerador');
  });

  it('lists what it cannot reproduce, with a page and its hash, and reports why', () => {
    expect(result.listedOnly).toEqual([
      { documentId: 'd6', reason: 'audio' },
      { documentId: 'd7', reason: 'pdf_encrypted' },
      { documentId: 'd8', reason: 'not_available_offline' },
      { documentId: 'd9', reason: 'hash_mismatch' },
      { documentId: 'd10', reason: 'image_damaged' },
    ]);
    const audioPage = pages[(result.startPages[5] ?? 0) - 1] ?? '';
    expect(audioPage).toContain('Archivo no reproducible en PDF: archivo de audio');
    expect(audioPage.replace(/\s+/g, '')).toContain(entries[5]?.meta.sha256);
    expect(pages[(result.startPages[6] ?? 0) - 1]).toContain('PDF protegido con contraseña');
    expect(pages[(result.startPages[8] ?? 0) - 1]).toContain('el contenido no coincide con su SHA-256 registrado');
  });

  it('makes a one-page bundle for a case with no documents', async () => {
    const empty = await buildEvidenceBundle({ caseInfo: { folio: 'RL-1', consumer: 'A', company: 'B' }, generatedAt, entries: [] });
    expect(empty.pageCount).toBe(1);
    expect((await extractText(empty.bytes))[0]).toContain('El caso no tiene documentos seleccionados.');
  });

  it('keeps the index and page numbers right when the index runs over several pages', async () => {
    const many = await Promise.all(Array.from({ length: 45 }, async (_, i) => entry(`m${i}`, `doc-${i}.txt`, 'text', 'text/plain', new TextEncoder().encode(`contenido ${i}`))));
    const big = await buildEvidenceBundle({ caseInfo: { folio: 'RL-2', consumer: 'A', company: 'B' }, generatedAt, entries: many });
    const text = await extractText(big.bytes);
    expect(big.startPages[0]).toBeGreaterThan(2);
    big.startPages.forEach((start, i) => expect(text[start - 1]).toContain(`contenido ${i}`));
  });
});
