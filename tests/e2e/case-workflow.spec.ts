import { expect, test } from './support/servers';
import { newDataDir } from './support/web-host';

test('a mediator filters, searches, opens a case and keeps a private note across a restart', async ({ page, servers }) => {
  const dataDir = newDataDir();
  let host = await servers.webHost({ dataDir, demoCases: 600 });
  await page.goto(host.url);

  const rows = page.getByTestId('case-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('total-count')).toContainText('600');

  // Filter: only cases in mediation remain, and the count shrinks.
  await page.getByTestId('stage-filter-mediation').click();
  await expect(rows.first()).toContainText('Mediación');
  const mediationTotal = await page.getByTestId('total-count').innerText();
  expect(mediationTotal).not.toContain('600');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Mediación');
  await page.getByTestId('stage-filter-mediation').click();

  // Search by the folio of a case: exactly that case is found.
  const folio = (await rows.nth(3).getByTestId('case-folio').innerText()).trim();
  await page.getByTestId('search-input').fill(folio);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(folio);

  await rows.first().click();
  const view = page.getByTestId('case-view');
  await expect(view).toContainText(folio);

  const note = `Parte reclamante dispuesta a aceptar cambio del producto ${Date.now()}`;
  await page.getByTestId('note-input').fill(note);
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-item').filter({ hasText: note })).toBeVisible();
  await expect(page.getByTestId('timeline-item').first()).toBeVisible();

  // Restart the host on the same SQLite file: the note is still there.
  await host.stop();
  host = await servers.webHost({ dataDir, demoCases: 600 });
  await page.goto(host.url);
  await page.getByTestId('search-input').fill(folio);
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByTestId('note-item').filter({ hasText: note })).toBeVisible();
});
