import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './support/servers';
import { newDataDir } from './support/web-host';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('a corrupt database shows a translated error and the file is left as it was', async ({ page, servers }) => {
  const dataDir = newDataDir();
  const file = join(dataDir, 'mesa.sqlite3');
  writeFileSync(file, randomBytes(64 * 1024));
  const before = sha256(file);

  const host = await servers.webHost({ dataDir });
  await page.goto(host.url);
  const notice = page.getByTestId('error-notice');
  await expect(notice).toHaveAttribute('data-error-code', 'db_corrupt');
  await expect(notice).toContainText('La base de datos local está dañada');
  await host.stop();
  expect(sha256(file)).toBe(before);
});

test('a database from a newer Mesa is refused with a translated error and not touched', async ({ page, servers }) => {
  const dataDir = newDataDir();
  const file = join(dataDir, 'mesa.sqlite3');
  const db = new Database(file);
  db.exec('CREATE TABLE future_table (id INTEGER PRIMARY KEY); INSERT INTO future_table VALUES (1);');
  db.pragma('user_version = 9999');
  db.close();
  const before = sha256(file);

  const host = await servers.webHost({ dataDir });
  await page.goto(host.url);
  const notice = page.getByTestId('error-notice');
  await expect(notice).toHaveAttribute('data-error-code', 'db_newer_version');
  await expect(notice).toContainText('versión más nueva de Mesa');
  await host.stop();
  expect(sha256(file)).toBe(before);
});
