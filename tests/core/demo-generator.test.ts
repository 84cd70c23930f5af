import { describe, expect, it } from 'vitest';
import { DEMO_MEDIATORS, generateDemoCases, MAX_DEMO_CASES } from '../../electron/core/demo/generator';
import { CaseBundle } from '../../shared/domain/case';
import { computeDueAt, localDateOf } from '../../shared/domain/deadlines';
import { escalationCriteria } from '../../shared/domain/eligibility';
import { isValidStageSlot, OUTCOME_ORIGINS } from '../../shared/domain/stage-machine';

const now = new Date('2026-11-22T15:00:00.000Z');
const take = (count: number, seed = 7, at = now) => [...generateDemoCases({ seed, count, now: at, mediators: DEMO_MEDIATORS })];
const ID = /^[A-Za-z0-9_-]+$/;
const DAY = 86_400_000;

// One shared sample; every invariant below is checked on all of it.
const sample = take(4_000);

describe('determinism', () => {
  it('gives identical output for the same seed and different output for another seed', () => {
    expect(JSON.stringify(take(300))).toBe(JSON.stringify(take(300)));
    expect(JSON.stringify(take(50, 8))).not.toBe(JSON.stringify(take(50, 7)));
  });

  it('does not depend on count: the first cases of a larger run are the same cases', () => {
    expect(take(40)).toEqual(take(400).slice(0, 40));
  });

  it('streams lazily: asking for a million and taking three is instant', () => {
    const iterator = generateDemoCases({ seed: 1, count: MAX_DEMO_CASES, now });
    const first = [iterator.next(), iterator.next(), iterator.next()];
    expect(first.every((r) => !r.done)).toBe(true);
  });

  it.each([-1, 1.5, MAX_DEMO_CASES + 1])('refuses count %s', (count) => {
    expect(() => generateDemoCases({ seed: 1, count, now }).next()).toThrow(RangeError);
  });
});

describe('validity', () => {
  it('produces bundles that pass CaseBundle.parse', () => {
    for (const bundle of sample) expect(() => CaseBundle.parse(bundle)).not.toThrow();
  });

  it('uses unique ids and folios of the documented shape', () => {
    const ids = new Set<string>();
    const folios = new Set<string>();
    for (const { case: c, parties, deadlines } of sample) {
      expect(c.id).toMatch(/^case-\d{6}$/);
      expect(c.folio).toMatch(/^RL-\d{4}-\d{6}$/);
      expect(c.folio.slice(3, 7)).toBe(localDateOf(c.filedAt).slice(0, 4));
      expect(parties.map((p) => p.id)).toEqual([`${c.id}-c`, `${c.id}-e`]);
      for (const id of [c.id, ...parties.map((p) => p.id), ...deadlines.map((d) => d.id)]) {
        expect(id).toMatch(ID);
        expect(ids.has(id)).toBe(false);
        ids.add(id);
      }
      folios.add(c.folio);
    }
    expect(folios.size).toBe(sample.length);
  });
});

describe('consistency with the domain rules', () => {
  it('keeps stage, sub-state, outcome and closing fields consistent', () => {
    for (const { case: c } of sample) {
      expect(isValidStageSlot(c.stage, c.subState)).toBe(true);
      const closed = c.stage === 'closed';
      expect(c.outcome !== null).toBe(closed);
      expect(c.closedAt !== null).toBe(closed);
      expect(c.closedFromStage !== null).toBe(closed);
      if (c.outcome && c.closedFromStage) expect(OUTCOME_ORIGINS[c.outcome][c.closedFromStage]).toBeDefined();
    }
  });

  it('escalates only eligible cases, records their criteria and assigns a mediator', () => {
    const mediatorIds = new Set(DEMO_MEDIATORS.filter((m) => m.role === 'mediator').map((m) => m.id));
    for (const { case: c } of sample) {
      const reachedMediation = c.stage === 'mediation' || c.closedFromStage === 'mediation';
      expect(c.escalationCriteria.length > 0).toBe(reachedMediation);
      expect(c.assignedMediatorId !== null).toBe(reachedMediation);
      if (reachedMediation) {
        expect(c.escalationCriteria).toEqual(escalationCriteria(c));
        expect(mediatorIds.has(c.assignedMediatorId ?? '')).toBe(true);
      }
    }
  });

  it('places every date in order and before now', () => {
    const nowMs = now.getTime();
    for (const { case: c } of sample) {
      const filed = Date.parse(c.filedAt);
      expect(filed).toBeGreaterThanOrEqual(nowMs - 549 * DAY);
      expect(filed).toBeLessThanOrEqual(nowMs);
      expect(Date.parse(c.updatedAt)).toBeGreaterThanOrEqual(filed);
      expect(Date.parse(c.updatedAt)).toBeLessThanOrEqual(nowMs);
      if (c.closedAt) expect(c.closedAt).toBe(c.updatedAt);
      const filedLocal = localDateOf(c.filedAt);
      expect(c.purchaseDate < filedLocal).toBe(true);
      if (c.deliveryDate) expect(c.purchaseDate <= c.deliveryDate && c.deliveryDate <= filedLocal).toBe(true);
    }
  });

  it('computes every deadline with deadlines.ts and keeps open ones only where the stage runs them', () => {
    const openKindFor: Record<string, string | undefined> = {
      'negotiation/awaiting_brand_response': 'brand_response',
      'mediation/pending_acceptance': 'mediation_acceptance',
      'mediation/in_progress': 'mediation_window',
      'mediation/agreement_drafting': 'mediation_window',
    };
    let overdue = 0;
    for (const { case: c, deadlines } of sample) {
      for (const d of deadlines) {
        expect(d.caseId).toBe(c.id);
        expect(d.dueAt).toBe(computeDueAt({ startsAt: d.startsAt, count: d.count, days: d.days }));
        expect(d.startsAt >= c.filedAt).toBe(true);
      }
      const open = deadlines.filter((d) => d.status === 'open');
      if (c.stage === 'closed') {
        // Only a recent resolution keeps its rating window open.
        for (const d of open) {
          expect(d.kind).toBe('rating_amendment');
          expect(Date.parse(d.dueAt)).toBeGreaterThanOrEqual(now.getTime());
        }
        continue;
      }
      const expected = openKindFor[`${c.stage}/${c.subState}`];
      expect(open.map((d) => d.kind)).toEqual(expected ? [expected] : []);
      if (open.some((d) => Date.parse(d.dueAt) < now.getTime())) overdue++;
    }
    expect(overdue).toBeGreaterThan(0); // some active cases are late, so the UI has something to flag
  });

  it('has met and breached deadlines among closed cases', () => {
    const statuses = new Set(sample.filter((b) => b.case.stage === 'closed').flatMap((b) => b.deadlines.map((d) => d.status)));
    expect(statuses).toEqual(new Set(['met', 'breached', 'cancelled', 'open']));
  });
});

