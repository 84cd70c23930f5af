import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/store';
import { makeTempDir, removeDir } from './support/fixtures';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

/**
 * Migrations are immutable: the schema they build is pinned here. A diff in this snapshot
 * means a released migration was edited (write a new one instead) or a new migration was added
 * (then update the snapshot on purpose, with `npx vitest run tests/core -u`, and review it).
 */
it('migrations build exactly the pinned schema', async () => {
  const store = await openStore(join(dir, 'schema.sqlite'));
  const rows = store.sqlite
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as Array<{ type: string; name: string; sql: string }>;
  const userVersion = store.sqlite.pragma('user_version', { simple: true });
  store.close();
  const dump = [`-- user_version ${String(userVersion)}`, ...rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};`)].join('\n\n') + '\n';
  await expect(dump).toMatchFileSnapshot('./snapshots/schema.sql');
});
