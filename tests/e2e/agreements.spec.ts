import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Servers } from './support/servers';
import { repoRoot } from './support/ready-process';
import { newDataDir } from './support/web-host';

/**
 * Drafting an agreement end to end: the real reference platform, the web host syncing with it,
 * the real renderer in Chromium. From a warranty case in mediation: start from a suggested
 * template, fill the missing refund amount, reorder a clause, save two versions, compare them,
 * export Word and PDF (read back), recover an unsaved draft after a reload, send to the
 * parties, see both accept through sync and close the case with the agreement.
 */

const MEDIATOR = 'valentina.soto@mediacion.example';
const SHOTS = join(repoRoot, 'test-results', 'agreement-screens');

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** A value of the right kind for a field the template left empty. */
const sampleValue: Record<string, string> = {
  text: 'Dato de prueba',
  rut: '11.111.111-1',
  amount_clp: '10.000',
  date: '01-12-2026',
  business_days: '5',
};

const clauseTitles = (panel: Locator) => panel.getByTestId('clause-title').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));

const syncNow = async (page: Page) => {
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-now').click();
  await page.keyboard.press('Escape');
};

/** Opens a case in mediation of that category whose agreement was not started; returns the Acuerdo tab. */
async function openCaseWithoutAgreement(page: Page, category: string): Promise<Locator> {
  await page.getByTestId('stage-filter-mediation').click();
  await page.getByTestId('category-filter').selectOption(category);
  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  const panel = page.getByTestId('agreements-panel');
  for (let i = 0; i < (await rows.count()); i++) {
    await rows.nth(i).click();
    await page.getByTestId('case-tab-agreement').click();
    await expect(panel.getByTestId('agreement-start').or(panel.getByTestId('agreement-toolbar'))).toBeVisible();
    if (await panel.getByTestId('agreement-start').isVisible()) return panel;
    await page.getByTestId('case-close').click();
  }
  throw new Error(`no ${category} case in mediation without an agreement`);
}

/** Fills every field the template left empty with a value of its kind. */
async function fillUnfilled(panel: Locator): Promise<void> {
  const unfilled = panel.locator('[data-testid="agreement-variable"][data-filled="false"]');
  while ((await unfilled.count()) > 0) {
    const row = unfilled.first();
    await row.getByTestId('agreement-variable-input').fill(sampleValue[(await row.getAttribute('data-kind')) ?? 'text'] ?? 'Dato');
  }
}

async function signIn(page: Page, servers: Servers) {
  const platform = await servers.platform({ demoCases: 150 });
  const account = platform.accounts.find((a) => a.email === MEDIATOR) ?? platform.accounts.find((a) => a.role === 'mediator');
  if (!account) throw new Error('the demo platform has no mediator account');
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: account.email, password: 'mesa-demo' } });
  await page.goto(host.url);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  return platform;
}