describe('realism', () => {
  it('has the intended stage and outcome mix', () => {
    const share = (predicate: (b: CaseBundle) => boolean) => sample.filter(predicate).length / sample.length;
    expect(share((b) => b.case.stage === 'closed')).toBeCloseTo(0.7, 1);
    expect(share((b) => b.case.stage === 'negotiation')).toBeCloseTo(0.15, 1);
    expect(share((b) => b.case.stage === 'mediation')).toBeCloseTo(0.08, 1);
    expect(share((b) => b.case.stage === 'new')).toBeCloseTo(0.07, 1);
    const closed = sample.filter((b) => b.case.stage === 'closed');
    const resolved = closed.filter((b) => b.case.outcome === 'resolved_in_negotiation').length;
    expect(resolved / closed.length).toBeGreaterThan(0.6);
    expect(new Set(closed.map((b) => b.case.outcome)).size).toBe(6);
  });

  it('uses integer CLP amounts from thousands to millions, often ending in 990', () => {
    const amounts = sample.map((b) => b.case.amountClp);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(1_000);
    expect(Math.min(...amounts)).toBeLessThan(20_000);
    expect(Math.max(...amounts)).toBeGreaterThan(1_000_000);
    // Quantities and shipping fees change the ending of some totals, as on real receipts.
    expect(amounts.filter((a) => a % 1000 === 990).length / amounts.length).toBeGreaterThan(0.4);
    expect(amounts.every(Number.isInteger)).toBe(true);
  });

  it('writes varied Spanish text with every placeholder filled', () => {
    const descriptions = sample.map((b) => b.case.description);
    expect(new Set(descriptions).size / descriptions.length).toBeGreaterThan(0.98);
    for (const text of [...descriptions, ...sample.map((b) => b.case.requestedRemedy)]) expect(text).not.toMatch(/[{}]/);
    for (const word of ['Chilexpress', 'Starken', 'Blue Express', 'refrigerador', 'zapatillas', 'notebook']) {
      expect(descriptions.some((d) => d.includes(word))).toBe(true);
    }
  });

  it('gives companies 76/77 million RUTs and most consumers a RUT', () => {
    for (const { parties } of sample) {
      const company = parties.find((p) => p.role === 'company');
      expect(company?.rut).toMatch(/^7[67]\d{6}-[\dK]$/);
    }
    const withRut = sample.filter((b) => b.parties.find((p) => p.role === 'consumer')?.rut).length;
    expect(withRut / sample.length).toBeGreaterThan(0.9);
  });
});

describe('options', () => {
  it('assigns only the mediators it is given', () => {
    const only = DEMO_MEDIATORS.filter((m) => m.id === 'med-tomas-herrera');
    const bundles = [...generateDemoCases({ seed: 3, count: 300, now, mediators: only })];
    const assigned = new Set(bundles.map((b) => b.case.assignedMediatorId).filter((id) => id !== null));
    expect(assigned).toEqual(new Set(['med-tomas-herrera']));
  });

  it('refuses to invent a mediator when none is given', () => {
    expect(() => [...generateDemoCases({ seed: 3, count: 300, now, mediators: [] })]).toThrow(/mediator/);
  });

  it('never files before the holiday table starts, even when now is early in it', () => {
    const early = new Date('2025-03-01T12:00:00.000Z');
    for (const { case: c } of take(500, 5, early)) {
      expect(localDateOf(c.filedAt) >= '2025-01-01').toBe(true);
      expect(Date.parse(c.updatedAt)).toBeLessThanOrEqual(early.getTime());
    }
  });
});
