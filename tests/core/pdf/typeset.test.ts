import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractText, renderPage, withPdf } from '../../../electron/core/pdf/pdfjs-node';
import { DOCUMENT_LABELS } from '../../../electron/core/pdf/document-labels';
import { A4, typesetPdf, type Block } from '../../../electron/core/pdf/typeset';

const generatedAt = new Date('2026-11-22T19:30:00Z');
const LOREM =
  'La consumidora adquirió un refrigerador en la tienda el día 3 de octubre y pagó con tarjeta de crédito; el producto llegó con la puerta abollada y la empresa ofreció un descuento que ella rechazó por considerarlo insuficiente. ';
const HASH = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(16) + 'd'.repeat(16);

describe('typesetPdf', () => {
  it('writes real, extractable Spanish text with the header, folio, footer and metadata', async () => {
    const bytes = await typesetPdf(
      [
        { kind: 'heading', text: 'Índice de antecedentes' },
        { kind: 'paragraph', content: [{ text: 'Negrita ', bold: true }, { text: 'cursiva ', italic: true }, { text: 'normal: ñandú, acción, pingüino, ¿qué?' }] },
        { kind: 'bullets', items: ['Primer punto', 'Segundo punto'] },
      ],
      { title: 'Antecedentes del caso', folio: 'RL-2026-00042', generatedAt },
    );
    const [page] = await extractText(bytes);
    expect(page).toContain(DOCUMENT_LABELS.centre);
    expect(page).toContain('Folio RL-2026-00042');
    expect(page).toContain('Antecedentes del caso');
    expect(page).toContain('Índice de antecedentes');
    expect(page).toContain('Negrita cursiva normal: ñandú, acción, pingüino, ¿qué?');
    expect(page).toContain('Primer punto');
    expect(page).toContain('Página 1 de 1');
    // 19:30 UTC is 16:30 in Santiago (summer time, UTC-3).
    expect(page).toContain('Generado el 22-11-2026 16:30 (hora de Chile)');

    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Antecedentes del caso');
    expect(doc.getProducer()).toBe('Mesa');
    expect(doc.getAuthor()).toBe(DOCUMENT_LABELS.centre);
    expect(doc.getCreationDate()?.toISOString()).toBe(generatedAt.toISOString());
    const size = doc.getPage(0).getSize();
    expect([size.width, size.height]).toEqual([...A4]);
    // Subsets: four Liberation faces would be ~550 KB whole.
    expect(bytes.byteLength).toBeLessThan(120_000);
  });

  it('replaces characters the fonts lack with "?" instead of failing', async () => {
    const bytes = await typesetPdf([{ kind: 'paragraph', content: 'Cliente: 王小明 😀 Δέλτα Жанна' }], { title: 'x', generatedAt });
    const [page] = await extractText(bytes);
    // Liberation covers Greek and Cyrillic, not CJK or emoji.
    expect(page).toContain('Cliente: ??? ? Δέλτα Жанна');
  });

  it('justifies full lines to the right margin and leaves the last line ragged', async () => {
    const bytes = await typesetPdf([{ kind: 'paragraph', content: LOREM.repeat(3), align: 'justify' }], { title: 'x', generatedAt });
    const lineEnds = await withPdf(bytes, async (pdf) => {
      const content = await (await pdf.getPage(1)).getTextContent();
      const ends = new Map<number, number>();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = Math.round(item.transform[5] as number);
        ends.set(y, Math.max(ends.get(y) ?? 0, (item.transform[4] as number) + item.width));
      }
      return [...ends.entries()].sort((a, b) => b[0] - a[0]).map(([, end]) => end);
    });
    // Header and footer lines aside, the paragraph's lines sit between them.
    const body = lineEnds.slice(2, -1);
    expect(body.length).toBeGreaterThan(4);
    for (const end of body.slice(0, -1)) expect(end).toBeCloseTo(A4[0] - 56.7, 0);
    expect(body.at(-1)).toBeLessThan(A4[0] - 80);
    const [page] = await extractText(bytes);
    expect(page?.replace(/\s+/g, ' ')).toContain('insuficiente. La consumidora adquirió un refrigerador');
  });

  it('breaks pages and numbers them "X de Y"', async () => {
    const blocks: Block[] = [];
    for (let i = 1; i <= 30; i++) blocks.push({ kind: 'heading', text: `Sección ${i}`, level: 2 }, { kind: 'paragraph', content: LOREM.repeat(1 + (i % 4)), align: 'justify' });
    const pages = await extractText(await typesetPdf(blocks, { title: 'x', generatedAt }));
    expect(pages.length).toBeGreaterThan(4);
    pages.forEach((text, index) => expect(text).toContain(`Página ${index + 1} de ${pages.length}`));
  });

  it('never leaves a heading alone at the bottom of a page, wherever the page break falls', async () => {
    // Sweeps the heading's position over the last lines of the first page.
    for (let fillers = 25; fillers <= 36; fillers++) {
      const blocks: Block[] = Array.from({ length: fillers }, (_, i) => ({ kind: 'paragraph', content: `Relleno ${i}` }) as const);
      blocks.push({ kind: 'heading', text: 'Sección final' }, { kind: 'paragraph', content: 'Párrafo final' });
      const pages = await extractText(await typesetPdf(blocks, { title: 'x', generatedAt }));
      const withHeading = pages.find((text) => text.includes('Sección final'));
      expect(withHeading, `${fillers} fillers`).toContain('Párrafo final');
    }
  });

  it('wraps a table: a SHA-256 in a narrow monospace column is cut between characters and stays complete', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`documento-${i}.pdf`, 'Boleta', HASH]);
    const bytes = await typesetPdf(
      [{ kind: 'table', columns: [{ header: 'Nombre', width: 3 }, { header: 'Categoría', width: 2 }, { header: 'SHA-256', width: 3, style: { mono: true } }], rows }],
      { title: 'x', generatedAt },
    );
    const pages = await extractText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let i = 0; i < 40; i++) expect(all).toContain(`documento-${i}.pdf`);
    // The header row repeats on every page.
    for (const text of pages) expect(text).toContain('SHA-256');
    expect(all.replace(/\s+/g, '').split(HASH).length - 1).toBe(40);
  });

  it('splits a table row taller than a page across pages without losing a line', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `línea ${i + 1}`).join('\n');
    const bytes = await typesetPdf([{ kind: 'table', columns: [{ header: 'Campo', width: 1 }, { header: 'Valor', width: 3 }], rows: [['Mensajes', lines]] }], { title: 'x', generatedAt });
    const pages = await extractText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let i = 1; i <= 120; i++) expect(all).toMatch(new RegExp(`línea ${i}(?!\\d)`));
  });

  it('cuts a word longer than the line (a URL) between characters and keeps it whole', async () => {
    const url = 'https://tienda.example/seguimiento?' + 'x1y2z3'.repeat(60);
    const [page] = await extractText(await typesetPdf([{ kind: 'paragraph', content: `Enlace: ${url} fin` }], { title: 'x', generatedAt }));
    expect(page?.replace(/\s+/g, '')).toContain(`Enlace:${url}fin`);
  });

  it('renders: the banner is shaded and the text is drawn', async () => {
    const bytes = await typesetPdf([{ kind: 'banner', text: 'Confidencial — uso exclusivo del mediador' }, { kind: 'paragraph', content: 'Texto' }], { title: 'x', generatedAt });
    const page = await renderPage(bytes, 1, 1);
    // Inside the banner's frame (below the header) the background is the pink shade.
    const at = (x: number, y: number): number[] => Array.from(page.rgba.subarray((y * page.width + x) * 4, (y * page.width + x) * 4 + 3));
    expect(at(60, 88)).toEqual([252, 232, 232]);
    expect(at(20, 400)).toEqual([255, 255, 255]);
  });
});
