import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import type { CaseBundle } from '../../shared/domain/case';
import type { Store } from '../../electron/core/db/store';
import { auditRepository } from '../../electron/core/repositories/audit-repository';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { noteRepository } from '../../electron/core/repositories/note-repository';
import { NOW, makeBundles, makeTempDir, openTestStore, removeDir } from './support/fixtures';

let dir: string;
let store: Store;
let bundles: CaseBundle[];

beforeEach(async () => {
  dir = await makeTempDir();
  store = await openTestStore(dir);
  bundles = makeBundles(50, 11);
  await caseRepository.importBundles(store, bundles, NOW);
});
afterEach(async () => {
  store.close();
  await removeDir(dir);
});

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
};

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const caseIn = (stage: string, subState: string | null = null) => {
  const found = bundles.find((b) => b.case.stage === stage && b.case.subState === subState);
  if (!found) throw new Error(`fixture has no ${stage}/${subState} case`);
  return found.case;
};

describe('noteRepository', () => {
  it('adds, lists, edits and deletes private notes, auditing ids only', async () => {
    const caseId = bundles[0]?.case.id as string;
    const first = await noteRepository.add(store, { caseId, body: 'Llamar a la consumidora el lunes' }, later(1));
    const second = await noteRepository.add(store, { caseId, body: 'Empresa ofrece 50 % de reembolso' }, later(2));
    expect(first).toMatchObject({ caseId, authorId: 'med-ana', version: 1 });
    expect((await noteRepository.list(store, caseId)).map((n) => n.id)).toEqual([first.id, second.id]);

    const edited = await noteRepository.update(store, { noteId: first.id, body: 'Llamar el martes', expectedVersion: 1 }, later(3));
    expect(edited).toMatchObject({ body: 'Llamar el martes', version: 2, createdAt: first.createdAt, updatedAt: later(3).toISOString() });

    await noteRepository.delete(store, second.id, later(4));
    expect((await noteRepository.list(store, caseId)).map((n) => n.body)).toEqual(['Llamar el martes']);

    const timeline = await auditRepository.listForCase(store, caseId);
    expect(timeline.map((e) => e.action)).toEqual(['case.imported', 'note.added', 'note.added', 'note.edited', 'note.deleted']);
    expect(JSON.stringify(timeline)).not.toMatch(/Llamar|reembolso/);
  });

  it('refuses a stale edit as conflict and keeps the newer text', async () => {
    const caseId = bundles[1]?.case.id as string;
    const note = await noteRepository.add(store, { caseId, body: 'v1' }, NOW);
    await noteRepository.update(store, { noteId: note.id, body: 'v2 from window A', expectedVersion: 1 }, later(1));
    expect(await codeOf(noteRepository.update(store, { noteId: note.id, body: 'v2 from window B', expectedVersion: 1 }, later(2)))).toBe('conflict');
    expect((await noteRepository.list(store, caseId))[0]).toMatchObject({ body: 'v2 from window A', version: 2 });
    expect((await auditRepository.listForCase(store, caseId)).filter((e) => e.action === 'note.edited')).toHaveLength(1);
  });

  it('answers not_found for unknown notes and cases', async () => {
    expect(await codeOf(noteRepository.add(store, { caseId: 'nope', body: 'x' }, NOW))).toBe('not_found');
    expect(await codeOf(noteRepository.list(store, 'nope'))).toBe('not_found');
    expect(await codeOf(noteRepository.update(store, { noteId: 'nope', body: 'x', expectedVersion: 1 }, NOW))).toBe('not_found');
    expect(await codeOf(noteRepository.delete(store, 'nope', NOW))).toBe('not_found');
  });

  it('keeps the search index in step with edits and deletes', async () => {
    const caseId = bundles[2]?.case.id as string;
    const note = await noteRepository.add(store, { caseId, body: 'palabraclave inicial' }, NOW);
    const search = async (text: string) => (await caseRepository.listPage(store, { search: text }, NOW)).rows.map((r) => r.id);
    expect(await search('palabraclave')).toEqual([caseId]);
    await noteRepository.update(store, { noteId: note.id, body: 'otrotermino', expectedVersion: 1 }, NOW);
    expect(await search('palabraclave')).toEqual([]);
    expect(await search('otrotermino')).toEqual([caseId]);
    await noteRepository.delete(store, note.id, NOW);
    expect(await search('otrotermino')).toEqual([]);
  });
});

