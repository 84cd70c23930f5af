import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/servers';
import type { RunningPlatform } from './support/platform';
import { administrator, casesOf, copiesOn, partyView, type PlatformCase } from './support/platform-api';
import { newDataDir } from './support/web-host';

/**
 * The chat, sync indicator and conflict UI with every part real: the reference platform over
 * HTTP on 127.0.0.1 (its own SQLite file), the web host from the built bundle with the real
 * sync engine and SQLite store, the real renderer in Chromium. Failures are the platform's own
 * (control API fault switches), parties write through the control API, the center's
 * administrator moves cases through the public API. Nothing is scripted inside the page.
 * "Sincronizar ahora" replaces waiting for polls and backoff; every wait is a polled condition.
 * Set MESA_SCREENSHOTS=<dir> to keep screenshots.
 */

const shots = process.env.MESA_SCREENSHOTS;
const shot = async (page: Page, name: string): Promise<void> => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
};

const MEDIATOR = 'valentina.soto@mediacion.example';
const PASSWORD = 'mesa-demo';
const ONLY_POST_MESSAGE = ['postMessage'] as const;
const MANY = 1_000_000;

const BANNER = {
  negotiation: 'Lo leen: reclamante, empresa y usted. Es la negociación directa previa a la mediación.',
  joint: 'Lo leen: reclamante, empresa y usted.',
  caucus_consumer: 'Privado: solo el reclamante y usted. La otra parte nunca lo ve.',
  caucus_company: 'Privado: solo la empresa y usted. La otra parte nunca lo ve.',
} as const;

/** The mediator's cases on the platform: one in mediation (in progress) and one in negotiation. */
async function pickCases(running: RunningPlatform): Promise<{ mediation: PlatformCase; negotiation: PlatformCase }> {
  const cases = await casesOf(running, MEDIATOR);
  const mediation = cases.find((c) => c.bundle.case.stage === 'mediation' && c.bundle.case.subState === 'in_progress' && c.assignment === 'accepted');
  const negotiation = cases.find((c) => c.bundle.case.stage === 'negotiation');
  if (!mediation || !negotiation) throw new Error(`the demo platform gave ${MEDIATOR} no case in mediation/in_progress or in negotiation`);
  return { mediation, negotiation };
}

/** "Sincronizar ahora" from the indicator's details (waits for the running cycle to end). */
async function syncNow(page: Page): Promise<void> {
  if (!(await page.getByTestId('sync-details').isVisible())) await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-now').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-details')).toBeHidden();
}

/** Opens a synced case by its folio, on its chat tab (pinned, so a stage change keeps it there). */
async function openCase(page: Page, folio: string): Promise<void> {
  await page.getByTestId('search-input').fill(folio);
  // The list filters as it is typed: wait for exactly this case, not the previous search's row.
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row').first()).toContainText(folio);
  await page.getByTestId('case-row').first().click();
  await expect(page.getByTestId('case-view')).toContainText(folio);
  await page.getByTestId('case-tab-chat').click();
  await expect(page.getByTestId('chat')).toBeVisible();
}

const messageWith = (page: Page, body: string): Locator => page.getByTestId('chat-message').filter({ hasText: body });
const deliveryOf = (page: Page, body: string): Locator => messageWith(page, body).getByTestId('chat-message-delivery');

async function send(page: Page, body: string): Promise<void> {
  await page.getByTestId('chat-input').fill(body);
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('chat-input')).toHaveValue('');
}

