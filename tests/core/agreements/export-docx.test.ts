import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX_STYLES, exportAgreementDocx } from '../../../electron/core/agreements/export-docx';
import { instantiateTemplate } from '../../../shared/agreements/instantiate';
import { variableSpec } from '../../../shared/agreements/variables';
import { AppError } from '../../../shared/contract/errors';
import { counterIds, FACTS, shippedLibrary } from '../../shared/agreements/fixtures';
import { convertWithLibreOffice, externalTool, flat, inkRatio, pdfPageCount, pdfToText, renderPages, sampleExport, tempDir } from './export-support';

const unescapeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each w:p, runs joined, as Word would show it. */
const paragraphs = (xml: string): string[] =>
  xml.split('</w:p>').map((part) => unescapeXml([...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')));

const SAMPLE_BY_KIND = { text: 'Texto de prueba', rut: '11111111-1', amount_clp: 99_990, business_days: 3, date: '2026-12-31', boolean: true } as const;
const sampleValue = (name: string) => {
  const spec = variableSpec(name);
  if (!spec) throw new Error(name);
  return SAMPLE_BY_KIND[spec.kind];
};

async function openDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing; parts: ${Object.keys(zip.files).join(', ')}`);
    return file.async('string');
  };
  return { zip, part };
}

describe('DOCX export', () => {
  it('writes the clauses, amounts in words, RUTs and deadlines into word/document.xml', async () => {
    const { part } = await openDocx(await exportAgreementDocx(sampleExport()));
    const documentXml = await part('word/document.xml');
    const text = paragraphs(documentXml);
    expect(text).toContain('ACTA DE ACUERDO DE MEDIACIÓN');
    expect(text).toContain('PRIMERO: Comparecencia.');
    expect(text).toContain('SEGUNDO: Antecedentes.');
    expect(text.filter((line) => /^[A-ZÉ]+( [A-Z]+)?: /.test(line)).length).toBeGreaterThan(8);
    const all = text.join('\n');
    expect(all).toContain('la suma de $1.250.000 (un millón doscientos cincuenta mil pesos), mediante transferencia');
    expect(all).toContain('María José Pérez Soto, RUT N° 12.345.678-5');
    expect(all).toContain('Electro Sur SpA, RUT N° 76.543.210-3, representada por Jorge Araya Díaz, RUT N° 9.876.543-3');
    expect(all).toContain('a más tardar el 4 de diciembre de 2026');
    expect(all).toContain('Reclamos.cl');
    expect(all).toContain('Aceptó electrónicamente el 20-11-2026 15:32 (hora de Chile)');
    expect(all).toContain('Aceptación electrónica pendiente');
    expect(all).not.toContain('{{');
    // Bold variable runs, bullet numbering, styles by id, A4 portrait.
    expect(documentXml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">María José Pérez Soto<\/w:t>/);
    expect(documentXml).toContain('<w:numPr>');
    expect(documentXml).toContain(`<w:pStyle w:val="${DOCX_STYLES.clauseHeading}"/>`);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('defines its paragraph styles in Times New Roman, and the bullet list', async () => {
    const { part } = await openDocx(await exportAgreementDocx(sampleExport()));
    const styles = await part('word/styles.xml');
    for (const id of Object.values(DOCX_STYLES)) expect(styles).toContain(`w:styleId="${id}"`);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(await part('word/numbering.xml')).toContain('<w:lvlText w:val="•"/>');
  });

  it('has the centre header, page numbers in the footer and core properties', async () => {
    const { zip, part } = await openDocx(await exportAgreementDocx(sampleExport()));
    const headerName = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name));
    const footerName = Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name));
    if (!headerName || !footerName) throw new Error('header or footer part missing');
    const header = paragraphs(await part(headerName)).join('\n');
    expect(header).toContain('Centro de Mediación');
    expect(header).toContain('Acta de acuerdo · Folio RL-2026-004512 · Versión 3');
    const footer = await part(footerName);
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    const core = await part('docProps/core.xml');
    expect(core).toContain('<dc:creator>Mesa</dc:creator>');
    expect(core).toContain('<dc:title>Acta de acuerdo — folio RL-2026-004512</dc:title>');
  });

  it('refuses while variables are unfilled, naming them, and writes nothing', async () => {
    const input = sampleExport();
    const attempt = exportAgreementDocx({ ...input, variables: { ...input.variables, monto_reembolso: null, rut_consumidor: '' } });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('rut_consumidor, monto_reembolso'),
      issues: [
        { path: 'variables.rut_consumidor', reason: 'unfilled_variables', message: expect.any(String) },
        { path: 'variables.monto_reembolso', reason: 'unfilled_variables', message: expect.any(String) },
      ],
    });
  });

  it('refuses an amount that is not a whole number of pesos', async () => {
    const input = sampleExport();
    await expect(exportAgreementDocx({ ...input, variables: { ...input.variables, monto_reembolso: 99.5 } })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'variables.monto_reembolso', reason: 'invalid_amount' })],
    });
  });

  it('exports every shipped template once its variables are filled', async () => {
    const library = shippedLibrary();
    for (const template of library.templates) {
      const { content, variables } = instantiateTemplate(template, library, FACTS, { newId: counterIds() });
      const filled = { ...variables, ...Object.fromEntries(Object.entries(variables).filter(([, value]) => value === null).map(([name]) => [name, sampleValue(name)])) };
      const { part } = await openDocx(await exportAgreementDocx({ content, variables: filled, versionNumber: 1, generatedAt: new Date('2026-11-20T12:00:00Z') }));
      const text = paragraphs(await part('word/document.xml'));
      expect(text, template.id).toContain('PRIMERO: Comparecencia.');
      expect(text.join('\n'), template.id).not.toContain('{{');
    }
  });

  it('escapes markup characters typed by the mediator and refuses control characters', async () => {
    const input = sampleExport();
    const { part } = await openDocx(await exportAgreementDocx({ ...input, variables: { ...input.variables, plataforma_resenas: 'A & B <x> "Reseñas" 😀' } }));
    expect(paragraphs(await part('word/document.xml')).join('\n')).toContain('publicada en A & B <x> "Reseñas" 😀 respecto');
    await expect(exportAgreementDocx({ ...input, variables: { ...input.variables, plataforma_resenas: 'Reclamos\u0007.cl' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'variables.plataforma_resenas', reason: 'invalid_variable' })],
    });
    await expect(exportAgreementDocx({ ...input, variables: { ...input.variables, plataforma_resenas: 'Reclamos\uD800.cl' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'variables.plataforma_resenas', reason: 'invalid_variable' })],
    });
  });

  const office = externalTool('soffice');
  const poppler = externalTool('pdftoppm');
  it.skipIf(!office.available || !poppler.available)('opens in LibreOffice: converted to PDF, the clauses are there and every page has ink', async () => {
    const dir = tempDir('docx');
    const docx = join(dir, 'acta.docx');
    writeFileSync(docx, await exportAgreementDocx(sampleExport()));
    const pdf = convertWithLibreOffice(docx, 'pdf', dir);
    // Times New Roman is substituted by its metric twin, not by a sans fallback.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toContain('LiberationSerif');
    expect(fonts).not.toMatch(/DejaVu|LiberationSans/);
    const text = flat(pdfToText(pdf));
    expect(text).toContain('ACTA DE ACUERDO DE MEDIACIÓN');
    expect(text).toContain('PRIMERO: Comparecencia.');
    expect(text).toContain('(un millón doscientos cincuenta mil pesos)');
    expect(text).toContain('12.345.678-5');
    expect(text).toContain('Acta de acuerdo · Folio RL-2026-004512 · Versión 3');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    const pngs = renderPages(pdf);
    expect(pngs).toHaveLength(pages);
    for (const png of pngs) expect(await inkRatio(png)).toBeGreaterThan(0.01);
  }, 240_000);
});
