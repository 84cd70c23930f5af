import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildHearingSheetPdf, sectionBlocks } from '../../../electron/core/pdf/hearing-sheet-pdf';
import { extractText } from '../../../electron/core/pdf/pdfjs-node';
import type { HearingSheet } from '../../../shared/contract/documents';

const sheet: HearingSheet = {
  caseId: '0192f000-0000-7000-8000-000000000001',
  consumerPosition: 'Pide la devolución de $150.000 y el retiro del refrigerador abollado.',
  companyPosition: 'Ofrece un descuento del 10%.\n\nNo acepta el cambio: dice que el daño fue en la entrega del courier.',
  interests: '- Consumidora: tener un refrigerador que funcione antes de fin de mes\n- Empresa: no perder la calificación en la plataforma',
  issues: '',
  options: '• Cambio por un modelo equivalente\n• Reembolso parcial de $50.000',
  notes: 'Revisar el seguimiento del courier (ñ, ü, 王).',
  updatedAt: '2026-11-21T22:05:00Z',
};

describe('buildHearingSheetPdf', () => {
  it('prints the confidential banner, the case facts and every section', async () => {
    const bytes = await buildHearingSheetPdf({
      sheet,
      facts: { folio: 'RL-2026-00042', consumer: 'Ana Pérez', company: 'Tienda SpA', subject: 'Producto dañado', amountClaimed: 150000, hearingAt: '2026-11-25T13:00:00Z', mediator: 'María Soto' },
      generatedAt: new Date('2026-11-22T19:30:00Z'),
    });
    const text = (await extractText(bytes)).join('\n');
    expect(text).toContain('Confidencial — uso exclusivo del mediador');
    expect(text).toContain('Hoja de preparación de audiencia — RL-2026-00042');
    expect(text).toContain('Monto reclamado $150.000');
    // 13:00 UTC is 10:00 in Santiago; the sheet was saved at 19:05 Santiago time.
    expect(text).toContain('Audiencia 25-11-2026 10:00');
    expect(text).toContain('Última modificación 21-11-2026 19:05');
    for (const heading of ['Posición del consumidor/a', 'Posición de la empresa', 'Intereses', 'Puntos en discusión', 'Opciones de acuerdo', 'Notas']) expect(text).toContain(heading);
    expect(text).toContain('• Cambio por un modelo equivalente');
    expect(text).toContain('(sin contenido)');
    expect(text).toContain('(ñ, ü, ?)');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Hoja de preparación de audiencia — RL-2026-00042');
    expect(doc.getSubject()).toBe('Confidencial — uso exclusivo del mediador');
  });

  it('turns typed lists into bullets and blank lines into paragraphs', () => {
    expect(sectionBlocks('Uno\ndos\n\n- a\n* b\ntres')).toEqual([
      { kind: 'paragraph', content: 'Uno\ndos', align: 'left' },
      { kind: 'bullets', items: ['a', 'b'] },
      { kind: 'paragraph', content: 'tres', align: 'left' },
    ]);
  });
});
