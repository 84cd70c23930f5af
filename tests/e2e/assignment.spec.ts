import type { Page } from '@playwright/test';
import { expect, test } from './support/servers';
import type { FeedPage } from '../../shared/platform/feed';
import type { RunningPlatform } from './support/platform';
import { newDataDir } from './support/web-host';

/**
 * Assignment acceptance end to end: the real reference platform designates mediation cases in
 * pending_acceptance as 'pending'; the mediator accepts one from the case view (kept as a
 * pending write while the platform is unreachable, confirmed on reconnect) and declines
 * another with a reason (the platform reassigns it and it leaves the mediator's list).
 * Set MESA_SCREENSHOTS=<dir> to keep screenshots.
 */

const EVERY_REQUEST = { dropConnections: { count: 1_000_000, phase: 'before' } };
const shots = process.env.MESA_SCREENSHOTS;
const shot = async (page: Page, name: string): Promise<void> => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
};

interface PendingCase {
  readonly id: string;
  readonly folio: string;
}

/** The cases designated to `email` and waiting for a decision, read from its feed as any client would. */
async function pendingCasesOf(platform: RunningPlatform, email: string): Promise<PendingCase[]> {
  const signIn = await fetch(`${platform.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'mesa-demo' }) });
  const { token } = (await signIn.json()) as { token: string };
  const latest = new Map<string, { folio: string; assignment: string | null }>();
  let cursor: string | undefined;
  for (;;) {
    const response = await fetch(`${platform.url}/v1/feed?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Authorization: `Bearer ${token}` } });
    const page = (await response.json()) as FeedPage;
    for (const change of page.changes) {
      if (change.type === 'case.upsert') latest.set(change.bundle.case.id, { folio: change.bundle.case.folio, assignment: change.assignment });
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return [...latest].filter(([, c]) => c.assignment === 'pending').map(([id, c]) => ({ id, folio: c.folio }));
}

async function openCase(page: Page, target: PendingCase): Promise<void> {
  await page.getByTestId('search-input').fill(target.folio);
  const row = page.locator(`[data-testid="case-row"][data-case-id="${target.id}"]`);
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId('case-view')).toHaveAttribute('data-case-id', target.id);
}

async function syncNow(page: Page): Promise<void> {
  const indicator = page.getByTestId('sync-indicator');
  await indicator.click();
  await page.getByTestId('sync-now').click();
  await page.keyboard.press('Escape');
  await expect(indicator).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
}

test('a pending designation: accept (pending while offline, confirmed on reconnect), decline with a reason (reassigned, leaves the list)', async ({ page, servers }) => {
  test.setTimeout(120_000);
  const platform = await servers.platform({ demoCases: 200 });
  let chosen: { email: string; cases: PendingCase[] } | undefined;
  for (const account of platform.accounts.filter((a) => a.role === 'mediator')) {
    const cases = await pendingCasesOf(platform, account.email);
    if (cases.length >= 2) {
      chosen = { email: account.email, cases };
      break;
    }
  }
  if (!chosen) throw new Error('no mediator of the demo platform has two pending designations');
  const [toAccept, toDecline] = chosen.cases as [PendingCase, PendingCase];

  const host = await servers.webHost({ dataDir: newDataDir(), platformUrl: platform.url, signIn: { email: chosen.email, password: 'mesa-demo' } });
  await page.goto(host.url);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });

  // The designation, as a calm question with both answers.
  await openCase(page, toAccept);
  const banner = page.getByTestId('assignment-banner');
  await expect(banner).toHaveAttribute('data-state', 'pending');
  await expect(banner).toContainText('La plataforma le asignó este caso. ¿Acepta conducir la mediación?');
  await expect(page.getByTestId('assignment-accept')).toHaveText('Aceptar');
  await expect(page.getByTestId('assignment-decline')).toHaveText('Rechazar');
  await expect(page.getByTestId('case-actions')).toHaveCount(0); // the answer comes before any stage change
  await shot(page, 'assignment-banner');

  // Accepted while the platform is unreachable: a pending write, said so, not a done deal.
  await platform.control('PUT', '/faults', EVERY_REQUEST);
  await page.getByTestId('assignment-accept').click();
  await expect(banner).toHaveAttribute('data-state', 'pending_accept');
  await expect(banner).toContainText('Aceptación enviada');
  await expect(page.getByTestId('assignment-accept')).toHaveCount(0);
  await shot(page, 'assignment-pending-accept');
  await platform.control('DELETE', '/faults');
  await syncNow(page);
  await expect(banner).toHaveCount(0);
  // Gone for good: another sync and a reload bring it back from the platform's data, not the screen's.
  await syncNow(page);
  await page.reload();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await openCase(page, toAccept);
  await expect(page.getByTestId('case-actions')).toBeVisible();
  await expect(page.getByTestId('assignment-banner')).toHaveCount(0);
  await page.getByTestId('case-close').click();

  // Declined with a reason: the platform reassigns it; here it is read-only, then out of the list.
  await openCase(page, toDecline);
  await page.getByTestId('assignment-decline').click();
  const dialog = page.getByTestId('assignment-decline-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('assignment-decline-reason').fill('Conflicto de interés: asesoré antes a la empresa.');
  await shot(page, 'assignment-decline-dialog');
  await dialog.getByTestId('dialog-confirm').click();
  await expect(dialog).toHaveCount(0);
  await syncNow(page);
  const notice = page.getByTestId('assignment-unassigned');
  await expect(notice).toContainText('Este caso ya no está a su cargo');
  await expect(page.getByTestId('assignment-banner')).toHaveCount(0);
  await expect(page.getByTestId('case-actions')).toHaveCount(0);
  await shot(page, 'assignment-unassigned');
  await page.getByTestId('case-close').click();
  await page.getByTestId('search-input').fill(toDecline.folio);
  await expect(page.getByTestId('total-count')).toContainText('0 casos');
  await expect(page.locator(`[data-testid="case-row"][data-case-id="${toDecline.id}"]`)).toHaveCount(0);
});
