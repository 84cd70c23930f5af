import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/servers';
import { Temporal } from 'temporal-polyfill';
import { repoRoot } from './support/ready-process';
import { newDataDir } from './support/web-host';

/**
 * Scheduling end to end: the real reference platform, the web host syncing with it, the real
 * renderer in Chromium. A joint session scheduled from a case shows in the case and in the week
 * grid at its Santiago day and time; the skipped DST hour is refused with the exact words; a
 * party's confirmation comes back through sync.
 */

const MEDIATOR = 'valentina.soto@mediacion.example';
const ZONE = 'America/Santiago';
const SHOTS = join(repoRoot, 'test-results', 'agenda-screens');

/** Wednesday of next week in Santiago (a weekday, clear of the weekend). */
function nextWeekWednesday(): string {
  const today = Temporal.Now.plainDateISO(ZONE);
  return today.add({ days: 7 - today.dayOfWeek + 3 }).toString();
}

/** The scheduling dialog's date field is typed day-first: '2027-09-05' → '05-09-2027'. */
const dateField = (isoDate: string): string => isoDate.split('-').reverse().join('-');

const readDownload = (path: string): string => readFileSync(path, 'utf8');

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

test('schedule a joint session from a case, see it in the case and the week view; the skipped DST hour is refused; a party confirms', async ({ page, servers }) => {
  test.setTimeout(150_000);
  // 2027: Saturday 4 September ends at 24:00 and Santiago's clocks show 01:00 on Sunday the 5th.
  expect(Temporal.PlainDate.from('2027-09-05').dayOfWeek).toBe(7);
  expect(() => Temporal.PlainDateTime.from('2027-09-05T00:30').toZonedDateTime(ZONE, { disambiguation: 'reject' })).toThrow();

  const platform = await servers.platform({ demoCases: 120 });
  const account = platform.accounts.find((a) => a.email === MEDIATOR) ?? platform.accounts.find((a) => a.role === 'mediator');
  if (!account) throw new Error('the demo platform has no mediator account');
  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: account.email, password: 'mesa-demo' } });
  await page.goto(host.url);
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });

  // A case in mediation.
  await page.getByTestId('stage-filter-mediation').click();
  const row = page.getByTestId('case-row').first();
  await expect(row).toContainText('Mediación');
  await row.click();
  const caseView = page.getByTestId('case-view');
  const caseId = await caseView.getAttribute('data-case-id');
  const sessions = page.getByTestId('sessions');
  await expect(sessions).toBeVisible();

  // Schedule: joint session next week at 10:00, by video, one hour.
  const day = nextWeekWednesday();
  await sessions.getByTestId('session-schedule').click();
  const dialog = page.getByTestId('schedule-dialog');
  await expect(dialog.getByTestId('schedule-kind')).toHaveValue('joint');
  await dialog.getByTestId('schedule-url').fill('https://meet.example.cl/sesion-conjunta');
  await dialog.getByTestId('schedule-date').fill(dateField(day));
  await dialog.getByTestId('schedule-time').fill('10:00');
  await expect(dialog.getByTestId('schedule-clear').or(dialog.getByTestId('schedule-warnings'))).toBeVisible();
  await dialog.getByTestId('dialog-confirm').click();
  await expect(dialog).toBeHidden();

  const item = sessions.getByTestId('session-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('session-status')).toHaveText('Propuesta');
  await expect(item.getByTestId('session-when')).toContainText('10:00–11:00');
  const sessionId = await item.getAttribute('data-session-id');
  if (!sessionId) throw new Error('the session has no id');

  // The same hour again: warned (named), not blocked. Screenshot of the dialog with warnings.
  await sessions.getByTestId('session-schedule').click();
  await dialog.getByTestId('schedule-url').fill('https://meet.example.cl/otra');
  await dialog.getByTestId('schedule-date').fill(dateField(day));
  await dialog.getByTestId('schedule-time').fill('10:30');
  await dialog.getByTestId('schedule-duration').fill('480');
  await expect(dialog.getByTestId('schedule-warning').filter({ hasText: 'Choca con otra sesión suya: Sesión conjunta del caso RL-' })).toBeVisible();
  await expect(dialog.getByTestId('schedule-warning').filter({ hasText: 'fuera de su horario' })).toBeVisible();
  await expect(dialog.getByTestId('dialog-confirm')).toBeEnabled();
  await shot(page, 'schedule-dialog-warnings');
  // An end before the start blocks.
  await dialog.getByTestId('schedule-duration').fill('0');
  await expect(dialog.getByTestId('schedule-refusal')).toHaveAttribute('data-reason', 'end_before_start');
  await expect(dialog.getByTestId('dialog-confirm')).toBeDisabled();
  await dialog.getByTestId('schedule-duration').fill('60');

  // The skipped hour: blocking, with the exact words.
  await dialog.getByTestId('schedule-date').fill('05-09-2027');
  await dialog.getByTestId('schedule-time').fill('00:30');
  await expect(dialog.getByTestId('schedule-refusal')).toHaveText('Esa hora no existe en Chile continental: el reloj salta de 00:00 a 01:00 el 5 de septiembre de 2027.');
  await expect(dialog.getByTestId('dialog-confirm')).toBeDisabled();
  await shot(page, 'schedule-dialog-dst');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toBeHidden();

  // The invitation downloads through a Blob URL and <a download> under the app's CSP.
  const [invitation] = await Promise.all([page.waitForEvent('download'), item.getByTestId('session-ics').click()]);
  expect(invitation.suggestedFilename()).toMatch(/\.ics$/);
  const invitationText = await readDownload(await invitation.path());
  expect(invitationText).toContain('BEGIN:VCALENDAR');
  expect(invitationText).toContain('METHOD:REQUEST');

  // A party confirms on the platform; sync brings it back.
  await expect(item).not.toContainText('Enviado, sin confirmar', { timeout: 30_000 });
  await platform.control('POST', `/sessions/${sessionId}/confirm`, { role: 'consumer' });
  await indicator.click();
  await page.getByTestId('sync-now').click();
  await page.keyboard.press('Escape');
  await expect(item.locator('[data-testid="session-participant"][data-role="consumer"]')).toHaveAttribute('data-confirmation', 'confirmed', { timeout: 30_000 });

  // The Agenda, week view: the block sits in that day's column at 10:00 (600 minutes).
  await page.getByTestId('case-close').click();
  await page.getByTestId('nav-agenda').click();
  await expect(page.getByTestId('agenda-grid')).toBeVisible();
  await page.getByTestId('agenda-next').click();
  const column = page.locator(`[data-testid="agenda-day"][data-day="${day}"]`);
  const block = column.locator(`[data-testid="agenda-session"][data-session-id="${sessionId}"]`);
  await expect(block).toBeVisible();
  await expect(block).toHaveAttribute('data-start', '600');
  await expect(block).toContainText('10:00–11:00');
  await shot(page, 'agenda-week');
  const [agendaFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('agenda-export').click()]);
  expect(await readDownload(await agendaFile.path())).toContain(`UID:`);
  await expect(page.getByTestId('agenda-file-outcome')).toHaveAttribute('data-outcome', 'exported');

  await page.getByTestId('agenda-view-day').click();
  // The day view keeps the anchor (today + 7); step to the session's day.
  while (!(await page.locator(`[data-testid="agenda-day"][data-day="${day}"]`).count())) {
    const before = await page.getByTestId('agenda-range').textContent();
    await page.getByTestId(day > ((await page.getByTestId('agenda-day').getAttribute('data-day')) ?? '') ? 'agenda-next' : 'agenda-prev').click();
    await expect(page.getByTestId('agenda-range')).not.toHaveText(before ?? '');
  }
  await expect(page.locator(`[data-testid="agenda-session"][data-session-id="${sessionId}"]`)).toBeVisible();
  await shot(page, 'agenda-day');

  await page.getByTestId('agenda-view-upcoming').click();
  const upcoming = page.locator(`[data-testid="agenda-upcoming-row"][data-session-id="${sessionId}"]`);
  await expect(upcoming).toContainText('Sesión conjunta');
  await shot(page, 'agenda-upcoming');

  // Clicking the session opens its case.
  await upcoming.click();
  await expect(page.getByTestId('case-view')).toHaveAttribute('data-case-id', caseId ?? '');
});