test('chat on the real platform: who reads each channel, text only, pending → failure → Reintentar, composer closed where it must be', async ({ page, servers }) => {
  const running = await servers.platform({ demoCases: 60 });
  const { mediation, negotiation } = await pickCases(running);
  const caseId = mediation.bundle.case.id;

  // The parties write on the platform before the mediator syncs; two of them type markup.
  const xss = `<img src=x onerror="window.__mesaXss = 1">Adjunto la foto de la puerta rota.`;
  const bold = '<b>No</b> fue mal uso.';
  const consumerPrivate = 'Preferiría el cambio, pero si es en 5 días lo puedo aceptar.';
  const companyPrivate = 'Internamente podemos ofrecer el cambio si se retira el producto dañado.';
  await running.control('POST', `/cases/${caseId}/party-messages`, { role: 'consumer', channel: 'joint', body: xss });
  await running.control('POST', `/cases/${caseId}/party-messages`, { role: 'consumer', channel: 'joint', body: bold });
  await running.control('POST', `/cases/${caseId}/party-messages`, { role: 'consumer', channel: 'caucus_consumer', body: consumerPrivate });
  await running.control('POST', `/cases/${caseId}/party-messages`, { role: 'company', channel: 'caucus_company', body: companyPrivate });

  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: running.url, signIn: { email: MEDIATOR, password: PASSWORD } });
  await page.goto(host.url);
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
  await openCase(page, mediation.bundle.case.folio);

  // Joint channel: who reads it, and the parties' markup shown as typed — no element, no script.
  const chat = page.getByTestId('chat');
  await expect(page.getByTestId('chat-tab-joint')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chat-banner')).toHaveText(BANNER.joint);
  await expect(chat.locator('.msg-body').filter({ hasText: xss })).toHaveText(xss);
  await expect(chat.locator('.msg-body').filter({ hasText: bold })).toHaveText(bold);
  await expect(chat.locator('.msg-body img, .msg-body b, .msg-body *')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as { __mesaXss?: number }).__mesaXss)).toBeUndefined();
  await shot(page, 'chat-joint');

  // Enter sends, Shift+Enter is a new line of the same message; it reaches the platform once.
  const twoLines = `Gracias a ambos.\nPropongo una sesión el jueves a las 10:00 (${Date.now()}).`;
  const [firstLine, secondLine] = twoLines.split('\n') as [string, string];
  await page.getByTestId('chat-input').fill(firstLine);
  await page.getByTestId('chat-input').press('Shift+Enter');
  await page.getByTestId('chat-input').pressSequentially(secondLine);
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('chat-input')).toHaveValue('');
  await expect(messageWith(page, firstLine).locator('.msg-body')).toHaveText(twoLines);
  await expect(deliveryOf(page, firstLine)).toHaveAttribute('data-delivery', 'sent');
  await expect.poll(() => copiesOn(running, 'consumer', caseId, twoLines)).toBe(1);

  // The platform fails (500): the message waits as pending, the indicator says why, amber.
  await running.control('PUT', '/faults', { serverError: { count: MANY, routes: ONLY_POST_MESSAGE } });
  const retried = `¿Les acomoda ese horario? (${Date.now()})`;
  await send(page, retried);
  await expect(deliveryOf(page, retried)).toHaveAttribute('data-delivery', 'pending');
  await expect(indicator).toHaveAttribute('data-state', 'error');
  await expect(indicator).toContainText('Falla de la plataforma');
  await indicator.click();
  await expect(page.getByTestId('sync-error')).toHaveAttribute('data-error-code', 'server_error');
  await expect(page.getByTestId('sync-error')).toContainText('Mesa reintentará sola');
  await page.keyboard.press('Escape');

  // Now the write happens on the platform but its answer is lost (connection dropped after):
  // the app is offline and still shows pending; the platform already has it, once.
  await running.control('PUT', '/faults', { dropConnections: { count: MANY, routes: ONLY_POST_MESSAGE, phase: 'after' } });
  await syncNow(page);
  await expect(indicator).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(deliveryOf(page, retried)).toHaveAttribute('data-delivery', 'pending');
  await expect.poll(() => copiesOn(running, 'consumer', caseId, retried)).toBe(1);
  await shot(page, 'chat-joint-pending');

  // Faults cleared: the same client id is sent again, the platform answers with its copy.
  await running.control('DELETE', '/faults');
  await syncNow(page);
  await expect(deliveryOf(page, retried)).toHaveAttribute('data-delivery', 'sent');
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  await expect(messageWith(page, retried)).toHaveCount(1);
  expect(await copiesOn(running, 'consumer', caseId, retried)).toBe(1);

  // A refusal: queued while offline, then the center's administrator closes the case on the
  // platform; back online the platform answers 403, the message fails with Reintentar.
  await running.control('PUT', '/faults', { dropConnections: { count: MANY, routes: ONLY_POST_MESSAGE } });
  const refused = `Les envío el borrador del acuerdo mañana (${Date.now()}).`;
  await send(page, refused);
  await expect(deliveryOf(page, refused)).toHaveAttribute('data-delivery', 'pending');
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  const admin = await administrator(running);
  await admin.move(caseId, { type: 'close', outcome: 'party_withdrew' });
  await running.control('DELETE', '/faults');
  await syncNow(page);
  await expect(deliveryOf(page, refused)).toHaveAttribute('data-delivery', 'failed');
  await expect(deliveryOf(page, refused)).toContainText('No enviado');
  await expect(messageWith(page, refused).getByTestId('chat-retry')).toBeVisible();
  expect(await copiesOn(running, 'consumer', caseId, refused)).toBe(0);
  // The case is closed now (from the feed): the composer is closed, saying why.
  await expect(page.locator('.case-view-title')).toContainText('Cerrada');
  await expect(page.getByTestId('chat-input')).toBeDisabled();
  await expect(page.getByTestId('chat-composer-closed')).toHaveText('Solo se puede escribir mientras el caso está en mediación (etapa actual: Cerrada).');
  await shot(page, 'chat-joint-failed');

  // The administrator reopens it (back to mediation); Reintentar delivers it, exactly once.
  await admin.move(caseId, { type: 'reopen', reason: 'party_request' });
  await syncNow(page);
  await expect(page.getByTestId('chat-input')).toBeEnabled();
  await messageWith(page, refused).getByTestId('chat-retry').click();
  await expect(deliveryOf(page, refused)).toHaveAttribute('data-delivery', 'sent');
  await expect(messageWith(page, refused)).toHaveCount(1);
  await expect.poll(() => copiesOn(running, 'consumer', caseId, refused)).toBe(1);

  // Caucuses: private to one party, as their banners say — and as the platform keeps them.
  await page.getByTestId('chat-tab-caucus_consumer').click();
  await expect(page.getByTestId('chat-banner')).toHaveText(BANNER.caucus_consumer);
  await expect(messageWith(page, consumerPrivate)).toHaveCount(1);
  await shot(page, 'chat-caucus-consumer');
  await page.getByTestId('chat-tab-caucus_company').click();
  await expect(page.getByTestId('chat-banner')).toHaveText(BANNER.caucus_company);
  await expect(messageWith(page, companyPrivate)).toHaveCount(1);
  await expect(messageWith(page, consumerPrivate)).toHaveCount(0);
  const forCompany = `Solo para la empresa: ¿el retiro puede ser el lunes? (${Date.now()})`;
  await send(page, forCompany);
  await expect(deliveryOf(page, forCompany)).toHaveAttribute('data-delivery', 'sent');
  expect(await copiesOn(running, 'company', caseId, forCompany)).toBe(1);
  expect((await partyView(running, 'consumer', caseId)).some((m) => m.body === forCompany || m.body === companyPrivate)).toBe(false);
  await shot(page, 'chat-caucus-company');

  // Negotiation: the parties' history, read-only.
  await page.getByTestId('chat-tab-negotiation').click();
  await expect(page.getByTestId('chat-banner')).toHaveText(BANNER.negotiation);
  await expect(page.getByTestId('chat-message').first()).toBeVisible();
  await expect(page.getByTestId('chat-input')).toBeDisabled();
  await expect(page.getByTestId('chat-send')).toBeDisabled();
  await expect(page.getByTestId('chat-composer-closed')).toContainText('solo lectura');
  await shot(page, 'chat-negotiation');

  // A case that never reached mediation: no channel of it can be written to.
  await page.getByTestId('case-close').click();
  await expect(page.getByTestId('case-view')).toBeHidden();
  await openCase(page, negotiation.bundle.case.folio);
  await expect(page.getByTestId('chat-tab-negotiation')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('chat-tab-joint').click();
  await expect(page.getByTestId('chat-banner')).toHaveText(BANNER.joint);
  await expect(page.getByTestId('chat-input')).toBeDisabled();
  await expect(page.getByTestId('chat-composer-closed')).toHaveText('Solo se puede escribir mientras el caso está en mediación (etapa actual: Negociación).');
});

