import { expect, test } from './support/servers';
import { newDataDir } from './support/web-host';

/**
 * Offline-first chat end to end: the real reference platform (own SQLite, real HTTP), the web
 * host from the built bundle syncing with it, the real renderer in Chromium. The platform goes
 * "offline" through its control API (every request's connection dropped), not by a sleep.
 */

const MEDIATOR = 'valentina.soto@mediacion.example';
const EVERY_REQUEST = { dropConnections: { count: 1_000_000, phase: 'before' } };

test('a message written offline is kept, sent on reconnect, and the consumer’s reply arrives without reloading', async ({ page, servers }) => {
  test.setTimeout(120_000);
  const platform = await servers.platform({ demoCases: 200 });
  const account = platform.accounts.find((a) => a.email === MEDIATOR) ?? platform.accounts.find((a) => a.role === 'mediator');
  if (!account) throw new Error('the demo platform has no mediator account');
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: account.email, password: 'mesa-demo' } });
  await page.goto(host.url);

  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await expect(indicator).toContainText('Sincronizado');

  // A case in mediation, synced from the platform.
  await page.getByTestId('stage-filter-mediation').click();
  const row = page.getByTestId('case-row').first();
  await expect(row).toContainText('Mediación');
  await row.click();
  await expect(page.getByTestId('chat')).toBeVisible();
  await expect(page.getByTestId('chat-tab-joint')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chat-banner')).toHaveText('Lo leen: reclamante, empresa y usted.');

  // The platform becomes unreachable; the engine finds out on its next request.
  await platform.control('PUT', '/faults', EVERY_REQUEST);
  await indicator.click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(indicator).toHaveAttribute('data-state', 'offline');
  await page.keyboard.press('Escape');

  // Written offline: kept locally, shown as pending.
  const body = `Propongo una sesión conjunta el jueves a las 10:00 (${Date.now()})`;
  await page.getByTestId('chat-input').fill(body);
  await page.getByTestId('chat-input').press('Enter');
  const mine = page.getByTestId('chat-message').filter({ hasText: body });
  await expect(mine.getByTestId('chat-message-delivery')).toHaveAttribute('data-delivery', 'pending');
  await expect(page.getByTestId('offline-banner')).toBeVisible();

  // Back online, with the consumer answering joint messages: the engine reconnects by itself.
  await platform.control('PUT', '/auto-reply', { enabled: true, delayMs: 0 });
  await platform.control('DELETE', '/faults');
  await expect(mine.getByTestId('chat-message-delivery')).toHaveAttribute('data-delivery', 'sent', { timeout: 45_000 });
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  await expect(mine).toHaveCount(1);

  // The reply arrives through the feed and the messagesChanged event: no reload. "Sincronizar
  // ahora" pulls at once instead of waiting for the next poll.
  await indicator.click();
  await page.getByTestId('sync-now').click();
  await page.keyboard.press('Escape');
  const last = page.getByTestId('chat-message').last();
  await expect(last).not.toHaveAttribute('data-own', 'true', { timeout: 15_000 });
  await expect(last.locator('.msg-role')).toHaveText('Reclamante');
  await expect(mine).toHaveCount(1);
});

test('signed out, the mediator signs in from the sync indicator; a wrong password is explained', async ({ page, servers }) => {
  test.setTimeout(90_000);
  const platform = await servers.platform({ demoCases: 100 });
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url });
  await page.goto(host.url);

  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'signed_out');
  await expect(indicator).toHaveText('Sin sesión en la plataforma');
  await indicator.click();
  await page.getByTestId('sign-in-email').fill(MEDIATOR);
  await page.getByTestId('sign-in-password').fill('no-es-la-clave');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('El correo o la contraseña no son correctos. Revíselos e intente de nuevo.');

  await page.getByTestId('sign-in-password').fill('mesa-demo');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-form')).toBeHidden();
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await indicator.click();
  await expect(page.getByTestId('sync-details')).toContainText(MEDIATOR);
});
