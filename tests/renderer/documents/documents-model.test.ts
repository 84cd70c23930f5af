import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../shared/contract/documents';
import { formatBytes, shortHash, stepZoom } from '../../../renderer/src/features/documents/document-format';
import { categoryCounts, groupDocuments, isTooLarge, redactedCopies } from '../../../renderer/src/features/documents/list/documents-model';
import { countMatches, normalizeForSearch, pageOfMatch, stepMatch } from '../../../renderer/src/features/documents/pdf/text-search';
import { regionFromDrag, toFraction } from '../../../renderer/src/features/documents/redaction/regions';
import { sheetChanged } from '../../../renderer/src/features/documents/hearing/sheet-fields';
import { snippetParts } from '../../../renderer/src/features/documents/search/snippet';

const doc = (id: string, over: Partial<DocumentView> = {}): DocumentView => ({
  id,
  caseId: '01900000-0000-7000-8000-000000000001',
  fileName: `${id}.pdf`,
  category: 'boleta',
  submittedBy: 'consumer',
  visibility: 'joint',
  receivedAt: '2026-11-20T12:00:00.000Z',
  sizeBytes: 1000,
  mediaType: 'application/pdf',
  kind: 'pdf',
  sha256: 'a'.repeat(64),
  source: 'platform',
  availability: 'local',
  integrity: 'ok',
  upload: 'sent',
  uploadProblem: null,
  redactedFrom: null,
  pageCount: 1,
  textIndexed: true,
  problem: null,
  ...over,
});

describe('document list model', () => {
  const docs = [
    doc('a', { category: 'cartola', receivedAt: '2026-11-19T10:00:00.000Z' }),
    doc('b', { category: 'boleta', receivedAt: '2026-11-18T10:00:00.000Z', submittedBy: 'company' }),
    doc('c', { category: 'boleta', receivedAt: '2026-11-21T10:00:00.000Z' }),
    doc('d', { category: 'otro', submittedBy: 'mediator', source: 'redaction', redactedFrom: 'c', receivedAt: '2026-11-22T10:00:00.000Z' }),
  ];

  it('groups by category in the contract order, newest first within a group', () => {
    const groups = groupDocuments(docs, { category: 'all', party: 'all' });
    expect(groups.map((g) => g.category)).toEqual(['boleta', 'cartola', 'otro']);
    expect(groups[0]?.documents.map((d) => d.id)).toEqual(['c', 'b']);
  });

  it('filters by category and by who filed the document', () => {
    expect(groupDocuments(docs, { category: 'boleta', party: 'company' }).flatMap((g) => g.documents.map((d) => d.id))).toEqual(['b']);
    expect(groupDocuments(docs, { category: 'all', party: 'mediator' }).flatMap((g) => g.documents.map((d) => d.id))).toEqual(['d']);
    expect(groupDocuments(docs, { category: 'contrato', party: 'all' })).toEqual([]);
  });

  it('counts only the categories in use, in the contract order', () => {
    expect([...categoryCounts(docs)]).toEqual([
      ['boleta', 2],
      ['cartola', 1],
      ['otro', 1],
    ]);
  });

  it('links an original to its redacted copies', () => {
    const copies = redactedCopies(docs);
    expect(copies.get('c')?.map((d) => d.id)).toEqual(['d']);
    expect(copies.has('a')).toBe(false);
  });

  it('refuses files over the limit before sending them', () => {
    expect(isTooLarge({ size: 11 }, 10)).toBe(true);
    expect(isTooLarge({ size: 10 }, 10)).toBe(false);
  });
});

describe('formatting', () => {
  it('sizes in binary units with Chilean decimals', () => {
    expect(formatBytes(0, 'es-CL')).toBe('0 B');
    expect(formatBytes(812, 'es-CL')).toBe('812 B');
    expect(formatBytes(1434, 'es-CL')).toBe('1,4 KB');
    expect(formatBytes(200 * 1024 * 1024, 'es-CL')).toBe('200 MB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
  });

  it('short hashes are the first 12 hex digits', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });

  it('zoom steps up and down and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.25, -1)).toBe(0.25);
  });
});

describe('search in page text', () => {
  it('ignores case and accents', () => {
    expect(normalizeForSearch('Cámara ÑANDÚ')).toBe('camara nandu');
    expect(countMatches('La cámara llegó rota. CAMARA nueva.', 'camara')).toBe(2);
    expect(countMatches('aaaa', 'aa')).toBe(2);
    expect(countMatches('texto', '   ')).toBe(0);
  });

  it('steps through matches across pages and wraps', () => {
    const matches = [
      { page: 2, count: 2 },
      { page: 7, count: 1 },
    ];
    expect(pageOfMatch(matches, 0)).toBe(2);
    expect(pageOfMatch(matches, 1)).toBe(2);
    expect(pageOfMatch(matches, 2)).toBe(7);
    expect(pageOfMatch(matches, 3)).toBeNull();
    expect(stepMatch(matches, 2, 1)).toBe(0);
    expect(stepMatch(matches, 0, -1)).toBe(2);
    expect(stepMatch([], 0, 1)).toBeNull();
  });
});

describe('redaction rectangles', () => {
  const box = { left: 100, top: 50, width: 400, height: 200 };

  it('turns pointer positions into fractions of the page, clamped to it', () => {
    expect(toFraction(box, 300, 150)).toEqual({ x: 0.5, y: 0.5 });
    expect(toFraction(box, 0, 1000)).toEqual({ x: 0, y: 1 });
  });

  it('normalises a drag in any direction, keeps it on the page, ignores clicks', () => {
    const region = regionFromDrag(3, { x: 0.6, y: 0.8 }, { x: 0.2, y: 0.3 });
    expect(region).toMatchObject({ page: 3, x: 0.2, y: 0.3 });
    expect(region?.width).toBeCloseTo(0.4);
    expect(region?.height).toBeCloseTo(0.5);
    expect(regionFromDrag(1, { x: 0.5, y: 0.5 }, { x: 0.501, y: 0.7 })).toBeNull();
    const edge = regionFromDrag(1, { x: 0.9, y: 0.9 }, { x: 1, y: 1 });
    expect(edge && edge.x + edge.width).toBeLessThanOrEqual(1);
  });
});

describe('preparation sheet', () => {
  const empty = { consumerPosition: '', companyPosition: '', interests: '', issues: '', options: '', notes: '' };
  it('has something to save only when a field changed', () => {
    expect(sheetChanged(empty, { ...empty })).toBe(false);
    expect(sheetChanged({ ...empty, options: 'Devolución del 50 %' }, empty)).toBe(true);
  });
});

describe('search snippets', () => {
  it('splits «marked» words from the rest, never parsing markup', () => {
    expect(snippetParts('Courier: «Chilexpress» Estado: <b>x</b>')).toEqual([
      { text: 'Courier: ', hit: false },
      { text: 'Chilexpress', hit: true },
      { text: ' Estado: <b>x</b>', hit: false },
    ]);
    expect(snippetParts('«a» y «b»').filter((p) => p.hit).map((p) => p.text)).toEqual(['a', 'b']);
    expect(snippetParts('sin marcas')).toEqual([{ text: 'sin marcas', hit: false }]);
  });
});