test('draft an agreement from a case: template, amount, reorder, versions, comparison, exports, recovery, acceptance, closing', async ({ page, servers }) => {
  test.setTimeout(240_000);
  const platform = await signIn(page, servers);

  // A warranty case in mediation that has no agreement yet: partial refund is among its suggestions.
  const panel = await openCaseWithoutAgreement(page, 'warranty');
  const folio = (await page.locator('.case-view-folio').textContent()) ?? '';

  // Suggested templates first; start from the partial refund.
  const templates = panel.getByTestId('agreement-template');
  await expect(templates.first()).toHaveAttribute('data-suggested', 'true');
  const partial = panel.locator('[data-testid="agreement-template"][data-template-id="reembolso_parcial"]');
  await expect(partial).toHaveAttribute('data-suggested', 'true');
  await shot(page, '01-start');
  await partial.getByTestId('agreement-template-start').click();
  const version = panel.getByTestId('agreement-version');
  await expect(version).toBeVisible();
  // Usually 1; a case the platform already holds a (text-less) version for starts after it.
  const first = Number(await version.getAttribute('data-number'));
  const v = (offset: number) => String(first + offset);

  // The refund amount is missing: highlighted in red in the text, counted in the data panel.
  const amount = panel.locator('[data-testid="agreement-variable"][data-variable="monto_reembolso"]');
  await expect(amount).toHaveAttribute('data-filled', 'false');
  await expect(panel.locator('.agreement-var-missing[data-variable="monto_reembolso_texto"]').first()).toBeVisible();
  const missing = panel.getByTestId('agreement-missing-count');
  const missingBefore = Number(await missing.getAttribute('data-missing'));
  expect(missingBefore).toBeGreaterThan(0);
  await expect(missing).toContainText(missingBefore === 1 ? 'Falta 1 dato' : `Faltan ${missingBefore} datos`);
  await shot(page, '02-started');

  // A decimal amount is refused in place; the integer one shows figures and words at once.
  await amount.getByTestId('agreement-variable-input').fill('150.000,50');
  await expect(amount.getByTestId('agreement-variable-hint')).toContainText('pesos enteros');
  await amount.getByTestId('agreement-variable-input').fill('150.000');
  await expect(amount.getByTestId('agreement-variable-hint')).toHaveText('$150.000 (ciento cincuenta mil pesos)');
  await expect(amount).toHaveAttribute('data-filled', 'true');
  await expect(panel.locator('.agreement-var-filled[data-variable="monto_reembolso_texto"]').first()).toBeVisible();
  await expect(panel.locator('.agreement-var-value').filter({ hasText: 'ciento cincuenta mil pesos' }).first()).toBeVisible();
  // Everything else the template left empty, so the exports can be made.
  await fillUnfilled(panel);
  await expect(missing).toHaveText('Datos completos');
  await expect(panel.getByTestId('agreement-unsaved')).toBeVisible();

  // Reorder with the keyboard-accessible buttons: the third clause moves down one place.
  const before = await clauseTitles(panel);
  await panel.getByTestId('clause').nth(2).getByTestId('clause-down').click();
  const after = await clauseTitles(panel);
  expect(after).toEqual([before[0], before[1], before[3], before[2], ...before.slice(4)]);
  await shot(page, '03-filled');

  // Add a clause from the library (searched without accents), then remove it.
  const clauses = panel.getByTestId('clause');
  const count = await clauses.count();
  await panel.getByTestId('clause-add').click();
  const library = page.getByTestId('clause-library');
  await library.getByTestId('clause-library-search').fill('cupon codigo');
  const voucher = library.locator('[data-testid="clause-library-item"][data-clause-key="codigo_cupon"]');
  await expect(voucher).toContainText('Aplica si se entrega un cupón con código');
  await shot(page, '03b-library');
  await voucher.getByTestId('clause-library-add').click();
  await expect(library).toBeHidden();
  await expect(clauses).toHaveCount(count + 1);
  await expect(clauses.last()).toHaveAttribute('data-clause-key', 'codigo_cupon');
  // Chosen by hand, it applies: its coupon code is now asked for, and no longer once it is removed.
  await expect(panel.locator('[data-testid="agreement-variable"][data-variable="codigo_cupon"]')).toHaveAttribute('data-filled', 'false');
  await expect(missing).toHaveText('Falta 1 dato');
  await clauses.last().getByTestId('clause-remove').click();
  await expect(clauses).toHaveCount(count);
  await expect(missing).toHaveText('Datos completos');

  // Save: the second version.
  await panel.getByTestId('agreement-save').click();
  await expect(version).toHaveAttribute('data-number', v(1));
  await expect(panel.getByTestId('agreement-unsaved')).toBeHidden();

  // Edit a clause's text and save again: the third version.
  const text = panel.getByTestId('clause').nth(3).getByTestId('clause-text');
  await text.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' El consumidor recibirá además un ');
  // Bold from the clause's format bar, kept as a bold run.
  await panel.getByTestId('clause').nth(3).getByTestId('clause-format-bold').click();
  await page.keyboard.type('correo de confirmación');
  await expect(panel.getByTestId('clause').nth(3).getByTestId('clause-format-bold')).toHaveAttribute('aria-pressed', 'true');
  await expect(text.locator('strong').filter({ hasText: 'correo de confirmación' })).toBeVisible();
  await expect(panel.getByTestId('agreement-unsaved')).toBeVisible();
  await panel.getByTestId('agreement-save').click();
  await expect(version).toHaveAttribute('data-number', v(2));

  // The last two versions side by side: the added sentence is marked.
  const row = (offset: number) => panel.locator(`[data-testid="version-row"][data-number="${v(offset)}"]`);
  await panel.getByTestId('agreement-pane-versions').click();
  await expect(panel.getByTestId('version-row')).toHaveCount(first + 2);
  await shot(page, '04-versions');
  await row(1).getByTestId('version-select').check();
  await row(2).getByTestId('version-select').check();
  await panel.getByTestId('versions-compare').click();
  const compare = panel.getByTestId('agreement-compare');
  await expect(compare.getByTestId('diff-added').filter({ hasText: 'correo' }).first()).toBeVisible();
  // Saved as a bold run: the comparison of the written text reads it back from the stored version.
  await expect(compare.locator('[data-testid="compare-row"][data-status="changed"]')).toContainText('correo de confirmación');
  await expect(compare.locator('[data-testid="compare-row"][data-status="changed"]')).toHaveCount(1);
  await shot(page, '05-compare-last-two');
  // The first against the last: the amount changed and a clause moved.
  await compare.getByTestId('compare-back').click();
  await row(1).getByTestId('version-select').uncheck();
  await row(0).getByTestId('version-select').check();
  await panel.getByTestId('versions-compare').click();
  // The moved clause only applies once the amount is set, so the move shows in the text as written.
  await compare.getByTestId('compare-mode-source').click();
  await expect(compare.locator('[data-testid="compare-row"][data-moved="true"]').first()).toBeVisible();
  await expect(compare.locator('[data-testid="compare-variable"][data-variable="monto_reembolso"]')).toContainText('$150.000');
  await shot(page, '06-compare-first-last');
  await compare.getByTestId('compare-back').click();
  // An older version opens read-only, with the way back and the way to build on it.
  await row(1).getByTestId('version-open').click();
  await expect(panel.getByTestId('agreement-readonly-note')).toContainText(`Está viendo la versión ${v(1)}`);
  await expect(panel.getByTestId('agreement-newVersion')).toBeVisible();
  await expect(panel.getByTestId('clause-up')).toHaveCount(0);
  await panel.getByTestId('agreement-backToLatest').click();
  await expect(panel.getByTestId('agreement-readonly-note')).toHaveCount(0);
  await expect(panel.getByTestId('agreement-save')).toBeVisible();

  // Exports: a real Word document with the amount in words, and a PDF.
  const [docx] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('agreement-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync(await docx.path()));
  const documentXml = await zip.file('word/document.xml')?.async('string');
  expect(documentXml).toContain('ciento cincuenta mil pesos');
  const [pdf] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('agreement-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // An unsaved edit survives a reload: offered back, restored, then discarded.
  await text.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Borrador sin guardar.');
  await expect(panel.getByTestId('agreement-unsaved')).toBeVisible();
  // Another tab of the case and back: the draft is simply still there.
  await page.getByTestId('case-tab-summary').click();
  await page.getByTestId('case-tab-agreement').click();
  await expect(panel.getByTestId('agreement-unsaved')).toBeVisible();
  await expect(panel.getByTestId('agreement-draft-offer')).toHaveCount(0);
  await expect(panel.getByTestId('clause').nth(3).getByTestId('clause-text')).toContainText('Borrador sin guardar.');
  // A reload: it is offered back.
  await page.reload();
  await expect(page.getByTestId('sync-indicator')).toBeVisible();
  await page.getByTestId('search-input').fill(folio);
  await page.getByTestId('case-row').filter({ hasText: folio }).click();
  await page.getByTestId('case-tab-agreement').click();
  await expect(panel.getByTestId('agreement-draft-offer')).toBeVisible();
  await shot(page, '07-draft-offer');
  await panel.getByTestId('agreement-draft-restore').click();
  await expect(panel.getByTestId('agreement-unsaved')).toBeVisible();
  await expect(panel.getByTestId('clause').nth(3).getByTestId('clause-text')).toContainText('Borrador sin guardar.');
  await panel.getByTestId('agreement-discard').click();
  await expect(panel.getByTestId('agreement-unsaved')).toBeHidden();
  await expect(panel.getByTestId('clause').nth(3).getByTestId('clause-text')).not.toContainText('Borrador sin guardar.');

  // Send the last version; the simulated parties accept; sync brings their decisions back.
  await platform.control('PUT', '/agreement-replies', { enabled: true, delayMs: 0, consumer: { decision: 'accepted' }, company: { decision: 'accepted' } });
  await panel.getByTestId('agreement-send').click();
  await page.getByTestId('agreement-send-dialog').getByTestId('dialog-confirm').click();
  await expect(panel.getByTestId('agreement-readonly-note')).toBeVisible();
  await expect(panel.getByTestId('agreement-acceptance')).toBeVisible();
  const consumer = panel.locator('[data-testid="party-decision"][data-role="consumer"]');
  const company = panel.locator('[data-testid="party-decision"][data-role="company"]');
  await expect(async () => {
    await syncNow(page);
    await expect(consumer).toHaveAttribute('data-decision', 'accepted', { timeout: 3_000 });
    await expect(company).toHaveAttribute('data-decision', 'accepted', { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await shot(page, '08-accepted');

  // Both accepted: close the case with the agreement, after confirming.
  await panel.getByTestId('agreement-close-case').click();
  await page.getByTestId('agreement-close-dialog').getByTestId('dialog-confirm').click();
  await expect(panel.getByTestId('agreement-fulfilment')).toHaveAttribute('data-status', 'pending');
  await expect(panel.getByTestId('agreement-newVersion')).toBeHidden();
  // Fulfilment is recorded from the agreed date on, not before.
  await expect(panel.getByTestId('fulfilment-record')).toBeDisabled();
  await shot(page, '09-closed');
  // With the browser's clock past the agreed date the button opens the dialog; the core keeps
  // its own (real) clock, so recording now is refused with the reason, and nothing is recorded.
  await page.clock.install({ time: new Date('2027-03-01T15:00:00Z') });
  await page.getByTestId('case-tab-summary').click();
  await page.getByTestId('case-tab-agreement').click();
  await panel.getByTestId('fulfilment-record').click();
  const fulfilment = page.getByTestId('fulfilment-dialog');
  await expect(fulfilment.getByTestId('dialog-confirm')).toBeDisabled();
  await fulfilment.getByTestId('fulfilment-yes').check();
  await fulfilment.getByTestId('fulfilment-note').fill('Transferencia recibida por el consumidor.');
  await fulfilment.getByTestId('dialog-confirm').click();
  await expect(panel.getByTestId('agreement-error')).toContainText('El cumplimiento se registra desde la fecha comprometida.');
  await expect(panel.getByTestId('agreement-fulfilment')).toHaveAttribute('data-status', 'pending');
  await page.getByTestId('locale-en').click();
  await expect(panel.getByTestId('agreement-docx')).toHaveText('Export Word');
  await shot(page, '10-closed-en');
});

test('refusals and decisions: export with data missing, drag to reorder, a party rejects with a reason, a new version from the locked one, a decision on the old version explained', async ({ page, servers }) => {
  test.setTimeout(240_000);
  const platform = await signIn(page, servers);
  const panel = await openCaseWithoutAgreement(page, 'product_defect');
  const caseId = (await page.getByTestId('case-view').getAttribute('data-case-id')) ?? '';
  await panel.getByTestId('agreement-template').first().getByTestId('agreement-template-start').click();
  const version = panel.getByTestId('agreement-version');
  await expect(version).toBeVisible();
  const first = Number(await version.getAttribute('data-number'));

  // Exporting a version with data missing is refused, naming what is missing.
  const missingLabels = await panel.locator('[data-testid="agreement-variable"][data-filled="false"] .variable-label').allTextContents();
  expect(missingLabels.length).toBeGreaterThan(0);
  await panel.getByTestId('agreement-pdf').click();
  const error = panel.getByTestId('agreement-error');
  await expect(error).toContainText('Faltan datos para exportar esta versión');
  await expect(error).toContainText((missingLabels[0] ?? '').replace(/\s*del caso$/, '').trim());
  await shot(page, '11-export-refused');

  const clauses = panel.getByTestId('clause');
  const titles = await clauseTitles(panel);
  // Drag the third clause's handle onto the second clause (both on screen): it takes that place.
  await clauses.nth(2).getByTestId('clause-drag').scrollIntoViewIfNeeded();
  await clauses.nth(2).getByTestId('clause-drag').dragTo(clauses.nth(1).locator('.clause-number'));
  expect(await clauseTitles(panel)).toEqual([titles[0], titles[2], titles[1], ...titles.slice(3)]);

  await fillUnfilled(panel);
  await panel.getByTestId('agreement-save').click();
  await expect(version).toHaveAttribute('data-number', String(first + 1));

  // Sent; the company rejects it with a reason (the consumer has not answered).
  await panel.getByTestId('agreement-send').click();
  await page.getByTestId('agreement-send-dialog').getByTestId('dialog-confirm').click();
  await expect(panel.getByTestId('agreement-acceptance')).toBeVisible();
  await expect(async () => {
    await syncNow(page);
    await expect(panel.getByTestId('acceptance-delivery')).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await platform.control('POST', `/cases/${caseId}/agreements/decide`, { role: 'company', number: first + 1, decision: 'rejected', reason: 'El plazo de reparación es demasiado corto.' });
  const company = panel.locator('[data-testid="party-decision"][data-role="company"]');
  await expect(async () => {
    await syncNow(page);
    await expect(company).toHaveAttribute('data-decision', 'rejected', { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(company).toContainText('El plazo de reparación es demasiado corto.');
  await expect(panel.locator('[data-testid="party-decision"][data-role="consumer"]')).toHaveAttribute('data-decision', 'pending');
  await shot(page, '12-rejected');

  // The sent version is locked: a new version starts from it and needs a new acceptance.
  await expect(panel.getByTestId('agreement-save')).toHaveCount(0);
  await panel.getByTestId('agreement-newVersion').click();
  await expect(panel.getByTestId('agreement-unsaved')).toBeVisible();
  const days = panel.locator('[data-testid="agreement-variable"][data-kind="business_days"]').first();
  await days.getByTestId('agreement-variable-input').fill('20');
  await panel.getByTestId('agreement-save').click();
  await expect(version).toHaveAttribute('data-number', String(first + 2));
  await panel.getByTestId('agreement-send').click();
  await page.getByTestId('agreement-send-dialog').getByTestId('dialog-confirm').click();
  await expect(panel.getByTestId('acceptance-version')).toContainText(`Versión ${first + 2} enviada`);
  await expect(async () => {
    await syncNow(page);
    await expect(panel.getByTestId('acceptance-delivery')).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });

  // The consumer now accepts the old version: recorded and explained, not applied to the current one.
  await platform.control('POST', `/cases/${caseId}/agreements/decide`, { role: 'consumer', number: first + 1, decision: 'accepted' });
  const outdated = panel.getByTestId('outdated-decision').filter({ hasText: 'Reclamante' });
  await expect(async () => {
    await syncNow(page);
    await expect(outdated).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(outdated).toContainText(`aceptó la versión ${first + 1}, pero la vigente es la ${first + 2}`);
  await expect(panel.locator('[data-testid="party-decision"][data-role="consumer"]')).toHaveAttribute('data-decision', 'pending');
  await expect(panel.getByTestId('agreement-close-case')).toHaveCount(0);
  await shot(page, '13-outdated-decision');
  // On a wide screen the data sits beside the clauses.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('agreement-pane-text').click();
  await shot(page, '14-wide');
});
