import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseBundle } from '../../shared/domain/case';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { openStore, type Store } from '../../electron/core/db/store';
import { toAppError } from '../../electron/core/errors/to-app-error';
import { EventBus } from '../../electron/core/events/event-bus';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { NOW, makeBundles, makeTempDir, openTestStore, removeDir } from './support/fixtures';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await makeTempDir();
  store = await openTestStore(dir);
});
afterEach(async () => {
  store.close();
  await removeDir(dir);
});

/** A real SQLITE_FULL: the database may not grow past its current size (plus `spare` pages). */
const fillDisk = (spare: number) => {
  const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
  store.sqlite.pragma(`max_page_count = ${pages + spare}`);
};

describe('a full disk during a write', () => {
  it('fails the import with disk_full, keeps everything stored before, and the store opens again', async () => {
    const first = makeBundles(200, 5);
    await caseRepository.importBundles(store, first, NOW);
    const before = await caseRepository.listPage(store, { limit: 500 }, NOW);
    const auditBefore = store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();

    fillDisk(5);
    const failure = await caseRepository.importBundles(store, makeBundles(2_000, 6, 1_000), NOW).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(toAppError(failure).code).toBe('disk_full');
    expect(store.sqlite.inTransaction).toBe(false);

    expect(await caseRepository.listPage(store, { limit: 500 }, NOW)).toEqual(before);
    expect(store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
    expect(store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');

    store.close();
    store = await openStore(join(dir, 'mesa.sqlite'));
    expect(await caseRepository.listPage(store, { limit: 500 }, NOW)).toEqual(before);
    // With room again, the same import succeeds.
    expect(await caseRepository.importBundles(store, makeBundles(2_000, 6, 1_000), NOW)).toBe(2_000);
  });

  it('comes back through dispatch as { ok: false, code: disk_full } for a note, and the case is untouched', async () => {
    const bundle = makeBundles(1, 9)[0] as CaseBundle;
    await caseRepository.importBundles(store, [bundle], NOW);
    const handlers = createHandlers({ store, events: new EventBus(), now: () => NOW, host: 'web', appVersion: '0.0.0-test' });
    fillDisk(0);
    const result = await dispatch(handlers, 'addNote', { caseId: bundle.case.id, body: 'x'.repeat(20_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(await dispatch(handlers, 'listNotes', { caseId: bundle.case.id })).toEqual({ ok: true, value: [] });
    expect(await dispatch(handlers, 'getCase', { caseId: bundle.case.id })).toMatchObject({ ok: true, value: { version: 1 } });
  });
});
