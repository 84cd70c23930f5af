import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../shared/contract/operations';
import type { Result } from '../../shared/contract/result';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCore, type MesaCore } from '../../electron/core/core';
import { DEMO_MEDIATORS } from '../../electron/core/demo/generator';
import { NOW, makeTempDir, removeDir, sha256OfFile } from './support/fixtures';

let dir: string;
let core: MesaCore | undefined;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  core?.close();
  core = undefined;
  await removeDir(dir);
});

const open = async (demoCases = 0, file = 'mesa.sqlite') => {
  core = await openCore({ databasePath: join(dir, file), host: 'web', appVersion: '1.2.3', demoCases, now: () => NOW });
  return core;
};
const call = (c: MesaCore, name: string, input?: unknown) => dispatch(c.handlers, name, input);
const valueOf = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

describe('openCore', () => {
  it('seeds the demo mediators, the local user and the demo cases into an empty store, once', async () => {
    const c = await open(120);
    const info = valueOf<{ user: { id: string; role: string }; caseCount: number; host: string; version: string; locale: string }>(await call(c, 'getAppInfo', {}));
    const firstMediator = DEMO_MEDIATORS.find((m) => m.role === 'mediator');
    expect(info).toEqual({ version: '1.2.3', host: 'web', locale: 'es-CL', user: firstMediator, caseCount: 120 });
    c.close();

    const again = await open(500); // not empty any more: no second seeding
    expect(valueOf<{ caseCount: number }>(await call(again, 'getAppInfo', {})).caseCount).toBe(120);
  });

  it('serves the demo data in the shapes the contract promises', async () => {
    const c = await open(150);
    const page = valueOf(await call(c, 'listCases', { limit: 50 }));
    expect(() => operations.listCases.output.parse(page)).not.toThrow();
    for (const row of (page as { rows: Array<{ id: string }> }).rows.slice(0, 20)) {
      const detail = valueOf(await call(c, 'getCase', { caseId: row.id }));
      expect(() => operations.getCase.output.parse(detail)).not.toThrow();
      const timeline = valueOf(await call(c, 'getCaseTimeline', { caseId: row.id }));
      expect(() => operations.getCaseTimeline.output.parse(timeline)).not.toThrow();
    }
  });

  it('emits caseChanged after every case or note write, and not after reads or refused writes', async () => {
    const c = await open(30);
    const seen: string[] = [];
    c.events.subscribe((name, payload) => seen.push(`${name}:${'caseId' in payload ? payload.caseId : ''}`));
    const { rows } = valueOf<{ rows: Array<{ id: string }> }>(await call(c, 'listCases', { stages: ['new'], limit: 1 }));
    const caseId = rows[0]?.id as string;
    expect(caseId).toBeDefined();
    await call(c, 'getCase', { caseId });
    expect(seen).toEqual([]);

    const note = valueOf<{ id: string; version: number }>(await call(c, 'addNote', { caseId, body: '  Nota  ' }));
    await call(c, 'updateNote', { noteId: note.id, body: 'Nota editada', expectedVersion: 1 });
    await call(c, 'deleteNote', { noteId: note.id });
    const detail = valueOf<{ version: number }>(await call(c, 'getCase', { caseId }));
    await call(c, 'transitionCase', { caseId, transition: { type: 'start_negotiation' }, expectedVersion: detail.version });
    expect(seen).toEqual(Array.from({ length: 4 }, () => `caseChanged:${caseId}`));

    const stale = await call(c, 'transitionCase', { caseId, transition: { type: 'brand_responded' }, expectedVersion: detail.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(seen).toHaveLength(4);
  });

  it('answers db_unavailable after close (and close is idempotent)', async () => {
    const c = await open(3);
    c.close();
    c.close();
    expect(await call(c, 'listCases', {})).toMatchObject({ ok: false, error: { code: 'db_unavailable' } });
  });

  it('reads and updates settings', async () => {
    const c = await open();
    expect(valueOf(await call(c, 'getSettings', {}))).toEqual({ locale: 'es-CL' });
    expect(valueOf(await call(c, 'updateSettings', { locale: 'en' }))).toEqual({ locale: 'en' });
    expect(valueOf<{ locale: string }>(await call(c, 'getAppInfo', {})).locale).toBe('en');
  });

  it('refuses unknown operations and invalid input through dispatch, before any handler runs', async () => {
    const c = await open(5);
    expect(await call(c, 'dropAllCases', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(await call(c, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(await call(c, 'getCase', { caseId: "'; DROP TABLE cases; --" })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'caseId' }] },
    });
    expect(await call(c, 'listCases', { search: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(c, 'listCases', { sort: { field: 'description', direction: 'asc' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(c, 'addNote', { caseId: 'case-000001', body: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(c, 'getSettings', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call(c, 'getCase', { caseId: 'case-999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(valueOf<{ caseCount: number }>(await call(c, 'getAppInfo', {})).caseCount).toBe(5);
  });

  it.each([
    ['random bytes', 'db_corrupt', async (path: string) => writeFile(path, randomBytes(8192))],
    ['a text file', 'db_corrupt', async (path: string) => writeFile(path, 'not a database, just some notes\n'.repeat(200))],
  ] as const)('never rejects on %s: every operation answers %s and the file is untouched', async (_label, code, prepare) => {
    const path = join(dir, 'mesa.sqlite');
    await prepare(path);
    const before = await sha256OfFile(path);
    const c = await open(10);
    for (const name of operationNames) {
      const result = await call(c, name, name === 'getCase' || name === 'listNotes' || name === 'getCaseTimeline' ? { caseId: 'x' } : {});
      if (result.ok === false && result.error.code === 'invalid_input') continue;
      expect(result, name).toMatchObject({ ok: false, error: { code } });
    }
    c.close();
    expect(await sha256OfFile(path)).toBe(before);
  });

  it('never rejects on a store from a newer version: db_newer_version, file untouched', async () => {
    (await open()).close();
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const raw = new BetterSqlite3(join(dir, 'mesa.sqlite'));
    raw.pragma('user_version = 999');
    raw.close();
    const before = await sha256OfFile(join(dir, 'mesa.sqlite'));
    const c = await open();
    expect(await call(c, 'getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'db_newer_version' } });
    expect(await sha256OfFile(join(dir, 'mesa.sqlite'))).toBe(before);
  });

  it('never rejects when the path cannot be a database (a directory): db_unavailable', async () => {
    core = await openCore({ databasePath: dir, host: 'electron', appVersion: '1.0.0' });
    expect(await call(core, 'listCases', {})).toMatchObject({ ok: false, error: { code: 'db_unavailable' } });
    core.close();
  });
});
