import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseBundle } from '../../shared/domain/case';
import type { Store } from '../../electron/core/db/store';
import { toSafeFtsQuery } from '../../electron/core/repositories/fts-query';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { noteRepository } from '../../electron/core/repositories/note-repository';
import { NOW, makeBundles, makeTempDir, openTestStore, removeDir } from './support/fixtures';

let dir: string;
let store: Store;
let bundles: CaseBundle[];
let special: CaseBundle;

beforeAll(async () => {
  dir = await makeTempDir();
  store = await openTestStore(dir);
  bundles = makeBundles(400, 3);
  special = bundles[17] as CaseBundle;
  special.case.description = 'Compré una cafetera Oster y llegó con la carcasa trizada. Pido la devolución o el cambio.';
  special.case.orderNumber = 'OC-ZX-98765';
  special.case.requestedRemedy = 'Reembolso íntegro';
  await caseRepository.importBundles(store, bundles, NOW);
});
afterAll(async () => {
  store.close();
  await removeDir(dir);
});

const idsFor = async (search: string): Promise<string[]> =>
  (await caseRepository.listPage(store, { search, limit: 500 }, NOW)).rows.map((r) => r.id);

const matchesInJs = (b: CaseBundle, needle: RegExp) =>
  [b.case.description, b.case.requestedRemedy, b.case.brandName, b.case.storeName, ...b.parties.map((p) => p.name)].some((t) =>
    needle.test(t.normalize('NFD').replace(/\p{M}/gu, '')),
  );

describe('toSafeFtsQuery', () => {
  it('quotes every token, prefixes the last, keeps a word as one phrase', () => {
    expect(toSafeFtsQuery('devolución cafet')).toBe('"devolución" "cafet"*');
    expect(toSafeFtsQuery('RL-2026-000017')).toBe('"RL 2026 000017"*');
    expect(toSafeFtsQuery('a OR b')).toBe('"a" "OR" "b"*');
    expect(toSafeFtsQuery('NEAR(x y)')).toBe('"NEAR x" "y"*');
  });
  it('gives null for text with nothing searchable', () => {
    for (const text of ['', '   ', '"', '*', '()', '- - -', '"*"^:']) expect(toSafeFtsQuery(text)).toBeNull();
  });
});

describe('full-text search in the case list', () => {
  it('finds accented words without accents, and unaccented with accents', async () => {
    expect(await idsFor('devolucion cafetera')).toEqual([special.case.id]);
    expect(await idsFor('REEMBOLSO ÍNTEGRO')).toEqual([special.case.id]);
    expect(await idsFor('integro')).toEqual([special.case.id]);
  });

  it('prefix-matches the last token only', async () => {
    expect(await idsFor('cafet')).toEqual([special.case.id]);
    expect(await idsFor('trizad')).toEqual([special.case.id]);
    expect(await idsFor('carcasa cafet')).toEqual([special.case.id]);
    expect(await idsFor('cafet carcasa')).toEqual([]); // "cafet" is not last: a whole word, not a prefix
    expect(await idsFor('cafe carcasa')).toEqual([]);
  });

  it('finds folio, order number, brand and party names', async () => {
    expect(await idsFor(special.case.folio)).toEqual([special.case.id]);
    expect(await idsFor('OC-ZX-98765')).toEqual([special.case.id]);
    const consumer = special.parties.find((p) => p.role === 'consumer')?.name ?? '';
    const expected = bundles.filter((b) => b.parties.some((p) => p.name === consumer)).map((b) => b.case.id).sort();
    expect((await idsFor(consumer)).sort()).toEqual(expected);
  });

  it('agrees with a JS scan for a common word (accent-insensitive)', async () => {
    const expected = bundles.filter((b) => matchesInJs(b, /\bdevolucion\b/i)).map((b) => b.case.id).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect((await idsFor('devolución')).sort()).toEqual(expected);
  });

  it('finds a case through its private notes', async () => {
    const target = bundles[200] as CaseBundle;
    await noteRepository.add(store, { caseId: target.case.id, body: 'La consumidora prefiere conciliación telefónica' }, NOW);
    expect(await idsFor('conciliacion telefo')).toEqual([target.case.id]);
  });

  it('combines search with filters and counts the total', async () => {
    const page = await caseRepository.listPage(store, { search: 'devolucion', stages: [special.case.stage], limit: 1 }, NOW);
    const expected = bundles.filter((b) => b.case.stage === special.case.stage && matchesInJs(b, /\bdevolucion\b/i));
    expect(page.total).toBe(expected.length);
    expect(page.rows).toHaveLength(1);
  });

  it('never lets hostile input become FTS syntax or an SQL error', async () => {
    const hostile = [
      '"',
      '""',
      '"devolución',
      '*',
      'devol*',
      '* OR *',
      'NEAR(',
      'NEAR(devolución cafetera, 2)',
      'OR',
      'AND',
      'NOT',
      'devolución OR',
      '-devolución',
      '- - -',
      '(',
      ')',
      '(devolución',
      'description:devolución',
      '{description} : x',
      '^devolución',
      'devolución + cafetera',
      "'; DROP TABLE cases; --",
      '\u0000',
      '\u0301',
      '😀 emoji',
      'ñandú 日本語 العربية',
      'x'.repeat(10_240),
      'devolución '.repeat(1_000),
      Array.from({ length: 2_000 }, (_, i) => `w${i}`).join(' '),
    ];
    for (const text of hostile) {
      await expect(caseRepository.listPage(store, { search: text, limit: 5 }, NOW), JSON.stringify(text.slice(0, 40))).resolves.toBeDefined();
    }
    // Operator words are searched as words: nothing in the data says "near" or "or".
    expect(await idsFor('NEAR(')).toEqual([]);
    expect(await idsFor('OR')).toEqual([]);
    // Punctuation-only input means "no filter", not "error".
    expect((await caseRepository.listPage(store, { search: '"*()', limit: 1 }, NOW)).total).toBe(bundles.length);
    // Quoted and prefixed operators around a real word still find it.
    expect(await idsFor('"cafetera')).toEqual([special.case.id]);
    expect(await idsFor('(cafetera)')).toEqual([special.case.id]);
    expect(await caseRepository.count(store)).toBe(bundles.length);
  });
});
