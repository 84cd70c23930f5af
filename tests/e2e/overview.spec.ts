import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './support/servers';
import { repoRoot } from './support/ready-process';
import { newDataDir } from './support/web-host';

/**
 * The cross-case sections end to end: the real reference platform (which seeds agreements and
 * documents on its cases), the web host syncing with it, the real renderer in Chromium. Acuerdos
 * lists the seeded agreements and opens a case on its Acuerdo tab; Documentos lists the platform
 * documents not downloaded yet, finds the text of a PDF imported in one case and opens that case
 * on its Documentos tab with the document in the viewer.
 */

const MEDIATOR = 'valentina.soto@mediacion.example';
const SHOTS = join(repoRoot, 'test-results', 'overview-screens');

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

async function letterPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Carta de la empresa', { x: 60, y: 760, size: 14, font });
  pdf.addPage([595, 842]).drawText('Ofrecemos un reembolso parcial por el cargo duplicado', { x: 60, y: 760, size: 14, font });
  return Buffer.from(await pdf.save());
}

test('Acuerdos and Documentos list what needs the mediator across cases and open the case on the right tab', async ({ page, servers }) => {
  test.setTimeout(150_000);
  const platform = await servers.platform({ demoCases: 60 });
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: MEDIATOR, password: 'mesa-demo' } });
  await page.setViewportSize({ width: 1360, height: 820 });
  await page.goto(host.url);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });

  // No "Próximamente" left on these two; the centre's panel still has it.
  await expect(page.getByTestId('nav-agreements')).not.toContainText('Próximamente');
  await expect(page.getByTestId('nav-documents')).not.toContainText('Próximamente');
  await expect(page.getByTestId('nav-dashboard')).toContainText('Próximamente');

  // A PDF imported into a case in mediation, for the search across cases.
  await page.getByTestId('stage-filter-mediation').click();
  await page.getByTestId('case-row').first().click();
  const caseView = page.getByTestId('case-view');
  const importedIn = await caseView.getAttribute('data-case-id');
  await page.getByTestId('case-tab-documents').click();
  await page.getByTestId('documents-file-input').setInputFiles([{ name: 'carta-empresa.pdf', mimeType: 'application/pdf', buffer: await letterPdf() }]);
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-category').selectOption('correo');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('document-row').filter({ hasText: 'carta-empresa.pdf' })).toBeVisible();
  await page.getByTestId('case-close').click();

  // Acuerdos: the platform's agreements, each with its state; the chips filter.
  await page.getByTestId('nav-agreements').click();
  const agreements = page.getByTestId('agreements-overview');
  const agreementRows = agreements.getByTestId('agreements-overview-row');
  await expect(agreementRows.first()).toBeVisible();
  await expect(agreements.getByRole('columnheader', { name: 'Consumidor' })).toBeVisible();
  await shot(page, '01-acuerdos');
  await agreements.getByTestId('agreements-chip-awaiting').click();
  await expect(agreements.getByTestId('agreements-chip-awaiting')).toHaveAttribute('aria-pressed', 'true');
  const awaiting = await agreementRows.count();
  if (awaiting > 0) {
    for (const state of await agreementRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')))) expect(state).toBe('awaiting_parties');
  } else {
    await expect(agreements.getByTestId('agreements-overview-empty')).toBeVisible();
  }
  await agreements.getByTestId('agreements-chip-all').click();
  const firstAgreement = agreementRows.first();
  const agreementCase = await firstAgreement.getAttribute('data-case-id');
  await firstAgreement.click();
  await expect(caseView).toHaveAttribute('data-case-id', agreementCase ?? '');
  await expect(page.getByTestId('case-tab-agreement')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`[data-testid="agreements-panel"][data-case-id="${agreementCase ?? ''}"]`)).toBeVisible();
  await shot(page, '02-acuerdo-del-caso');
  await page.getByTestId('case-close').click();
  await expect(caseView).toBeHidden();

  // Documentos: the platform's documents not downloaded yet (open cases), and the upload of the import.
  await page.getByTestId('nav-documents').click();
  const documents = page.getByTestId('documents-overview');
  const documentRows = documents.getByTestId('documents-overview-row');
  await expect(documentRows.first()).toBeVisible();
  await shot(page, '03-documentos');
  await documents.getByTestId('documents-chip-not_downloaded').click();
  await expect(documentRows.first()).toHaveAttribute('data-reason', 'not_downloaded');
  await documentRows.first().click();
  await expect(page.getByTestId('case-tab-documents')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('case-close').click();

  // The search finds the imported letter's second page in its case, and opens it in the viewer.
  await documents.getByTestId('documents-overview-search').fill('reembolso parcial');
  const hit = documents.getByTestId('documents-overview-hit').filter({ hasText: 'carta-empresa.pdf' });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Página 2');
  await expect(hit.locator('mark').first()).toHaveText(/reembolso/i);
  await shot(page, '04-busqueda');
  await hit.click();
  await expect(caseView).toHaveAttribute('data-case-id', importedIn ?? '');
  await expect(page.getByTestId('case-tab-documents')).toHaveAttribute('aria-selected', 'true');
  const viewer = page.getByTestId('document-viewer');
  await expect(viewer.getByTestId('pdf-page-count')).toHaveText('de 2');
  // The viewer starts on the words searched for: the match is on page 2.
  await expect(viewer.getByTestId('pdf-page-input')).toHaveValue('2');
  await expect(viewer.locator('[data-testid="pdf-page"][data-page="2"]')).toHaveAttribute('data-rendered', 'true');
  await shot(page, '05-documento-abierto');

  // Words that are in no document: said plainly.
  await page.getByTestId('viewer-close').click();
  await page.getByTestId('case-close').click();
  await documents.getByTestId('documents-overview-search').fill('zzzinexistente');
  await expect(documents.getByTestId('documents-overview-hits')).toContainText('Ningún documento contiene «zzzinexistente»');
});
