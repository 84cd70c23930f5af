import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportAgreementPdf } from '../../../electron/core/agreements/export-pdf';
import { extractText } from '../../../electron/core/pdf/pdfjs-node';
import { externalTool, flat, inkRatio, pdfPageCount, pdfToText, renderPages, sampleExport, tempDir } from './export-support';

describe('PDF export', () => {
  it('pdfjs reads back the clauses, amounts in words, RUTs, header and page numbers', async () => {
    const pages = await extractText(await exportAgreementPdf(sampleExport()));
    expect(pages.length).toBeGreaterThan(1);
    const text = flat(pages.join('\n'));
    expect(text).toContain('ACTA DE ACUERDO DE MEDIACIÓN');
    expect(text).toContain('PRIMERO: Comparecencia.');
    expect(text).toContain('DUODÉCIMO: Aceptación electrónica.');
    expect(text).toContain('$1.250.000 (un millón doscientos cincuenta mil pesos)');
    expect(text).toContain('12.345.678-5');
    expect(text).toContain('a más tardar el 4 de diciembre de 2026');
    expect(text).toContain('Aceptó electrónicamente el 20-11-2026 15:32 (hora de Chile)');
    expect(flat(pages[0] ?? '')).toContain('Folio RL-2026-004512');
    expect(flat(pages.at(-1) ?? '')).toContain(`Página ${pages.length} de ${pages.length}`);
    expect(text).not.toContain('{{');
  });

  it('carries document properties', async () => {
    const pdf = await PDFDocument.load(await exportAgreementPdf(sampleExport()), { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Acta de acuerdo — folio RL-2026-004512 — versión 3');
    expect(pdf.getAuthor()).toBe('Mesa');
  });

  it('refuses while variables are unfilled, naming them', async () => {
    const input = sampleExport();
    await expect(exportAgreementPdf({ ...input, variables: { ...input.variables, producto_reemplazo: 'x', plataforma_resenas: 'Reclamos.cl', accion_resena: null } })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'variables.accion_resena', reason: 'unfilled_variables', message: expect.any(String) }],
    });
  });

  const poppler = externalTool('pdftoppm');
  it.skipIf(!poppler.available)('poppler reads the text and renders every page with ink', async () => {
    const file = join(tempDir('pdf'), 'acta.pdf');
    writeFileSync(file, await exportAgreementPdf(sampleExport()));
    const text = flat(pdfToText(file));
    expect(text).toContain('TERCERO: Reembolso.');
    expect(text).toContain('(un millón doscientos cincuenta mil pesos)');
    const pngs = renderPages(file);
    expect(pngs).toHaveLength(pdfPageCount(file));
    for (const png of pngs) expect(await inkRatio(png)).toBeGreaterThan(0.01);
  }, 60_000);
});
