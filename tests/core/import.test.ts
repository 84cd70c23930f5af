import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseBundle } from '../../shared/domain/case';
import type { Store } from '../../electron/core/db/store';
import { auditRepository } from '../../electron/core/repositories/audit-repository';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { noteRepository } from '../../electron/core/repositories/note-repository';
import { settleElapsedRatingWindows } from '../../electron/core/repositories/deadline-sweep';
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

const search = async (text: string) => (await caseRepository.listPage(store, { search: text }, NOW)).rows.map((r) => r.id);

describe('caseRepository.importBundles', () => {
  it('stores every field of a bundle and reads it back as the same CaseDetail', async () => {
    const bundles = makeBundles(30, 21);
    const target = bundles[4] as CaseBundle;
    target.parties[0] = {
      ...(target.parties[0] as CaseBundle['parties'][number]),
      rut: '12345678-5',
      email: 'consumidor@example.cl',
      phone: '+56 9 1234 5678',
      representative: { name: 'Abogada Pía Lagos', rut: null, email: null, capacity: 'abogada' },
    };
    expect(await caseRepository.importBundles(store, bundles, NOW)).toBe(30);
    const detail = await caseRepository.get(store, target.case.id);
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect({ ...detail, parties: byId(detail.parties), deadlines: byId(detail.deadlines) }).toEqual({
      ...target.case,
      parties: byId(target.parties),
      deadlines: byId(target.deadlines),
      assignedMediatorName: target.case.assignedMediatorId === 'med-ana' ? 'Ana Contreras' : null,
    });
    const imported = await auditRepository.listForCase(store, target.case.id);
    expect(imported).toEqual([
      { id: expect.any(Number), at: NOW.toISOString(), actorId: 'med-ana', action: 'case.imported', caseId: target.case.id, entityId: target.case.id, data: { stage: target.case.stage } },
    ]);
  });

  it('replaces a re-imported case in place: new text searchable, old gone, notes kept', async () => {
    const [bundle] = makeBundles(1, 22) as [CaseBundle];
    bundle.case.description = 'Zapatilla descosida al primer uso';
    await caseRepository.importBundles(store, [bundle], NOW);
    expect(await search('zapatilla')).toEqual([bundle.case.id]);
    const note = await noteRepository.add(store, { caseId: bundle.case.id, body: 'nota privada' }, NOW);
    expect(await search('cafetera')).toEqual([]);

    const changed: CaseBundle = {
      case: { ...bundle.case, description: 'Ahora hablamos de una cafetera', version: 2 },
      parties: bundle.parties.slice(0, 1).map((p) => ({ ...p, name: 'Renata Fuentes' })),
      deadlines: [],
    };
    expect(await caseRepository.importBundles(store, [changed], NOW)).toBe(1);
    expect(await caseRepository.count(store)).toBe(1);
    expect(await search('cafetera')).toEqual([bundle.case.id]);
    expect(await search('Renata')).toEqual([bundle.case.id]);
    expect(await search('zapatilla')).toEqual([]);
    const detail = await caseRepository.get(store, bundle.case.id);
    expect(detail).toMatchObject({ version: 2, deadlines: [], parties: [{ name: 'Renata Fuentes' }] });
    expect(await noteRepository.list(store, bundle.case.id)).toEqual([note]);
    expect(await search('nota privada')).toEqual([bundle.case.id]);
    const row = (await caseRepository.listPage(store, {}, NOW)).rows[0];
    expect(row).toMatchObject({ consumerName: 'Renata Fuentes', nextDeadlineAt: null, nextDeadlineKind: null });
  });

  it('is all or nothing: a bad bundle in the middle rolls back the whole import', async () => {
    const bundles = makeBundles(50, 23);
    const duplicateFolio: CaseBundle = { ...(bundles[10] as CaseBundle), case: { ...(bundles[10] as CaseBundle).case, id: 'other-id' } };
    await expect(caseRepository.importBundles(store, [...bundles, duplicateFolio], NOW)).rejects.toThrow(/UNIQUE/);
    expect(await caseRepository.count(store)).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('stores instants in one shape so text comparison stays correct', async () => {
    const [bundle] = makeBundles(1, 24) as [CaseBundle];
    bundle.case.filedAt = '2026-04-01T10:00:00Z';
    await caseRepository.importBundles(store, [bundle], NOW);
    expect((await caseRepository.listPage(store, {}, NOW)).rows[0]?.filedAt).toBe('2026-04-01T10:00:00.000Z');
  });
});

describe('settleElapsedRatingWindows', () => {
  it('marks elapsed rating windows met and re-derives the next deadline, leaving other deadlines alone', async () => {
    const [bundle] = makeBundles(1, 25) as [CaseBundle];
    const id = bundle.case.id;
    const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();
    bundle.deadlines = [
      { id: `${id}-r`, caseId: id, kind: 'rating_amendment', startsAt: at(-200), dueAt: at(-1), count: 'calendar', days: 7, status: 'open' },
      { id: `${id}-b`, caseId: id, kind: 'brand_response', startsAt: at(-200), dueAt: at(-2), count: 'business', days: 5, status: 'open' },
      { id: `${id}-w`, caseId: id, kind: 'mediation_window', startsAt: at(-200), dueAt: at(30), count: 'calendar', days: 14, status: 'open' },
    ];
    await caseRepository.importBundles(store, [bundle], NOW);
    expect((await caseRepository.listPage(store, {}, NOW)).rows[0]).toMatchObject({ nextDeadlineKind: 'brand_response' });

    expect(await settleElapsedRatingWindows(store, NOW)).toBe(1);
    const detail = await caseRepository.get(store, id);
    expect(Object.fromEntries(detail.deadlines.map((d) => [d.kind, d.status]))).toEqual({
      rating_amendment: 'met',
      brand_response: 'open', // overdue, but a real duty: stays open (and shows as overdue)
      mediation_window: 'open',
    });
    expect((await caseRepository.listPage(store, {}, NOW)).rows[0]).toMatchObject({ nextDeadlineKind: 'brand_response', nextDeadlineAt: at(-2) });
    expect(await settleElapsedRatingWindows(store, NOW)).toBe(0);
  });

  it('clears the next deadline when the elapsed window was the only open one', async () => {
    const [bundle] = makeBundles(1, 26) as [CaseBundle];
    const id = bundle.case.id;
    bundle.deadlines = [
      { id: `${id}-r`, caseId: id, kind: 'rating_amendment', startsAt: '2026-03-01T12:00:00.000Z', dueAt: '2026-03-09T02:59:59.999Z', count: 'calendar', days: 7, status: 'open' },
    ];
    await caseRepository.importBundles(store, [bundle], NOW);
    await settleElapsedRatingWindows(store, NOW);
    expect((await caseRepository.listPage(store, { deadlineStates: ['none'] }, NOW)).rows.map((r) => r.id)).toEqual([id]);
  });
});
