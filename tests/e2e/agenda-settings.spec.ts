import { expect, test } from './support/servers';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { repoRoot } from './support/ready-process';
import { newDataDir } from './support/web-host';

/**
 * "Preferencias de agenda" end to end (real reference platform, real web host and SQLite): working
 * hours that end at 09:30 make a 10:00 session "fuera de su horario de trabajo" in the scheduling
 * dialog, and the setting is still there after a reload.
 */

const ZONE = 'America/Santiago';

/** Wednesday of next week in Santiago, as the date field takes it (dd-mm-aaaa). */
function nextWeekWednesday(): string {
  const today = Temporal.Now.plainDateISO(ZONE);
  return today.add({ days: 7 - today.dayOfWeek + 3 }).toString().split('-').reverse().join('-');
}

test('working hours ending at 09:30 make a 10:00 session outside working hours, and survive a reload', async ({ page, servers }) => {
  test.setTimeout(120_000);
  const platform = await servers.platform({ demoCases: 60 });
  const account = platform.accounts.find((a) => a.role === 'mediator');
  if (!account) throw new Error('the demo platform has no mediator account');
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: account.email, password: 'mesa-demo' } });
  await page.goto(host.url);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });

  // Agenda → Preferencias de agenda: the defaults load (09:00–18:00), end becomes 09:30.
  await page.getByTestId('nav-agenda').click();
  await page.getByTestId('agenda-settings').click();
  const settings = page.getByTestId('schedule-settings');
  await expect(settings.getByTestId('schedule-settings-end')).toHaveValue('18:00');
  // Validation is translated and blocks saving.
  await settings.getByTestId('schedule-settings-end').fill('08:00');
  await expect(settings.getByText('La hora de término debe ser posterior a la de inicio.')).toBeVisible();
  await expect(settings.getByTestId('schedule-settings-save')).toBeDisabled();
  await settings.getByTestId('schedule-settings-end').fill('09:30');
  await expect(settings.getByTestId('schedule-settings-save')).toBeEnabled();
  await settings.getByTestId('schedule-settings-save').click();
  await expect(settings).toBeHidden();

  // Still 09:30 after a reload.
  await page.reload();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await page.getByTestId('nav-agenda').click();
  await page.getByTestId('agenda-settings').click();
  await expect(settings.getByTestId('schedule-settings-end')).toHaveValue('09:30');
  await expect(settings.getByTestId('schedule-settings-start')).toHaveValue('09:00');
  await page.screenshot({ path: join(repoRoot, 'test-results', 'agenda-screens', 'schedule-settings.png') });
  await settings.getByRole('button', { name: 'Cancelar' }).click();
  await expect(settings).toBeHidden();

  // A 10:00 session next Wednesday: warned as outside working hours (09:00 to 09:30).
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('stage-filter-mediation').click();
  await page.getByTestId('case-row').first().click();
  await page.getByTestId('sessions').getByTestId('session-schedule').click();
  const dialog = page.getByTestId('schedule-dialog');
  await dialog.getByTestId('schedule-url').fill('https://meet.example.cl/sesion');
  await dialog.getByTestId('schedule-date').fill(nextWeekWednesday());
  await dialog.getByTestId('schedule-time').fill('10:00');
  const warning = dialog.locator('[data-testid="schedule-warning"][data-kind="outside_working_hours"]');
  await expect(warning).toContainText('fuera de su horario de trabajo');
  await expect(warning).toContainText('de 09:00 a 09:30');
});