test('sync indicator on the real platform: sign in (wrong, then right), syncing, platform busy, offline, expired session, and a real 409 conflict resolved', async ({ page, servers }) => {
  const running = await servers.platform({ demoCases: 60 });
  const { mediation } = await pickCases(running);
  const caseId = mediation.bundle.case.id;
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: running.url });
  await page.goto(host.url);

  // Signed out → a wrong password is explained → the right one syncs.
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'signed_out');
  await expect(indicator).toHaveText('Sin sesión en la plataforma');
  await indicator.click();
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await page.getByTestId('sign-in-email').fill(MEDIATOR);
  await page.getByTestId('sign-in-password').fill('equivocada');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('El correo o la contraseña no son correctos. Revíselos e intente de nuevo.');
  await shot(page, 'sign-in-error');
  await page.getByTestId('sign-in-password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-form')).toBeHidden();
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
  await expect(indicator).toContainText('Sincronizado');
  await expect(page.getByTestId('case-row').first()).toBeVisible();

  // A slow platform (2 s per request) keeps a sync on screen long enough to see it.
  await running.control('PUT', '/faults', { latencyMs: 2_000 });
  await syncNow(page);
  await expect(indicator).toHaveAttribute('data-state', 'syncing');
  await expect(indicator).toContainText('Sincronizando…');
  await shot(page, 'sync-syncing');
  await running.control('DELETE', '/faults');
  await expect(indicator).toHaveAttribute('data-state', 'idle');
  await indicator.click();
  await expect(page.getByTestId('sync-details')).toContainText(MEDIATOR);
  await expect(page.getByTestId('sync-details')).toContainText(running.url);
  await expect(page.getByTestId('sync-now')).toBeEnabled();
  await shot(page, 'sync-details-idle');
  await page.keyboard.press('Escape');

  // The platform asks to wait (429, Retry-After 3 s): amber, with the next try; then it recovers by itself.
  await running.control('PUT', '/faults', { rateLimit: { count: 1, retryAfterSeconds: 3 } });
  await syncNow(page);
  await expect(indicator).toHaveAttribute('data-state', 'error');
  await expect(indicator).toContainText('Plataforma ocupada');
  await indicator.click();
  await expect(page.getByTestId('sync-error')).toHaveAttribute('data-error-code', 'rate_limited');
  await expect(page.getByTestId('sync-error')).toContainText('Próximo intento');
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  await shot(page, 'sync-error');
  await page.keyboard.press('Escape');
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 10_000 });

  // Offline: every connection dropped; the banner and the details say what happens to the work.
  await running.control('PUT', '/faults', { dropConnections: { count: MANY, phase: 'before' } });
  await syncNow(page);
  await expect(indicator).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('offline-banner')).toHaveText('Trabajando sin conexión: los cambios se guardan en este equipo y se enviarán al reconectar.');
  await indicator.click();
  await expect(page.getByTestId('sync-error')).toHaveAttribute('data-error-code', 'offline');
  await expect(page.getByTestId('sync-details')).toContainText('Sus mensajes quedan guardados');
  await shot(page, 'sync-offline');
  await page.keyboard.press('Escape');

  // A real conflict: while the app is offline the case changes on the platform, and the
  // mediator changes its stage here. Back online the platform answers 409.
  await running.control('POST', `/cases/${caseId}/touch`);
  await openCase(page, mediation.bundle.case.folio);
  const stageBadge = page.locator('.case-view-title .stage-badges');
  await expect(stageBadge).toHaveAttribute('title', 'Mediación · En curso');
  await page.getByTestId('action-start_agreement_drafting').click();
  await page.getByTestId('dialog-confirm').click();
  await expect(stageBadge).toHaveAttribute('title', 'Mediación · Redactando acuerdo');
  await expect(indicator).toHaveAttribute('aria-label', /1 cambio por enviar/);
  await running.control('DELETE', '/faults');
  await syncNow(page);
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('La plataforma rechazó su cambio de etapa porque el caso cambió');
  await expect(conflict).toContainText('«Comenzar redacción del acuerdo»');
  await expect(conflict).toContainText('«Mediación · En curso»');
  // The platform's state is applied at once (platform-authoritative stage).
  await expect(stageBadge).toHaveAttribute('title', 'Mediación · En curso');
  await expect(indicator).toHaveAttribute('data-state', 'idle');
  await indicator.click();
  await expect(page.getByTestId('sync-details').locator('.sync-attention')).toHaveText('1');
  await page.keyboard.press('Escape');
  await shot(page, 'conflict');
  await page.getByTestId('conflict-accept-platform').click();
  await expect(conflict).toHaveCount(0);
  await expect(stageBadge).toHaveAttribute('title', 'Mediación · En curso');
  // The engine no longer counts it, and says so at once (no sync needed).
  await indicator.click();
  await expect(page.getByTestId('sync-details').locator('.sync-attention')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The session expires on the platform: red, explained, and signing in again resumes syncing.
  await running.control('PUT', '/faults', { expireTokens: true });
  await syncNow(page);
  await expect(indicator).toHaveAttribute('data-state', 'error');
  await expect(indicator).toContainText('Sesión expirada');
  await indicator.click();
  await expect(page.getByTestId('sync-error')).toHaveAttribute('data-error-code', 'unauthorized');
  await expect(page.getByTestId('sync-error')).toContainText('Inicie sesión de nuevo; nada de lo pendiente se perdió.');
  await shot(page, 'sync-unauthorized');
  await page.getByTestId('sync-sign-in').click();
  await page.getByTestId('sign-in-email').fill(MEDIATOR);
  await page.getByTestId('sign-in-password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-form')).toBeHidden();
  await expect(indicator).toHaveAttribute('data-state', 'idle');
  await expect(indicator).toContainText('Sincronizado');
});