describe('caseRepository.applyTransition', () => {
  it('moves a case, bumps the version, opens the stage deadline and audits the move', async () => {
    const record = caseIn('new');
    const detail = await caseRepository.applyTransition(
      store,
      { caseId: record.id, transition: { type: 'start_negotiation' }, expectedVersion: 1 },
      later(5),
    );
    expect(detail).toMatchObject({ stage: 'negotiation', subState: 'awaiting_brand_response', version: 2, updatedAt: later(5).toISOString() });
    const created = detail.deadlines.filter((d) => d.kind === 'brand_response' && d.status === 'open' && d.startsAt === later(5).toISOString());
    expect(created).toHaveLength(1);

    const row = (await caseRepository.listPage(store, { search: record.folio }, later(5))).rows[0];
    const open = detail.deadlines.filter((d) => d.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    expect(row).toMatchObject({ stage: 'negotiation', nextDeadlineAt: open?.dueAt, nextDeadlineKind: open?.kind });

    const last = (await auditRepository.listForCase(store, record.id)).at(-1);
    expect(last).toMatchObject({
      action: 'case.stage_changed',
      actorId: 'med-ana',
      caseId: record.id,
      data: { transition: 'start_negotiation', from_stage: 'new', to_stage: 'negotiation', to_sub_state: 'awaiting_brand_response' },
    });
  });

  it('settles the deadline a transition answers (brand responded → brand_response met)', async () => {
    const record = caseIn('new');
    const started = await caseRepository.applyTransition(store, { caseId: record.id, transition: { type: 'start_negotiation' }, expectedVersion: 1 }, NOW);
    const answered = await caseRepository.applyTransition(
      store,
      { caseId: record.id, transition: { type: 'brand_responded' }, expectedVersion: started.version },
      later(60),
    );
    const response = answered.deadlines.find((d) => d.kind === 'brand_response' && d.startsAt === NOW.toISOString());
    expect(response?.status).toBe('met');
  });

  it('refuses a stale version as conflict and changes nothing', async () => {
    const record = caseIn('new');
    await caseRepository.applyTransition(store, { caseId: record.id, transition: { type: 'start_negotiation' }, expectedVersion: 1 }, NOW);
    const before = await caseRepository.get(store, record.id);
    const auditBefore = (await auditRepository.listForCase(store, record.id)).length;
    expect(
      await codeOf(caseRepository.applyTransition(store, { caseId: record.id, transition: { type: 'close', outcome: 'expired' }, expectedVersion: 1 }, NOW)),
    ).toBe('conflict');
    expect(await caseRepository.get(store, record.id)).toEqual(before);
    expect(await auditRepository.listForCase(store, record.id)).toHaveLength(auditBefore);
  });

  it('refuses a move the stage machine does not allow as invalid_transition', async () => {
    const record = caseIn('new');
    expect(
      await codeOf(caseRepository.applyTransition(store, { caseId: record.id, transition: { type: 'parties_accepted' }, expectedVersion: 1 }, NOW)),
    ).toBe('invalid_transition');
    expect((await caseRepository.get(store, record.id)).version).toBe(1);
  });

  it('closes and reopens, setting and clearing closedAt and the outcome', async () => {
    const record = caseIn('negotiation', 'in_negotiation');
    const closed = await caseRepository.applyTransition(
      store,
      { caseId: record.id, transition: { type: 'close', outcome: 'resolved_in_negotiation' }, expectedVersion: 1 },
      later(1),
    );
    expect(closed).toMatchObject({ stage: 'closed', outcome: 'resolved_in_negotiation', closedFromStage: 'negotiation', closedAt: later(1).toISOString() });
    expect(closed.deadlines.some((d) => d.kind === 'rating_amendment' && d.status === 'open')).toBe(true);
    const reopened = await caseRepository.applyTransition(
      store,
      { caseId: record.id, transition: { type: 'reopen', reason: 'new_evidence' }, expectedVersion: 2 },
      later(2),
    );
    expect(reopened).toMatchObject({ stage: 'negotiation', subState: 'awaiting_brand_response', outcome: null, closedAt: null, version: 3 });
  });

  it('answers not_found for an unknown case', async () => {
    expect(await codeOf(caseRepository.applyTransition(store, { caseId: 'nope', transition: { type: 'start_negotiation' }, expectedVersion: 1 }, NOW))).toBe(
      'not_found',
    );
    expect(await codeOf(caseRepository.get(store, 'nope'))).toBe('not_found');
  });
});

describe('audit_log', () => {
  it('is append-only: UPDATE and DELETE are refused by the database itself', async () => {
    const count = store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(count).toBe(bundles.length);
    expect(() => store.sqlite.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(count);
  });

  it('refuses data that is not codes, so case text cannot leak into it', async () => {
    await expect(
      store.write((trx) =>
        auditRepository.append(trx, { at: NOW.toISOString(), actorId: 'med-ana', action: 'note.added', caseId: null, entityId: null, data: { body: 'Texto libre' } }),
      ),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('rolls back with the change it records', async () => {
    const before = store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await expect(
      store.write(async (trx) => {
        await auditRepository.append(trx, { at: NOW.toISOString(), actorId: 'med-ana', action: 'note.added', caseId: null, entityId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
