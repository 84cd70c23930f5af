import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { Locator, Page } from '@playwright/test';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { expect, test, type Servers } from './support/servers';
import { repoRoot } from './support/ready-process';
import { newDataDir } from './support/web-host';

/**
 * The documents tab end to end: the real reference platform, the web host syncing with it, the
 * real renderer and pdf.js in Chromium. Files are made in the test (pdf-lib, @napi-rs/canvas)
 * and imported through the file picker.
 */

const MEDIATOR = 'valentina.soto@mediacion.example';
const SHOTS = join(repoRoot, 'test-results', 'documents-screens');

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

/** A three-page receipt with searchable text; "Chilexpress" only on page 2. */
async function receiptPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [
    ['Boleta electrónica N° 48213', 'Tienda Ejemplo SpA', 'Total pagado: $150.000'],
    ['Seguimiento del despacho', 'Courier: Chilexpress', 'Estado: entregado con daño'],
    ['Condiciones de garantía', 'Plazo: 6 meses'],
  ];
  for (const pageLines of lines) {
    const page = pdf.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 700, width: 495, height: 90, color: rgb(0.85, 0.9, 1) });
    pageLines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 24, size: 18, font, color: rgb(0.1, 0.1, 0.2) }));
  }
  return Buffer.from(await pdf.save());
}

/** A landscape photo-like PNG (wider than tall, so a quarter turn shows). */
function damagePhoto(): Buffer {
  const canvas = createCanvas(640, 360);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#3a6ea5';
  ctx.fillRect(0, 0, 640, 360);
  ctx.fillStyle = '#f4d35e';
  ctx.fillRect(60, 60, 240, 160);
  ctx.fillStyle = '#ffffff';
  ctx.font = '28px sans-serif';
  ctx.fillText('Caja dañada', 340, 200);
  return canvas.toBuffer('image/png');
}

/** The content-addressed file of `sha256` somewhere under the host's data folder (<aa>/<rest of the hash>). */
function findBlob(root: string, sha256: string): string {
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === sha256.slice(2) && entry.parentPath.endsWith(sha256.slice(0, 2))) return join(entry.parentPath, entry.name);
  }
  throw new Error(`no stored file for ${sha256}`);
}

/** Counts the non-white pixels of a canvas in the page (a blank page is all white or transparent). */
const inkedPixels = (canvas: Locator): Promise<number> =>
  canvas.evaluate((element) => {
    // The test project has no DOM types: the canvas's shape, as far as this check needs it.
    const c = element as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data) return 0;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0 && ((data[i] ?? 255) < 240 || (data[i + 1] ?? 255) < 240 || (data[i + 2] ?? 255) < 240)) inked += 1;
    return inked;
  });

/** The share (0–1) of near-black pixels in a region of a canvas, the region as fractions of it. */
const darkShare = (canvas: Locator, region: { x: number; y: number; width: number; height: number }): Promise<number> =>
  canvas.evaluate((element, r) => {
    const c = element as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
    const data = c.getContext('2d')?.getImageData(Math.round(r.x * c.width), Math.round(r.y * c.height), Math.round(r.width * c.width), Math.round(r.height * c.height)).data;
    if (!data || data.length === 0) return 0;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 40 && (data[i + 1] ?? 255) < 40 && (data[i + 2] ?? 255) < 40) dark += 1;
    return dark / (data.length / 4);
  }, region);

/**
 * The real platform, the web host syncing with it and signed in, and the documents tab of the
 * first case in the list (of the cases in mediation when `mediation`, which carry platform
 * documents). Returns the host (its data folder) and the panel.
 */
async function openDocumentsTab(page: Page, servers: Servers, options: { demoCases: number; mediation: boolean }) {
  const platform = await servers.platform({ demoCases: options.demoCases });
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: MEDIATOR, password: 'mesa-demo' } });
  await page.goto(host.url);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  if (options.mediation) await page.getByTestId('stage-filter-mediation').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-tab-documents').click();
  const panel = page.getByTestId('documents-panel');
  await expect(panel).toBeVisible();
  return { host, panel };
}

async function importFiles(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>, category: string) {
  await page.getByTestId('documents-file-input').setInputFiles(files);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-limits')).toContainText('200 MB');
  await dialog.getByTestId('import-category').selectOption(category);
  return dialog;
}

