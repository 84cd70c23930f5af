import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedChange, FeedPage } from '../../shared/platform/feed';
import { call, casesInDb, errorCode, signIn, startHarness, type Harness, type Server } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cases: 300, messagesPerCase: 6 });
});
afterAll(() => h.close());

const caseOf = (change: FeedChange): string => {
  switch (change.type) {
    case 'case.upsert':
    case 'case.stage_changed':
      return change.bundle.case.id;
    case 'case.unassigned':
      return change.caseId;
    case 'message.created':
      return change.message.caseId;
    case 'document.upsert':
      return change.document.caseId;
    case 'session.upsert':
      return change.session.caseId;
    case 'agreement.upsert':
      return change.agreement.caseId;
  }
};

/** Pulls the whole feed with pages of a random size (1-97), checking the cursor never repeats. */
async function pullAll(server: Server, token: string, random: () => number): Promise<{ changes: FeedChange[]; pages: number }> {
  const changes: FeedChange[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const limit = String(1 + Math.floor(random() * 97));
    const answer = await call(server, 'feed', { token, query: cursor === undefined ? { limit } : { cursor, limit } });
    expect(answer.status).toBe(200);
    const page = answer.json as FeedPage;
    expect(page.changes.length).toBeLessThanOrEqual(Number(limit));
    pages += 1;
    changes.push(...page.changes);
    if (!page.hasMore) return { changes, pages };
    expect(page.cursor).not.toBe(cursor);
    cursor = page.cursor;
  }
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe('caseloads', () => {
  it('spreads the cases over every mediator and keeps mediation designations with the generator', () => {
    const cases = casesInDb(h.db);
    expect(cases).toHaveLength(300);
    const perMediator = new Map<string, number>();
    for (const c of cases) perMediator.set(c.mediator_id, (perMediator.get(c.mediator_id) ?? 0) + 1);
    expect(perMediator.size).toBe(5);
    for (const c of cases) {
      if (c.stage === 'mediation') expect(c.assignment).toBe(c.sub_state === 'pending_acceptance' ? 'pending' : 'accepted');
      if (c.stage === 'new' || c.stage === 'negotiation') expect(c.assignment).toBeNull();
    }
  });

  it('gives a mediator exactly their assigned cases in /v1/cases, and the administrator all', async () => {
    const cases = casesInDb(h.db);
    for (const account of h.server.accounts) {
      const token = await signIn(h.server, account.userId);
      const answer = await call(h.server, 'assignedCases', { token });
      const listed = (answer.json as { cases: { caseId: string; version: number; assignment: string | null }[] }).cases;
      const expected = account.role === 'administrator' ? cases : cases.filter((c) => c.mediator_id === account.userId);
      expect(listed).toEqual(expected.map((c) => ({ caseId: c.id, version: c.version, assignment: c.assignment })));
    }
  });
});

describe('feed', () => {
  it('pages every visible change exactly once, in seq order, and nothing of another caseload', async () => {
    const owner = new Map(casesInDb(h.db).map((c) => [c.id, c.mediator_id]));
    const random = seededRandom(Date.now() % 100_000);
    for (const account of h.server.accounts) {
      const token = await signIn(h.server, account.userId);
      const { changes, pages } = await pullAll(h.server, token, random);
      expect(pages).toBeGreaterThan(1);
      const seqs = changes.map((c) => c.seq);
      const expected = (
        account.role === 'administrator'
          ? h.db.prepare<[], { seq: number }>('SELECT seq FROM changes WHERE admin_visible = 1 ORDER BY seq').all()
          : h.db.prepare<[string], { seq: number }>('SELECT seq FROM changes WHERE audience = ? ORDER BY seq').all(account.userId)
      ).map((row) => row.seq);
      expect(seqs).toEqual(expected);
      if (account.role === 'mediator') for (const change of changes) expect(owner.get(caseOf(change))).toBe(account.userId);
      // Every case of the caseload arrives whole before anything else of it.
      const seen = new Set<string>();
      for (const change of changes) {
        if (change.type === 'case.upsert') seen.add(change.bundle.case.id);
        else expect(seen.has(caseOf(change))).toBe(true);
      }
    }
  });

  it('answers an empty last page with the same cursor and hasMore false', async () => {
    const token = await signIn(h.server, 'med-tomas-herrera');
    const { changes } = await pullAll(h.server, token, () => 0.99);
    expect(changes.length).toBeGreaterThan(0);
    let cursor: string | undefined;
    for (;;) {
      const page = (await call(h.server, 'feed', { token, query: cursor ? { cursor, limit: '1000' } : { limit: '1000' } })).json as FeedPage;
      if (!page.hasMore && page.changes.length === 0) {
        expect(page.cursor).toBe(cursor);
        break;
      }
      cursor = page.cursor;
    }
  });

  it('refuses garbage, foreign and out-of-range cursors and limits with 400 invalid_request', async () => {
    const token = await signIn(h.server, 'med-valentina-soto');
    const foreign = Buffer.from('abcdef012345.10').toString('base64url');
    const queries: Record<string, string>[] = [{ cursor: 'bm90LWEtY3Vyc29y' }, { cursor: '!!!' }, { cursor: foreign }, { limit: '0' }, { limit: '1001' }, { limit: 'many' }];
    for (const query of queries) {
      const answer = await call(h.server, 'feed', { token, query });
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(errorCode(answer)).toBe('invalid_request');
    }
  });
});