test('import a PDF and a photo, view, search, custody, rotate; a zero-byte file is refused with the reason', async ({ page, servers }) => {
  test.setTimeout(150_000);
  const { host, panel } = await openDocumentsTab(page, servers, { demoCases: 40, mediation: true });

  // The PDF through the file picker: category and visibility chosen, the limits stated.
  const pdfBytes = await receiptPdf();
  const dialog = await importFiles(page, [{ name: 'boleta-48213.pdf', mimeType: 'application/pdf', buffer: pdfBytes }], 'boleta');
  await shot(page, '01-import-dialog');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  const pdfRow = panel.getByTestId('document-row').filter({ hasText: 'boleta-48213.pdf' });
  await expect(pdfRow).toHaveAttribute('data-kind', 'pdf');
  await expect(pdfRow.getByTestId('document-visibility')).toHaveText('Solo mediador');
  await expect(pdfRow).toContainText('Boleta');

  // The photo.
  const photoDialog = await importFiles(page, [{ name: 'foto-caja.png', mimeType: 'image/png', buffer: damagePhoto() }], 'fotos_danio');
  await photoDialog.getByTestId('import-visibility-joint').check();
  await photoDialog.getByTestId('import-confirm').click();
  await expect(photoDialog).toBeHidden();
  const photoRow = panel.getByTestId('document-row').filter({ hasText: 'foto-caja.png' });
  await expect(photoRow).toHaveAttribute('data-kind', 'image');
  await expect(photoRow.getByTestId('document-visibility')).toHaveText('Conjunto');
  await shot(page, '02-list');

  // A zero-byte file: refused by the core, the reason shown, nothing else lost.
  const listed = await panel.getByTestId('document-row').count();
  const emptyDialog = await importFiles(page, [{ name: 'vacio.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }], 'otro');
  await emptyDialog.getByTestId('import-confirm').click();
  await expect(emptyDialog.getByTestId('import-error')).toHaveText('El archivo está vacío (0 bytes).');
  await shot(page, '03-refused');
  await emptyDialog.getByTestId('import-confirm').click();
  await expect(emptyDialog).toBeHidden();
  await expect(panel.getByTestId('document-row')).toHaveCount(listed);
  await expect(panel.getByTestId('document-row').filter({ hasText: 'vacio.pdf' })).toHaveCount(0);

  // A document the platform holds: 'Descargar' brings its bytes here.
  const remote = panel.locator('[data-testid="document-row"][data-availability="remote"]').first();
  const remoteId = await remote.getAttribute('data-document-id');
  await remote.getByTestId('document-download').click();
  await expect(panel.locator(`[data-testid="document-row"][data-document-id="${remoteId}"]`)).toHaveAttribute('data-availability', 'local');

  // Full-text search over the case's documents.
  await panel.getByTestId('documents-search').fill('Chilexpress');
  const hit = panel.getByTestId('documents-search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('boleta-48213.pdf');
  await shot(page, '04-search');
  await panel.getByTestId('documents-search').fill('');

  // The PDF in the viewer: page 1 painted (not blank), find jumps to page 2.
  await pdfRow.getByTestId('document-open').click();
  const viewer = page.getByTestId('document-viewer');
  await expect(viewer).toHaveAttribute('data-kind', 'pdf');
  await expect(viewer.getByTestId('pdf-page-count')).toHaveText('de 3');
  const first = viewer.locator('[data-testid="pdf-page"][data-page="1"]');
  await expect(first).toHaveAttribute('data-rendered', 'true');
  expect(await inkedPixels(first.locator('canvas'))).toBeGreaterThan(1000);
  await viewer.getByTestId('pdf-search-input').fill('chilexpress');
  await viewer.getByTestId('pdf-search-input').press('Enter');
  await expect(viewer.getByTestId('pdf-search-count')).toHaveText('1 de 1');
  await expect(viewer.getByTestId('pdf-page-input')).toHaveValue('2');
  await expect(viewer.locator('[data-page="2"] .textLayer .highlight')).toHaveCount(1);
  await shot(page, '05-pdf-viewer');

  // Its custody log: imported, then opened; the chain verifies.
  await viewer.getByTestId('custody-toggle').click();
  const custody = viewer.getByTestId('custody-panel');
  await expect(custody.getByTestId('custody-entry').first()).toHaveAttribute('data-event', 'imported');
  await expect(custody.locator('[data-event="opened"]')).not.toHaveCount(0);
  await custody.getByTestId('custody-verify').click();
  await expect(custody.getByTestId('custody-result')).toHaveAttribute('data-ok', 'true');
  await shot(page, '06-custody');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // The photo: rotate a quarter turn.
  await photoRow.getByTestId('document-open').click();
  await expect(viewer).toHaveAttribute('data-kind', 'image');
  const frame = viewer.getByTestId('image-frame');
  await expect(viewer.getByTestId('image-view')).toBeVisible();
  await viewer.getByTestId('image-rotate').click();
  await expect(frame).toHaveAttribute('data-rotation', '90');
  const box = await frame.boundingBox();
  expect(box && box.height > box.width).toBe(true);
  await shot(page, '07-image-rotated');

  // "Tachar" on the photo: it stands upright for drawing; the copy opens as a new image.
  const photoId = await viewer.getAttribute('data-document-id');
  await viewer.getByTestId('redact-toggle').click();
  await expect(frame).toHaveAttribute('data-rotation', '0');
  const surface = viewer.getByTestId('redaction-surface');
  const area = await surface.boundingBox();
  if (!area) throw new Error('no redaction surface on the photo');
  await page.mouse.move(area.x + area.width * 0.1, area.y + area.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.45, area.y + area.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await expect(surface.getByTestId('redaction-box')).toHaveCount(1);
  await viewer.getByTestId('redact-create').click();
  await expect(viewer).not.toHaveAttribute('data-document-id', photoId ?? '');
  await expect(viewer).toHaveAttribute('data-kind', 'image');
  await expect(viewer.getByTestId('image-view')).toBeVisible();
  await viewer.getByTestId('viewer-close').click();
  await expect(viewer).toBeHidden();
  await expect(photoRow.getByTestId('document-redacted-link')).toBeVisible();

  // The stored PDF altered on disk behind Mesa's back: opening says so; the rest still opens.
  const blob = findBlob(host.dataDir, createHash('sha256').update(pdfBytes).digest('hex'));
  chmodSync(blob, 0o600);
  writeFileSync(blob, Buffer.concat([pdfBytes, Buffer.from('\n% alterado')]));
  await pdfRow.getByTestId('document-open').click();
  await expect(viewer.getByTestId('viewer-problem')).toHaveAttribute('data-reason', 'hash_mismatch');
  await expect(viewer.getByTestId('viewer-problem')).toContainText('no coincide con la registrada');
  await shot(page, '08-tampered');
  await page.keyboard.press('Escape');
  await expect(pdfRow.getByTestId('document-integrity')).toHaveText('Alterado: la huella no coincide');
  await photoRow.getByTestId('document-open').click();
  await expect(viewer.getByTestId('image-view')).toBeVisible();
});

/** One page with a RUT in a box near the top: the part a redaction removes. */
async function pdfWithRut(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('RUT 12.345.678-9', { x: 60, y: 770, size: 20, font });
  page.drawText('Detalle del reclamo: televisor dañado en el despacho', { x: 60, y: 600, size: 14, font });
  return Buffer.from(await pdf.save());
}

test('redact a PDF into a new version, prepare the hearing offline, keep a private sheet, export it and the evidence bundle', async ({ page, servers }) => {
  test.setTimeout(150_000);
  const { panel } = await openDocumentsTab(page, servers, { demoCases: 40, mediation: true });

  const dialog = await importFiles(page, [{ name: 'declaracion.pdf', mimeType: 'application/pdf', buffer: await pdfWithRut() }], 'otro');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  const original = panel.getByTestId('document-row').filter({ hasText: 'declaracion.pdf' });
  const originalId = await original.getAttribute('data-document-id');
  await original.getByTestId('document-open').click();

  // "Tachar": a rectangle over the RUT, listed, then burnt into a copy that opens in the viewer.
  const viewer = page.getByTestId('document-viewer');
  await expect(viewer.locator('[data-page="1"] .textLayer')).toContainText('12.345.678-9');
  await viewer.getByTestId('redact-toggle').click();
  const surface = viewer.locator('[data-testid="redaction-surface"][data-page="1"]');
  const box = await surface.boundingBox();
  if (!box) throw new Error('no redaction surface');
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height * 0.04);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.12, { steps: 6 });
  await page.mouse.up();
  await expect(surface.getByTestId('redaction-box')).toHaveCount(1);
  await expect(viewer.getByTestId('redaction-bar')).toContainText('1 zona marcada para tachar');
  await shot(page, '09-redaction');
  await viewer.getByTestId('redact-create').click();
  await expect(viewer).not.toHaveAttribute('data-document-id', originalId ?? '');
  await expect(viewer.locator('[data-testid="pdf-page"][data-page="1"]')).toHaveAttribute('data-rendered', 'true');
  // The copy's page 1 is burnt in: no RUT in its text, black where the rectangle was.
  await expect(viewer.locator('[data-page="1"] .textLayer')).not.toContainText('12.345.678-9');
  const redacted = viewer.locator('[data-testid="pdf-page"][data-page="1"] canvas');
  expect(await darkShare(redacted, { x: 0.1, y: 0.05, width: 0.5, height: 0.05 })).toBeGreaterThan(0.95);
  await page.keyboard.press('Escape');
  await expect(original.getByTestId('document-redacted-link')).toBeVisible();
  await expect(panel.getByTestId('document-redacted-badge')).toHaveCount(1);

  // "Preparar audiencia": everything downloaded, the case available offline.
  await panel.getByTestId('documents-subtab-hearing').click();
  const readiness = panel.getByTestId('hearing-readiness');
  await readiness.getByTestId('hearing-prepare').click();
  await expect(readiness.getByTestId('hearing-status')).toHaveText('Disponible sin conexión', { timeout: 30_000 });
  await expect(readiness).toHaveAttribute('data-ready', 'true');

  // The private sheet saves as it is typed and is there when the case is opened again.
  const sheet = panel.getByTestId('hearing-sheet');
  await sheet.getByTestId('hearing-sheet-consumerPosition').fill('Pide la devolución total: $150.000.');
  await sheet.getByTestId('hearing-sheet-options').fill('Cambio del producto o devolución del 50 %.');
  await expect(sheet.getByTestId('hearing-sheet-state')).toContainText('Guardado');
  await shot(page, '10-hearing');
  await page.getByTestId('case-close').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('case-tab-documents').click();
  await panel.getByTestId('documents-subtab-hearing').click();
  await expect(sheet.getByTestId('hearing-sheet-consumerPosition')).toHaveValue('Pide la devolución total: $150.000.');

  // The sheet and the evidence bundle each save as one PDF.
  for (const button of ['export-sheet', 'export-bundle']) {
    const [saved] = await Promise.all([page.waitForEvent('download'), panel.getByTestId(button).click()]);
    expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync(await saved.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }
});

/** A plain e-mail with an HTML part (never rendered) and one attachment. */
const EML = [
  'From: Tienda Ejemplo <soporte@tienda.example>',
  'To: Reclamante <reclamante@correo.example>',
  'Subject: Re: Pedido 48213 llegó dañado',
  'Date: Tue, 17 Nov 2026 10:15:00 -0300',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: multipart/alternative; boundary="b2"',
  '',
  '--b2',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Estimado cliente: revisaremos el caso del televisor.',
  '--b2',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Estimado cliente: <img src="https://tracker.example/pixel.gif"> revisaremos el caso.</p>',
  '--b2--',
  '--b1',
  'Content-Type: application/pdf; name="guia.pdf"',
  'Content-Disposition: attachment; filename="guia.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4 guia').toString('base64'),
  '--b1--',
  '',
].join('\r\n');

test('files dropped on the panel are imported; text shows as text, an e-mail as headers, body and attachments', async ({ page, servers }) => {
  test.setTimeout(120_000);
  const { panel } = await openDocumentsTab(page, servers, { demoCases: 20, mediation: false });

  // Drag and drop: the same dialog as the picker, for both files at once.
  const dataTransfer = await page.evaluateHandle((eml) => {
    // Runs in the page; the test project has no DOM types.
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new dom.DataTransfer();
    transfer.items.add(new dom.File(['Acta de conversación con la tienda.\nLínea dos, muy larga '.repeat(20)], 'conversacion.txt', { type: 'text/plain' }));
    transfer.items.add(new dom.File([eml], 'respuesta-tienda.eml', { type: 'message/rfc822' }));
    return transfer;
  }, EML);
  await panel.dispatchEvent('dragenter', { dataTransfer });
  await panel.dispatchEvent('drop', { dataTransfer });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-file')).toHaveCount(2);
  await dialog.getByTestId('import-category').selectOption('correo');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();

  const viewer = page.getByTestId('document-viewer');
  await panel.getByTestId('document-row').filter({ hasText: 'conversacion.txt' }).getByTestId('document-open').click();
  await expect(viewer.getByTestId('text-viewer')).toContainText('Acta de conversación con la tienda.');
  await page.keyboard.press('Escape');

  await panel.getByTestId('document-row').filter({ hasText: 'respuesta-tienda.eml' }).getByTestId('document-open').click();
  const email = viewer.getByTestId('email-viewer');
  await expect(email).toContainText('Re: Pedido 48213 llegó dañado');
  await expect(email).toContainText('Estimado cliente: revisaremos el caso del televisor.');
  await expect(email).toContainText('guia.pdf');
  // The HTML part is never rendered: no image element, no request to the tracker.
  await expect(email.locator('img')).toHaveCount(0);
  await shot(page, '11-email');
  await page.keyboard.press('Escape');

  // The same tab in English.
  await page.getByTestId('locale-en').click();
  await expect(panel.getByTestId('documents-import')).toHaveText('Import files');
  await expect(panel.getByTestId('document-row').filter({ hasText: 'conversacion.txt' }).getByTestId('document-visibility')).toHaveText('Mediator only');
  await panel.getByTestId('documents-subtab-hearing').click();
  await expect(panel.getByTestId('hearing-prepare')).toHaveText('Prepare hearing');
  await shot(page, '12-english');
});

const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'tests', 'fixtures', 'documents', name));

test('bad files in one import: each refusal named in the dialog, the good ones imported; an encrypted PDF is kept and says why it cannot be shown', async ({ page, servers }) => {
  test.setTimeout(120_000);
  const { panel } = await openDocumentsTab(page, servers, { demoCases: 20, mediation: false });

  const dialog = await importFiles(
    page,
    [
      { name: 'truncado.pdf', mimeType: 'application/pdf', buffer: fixture('truncated.pdf') },
      { name: 'foto.pdf', mimeType: 'application/pdf', buffer: fixture('png-named.pdf') },
      { name: 'cartola.pdf', mimeType: 'application/pdf', buffer: fixture('encrypted.pdf') },
      { name: '..\\..\\recibo\u0007.txt', mimeType: 'text/plain', buffer: Buffer.from('Recibo de pago N° 77') },
    ],
    'cartola',
  );
  await dialog.getByTestId('import-confirm').click();
  const files = dialog.getByTestId('import-file');
  await expect(files.nth(0).getByTestId('import-error')).toHaveText('El PDF está dañado o incompleto y no se puede abrir.');
  await expect(files.nth(1).getByTestId('import-error')).toHaveText('La extensión del archivo no corresponde a su contenido.');
  await expect(files.nth(2)).toHaveAttribute('data-status', 'done');
  await expect(files.nth(3)).toHaveAttribute('data-status', 'done');
  await shot(page, '13-bad-files');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();

  await expect(panel.getByTestId('document-row').filter({ hasText: 'truncado.pdf' })).toHaveCount(0);
  await expect(panel.getByTestId('document-row').filter({ hasText: 'foto.pdf' })).toHaveCount(0);
  const receipt = panel.getByTestId('document-row').filter({ hasText: 'recibo' });
  await expect(receipt.getByTestId('document-open')).toHaveText('recibo.txt');
  const encrypted = panel.getByTestId('document-row').filter({ hasText: 'cartola.pdf' });
  await expect(encrypted.getByTestId('document-problem')).toContainText('cifrado con contraseña');
  await encrypted.getByTestId('document-open').click();
  const viewer = page.getByTestId('document-viewer');
  await expect(viewer.getByTestId('viewer-problem')).toHaveAttribute('data-reason', 'pdf_encrypted');
  await shot(page, '14-encrypted');
});
