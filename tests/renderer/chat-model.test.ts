import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/contract/sync';
import { byTime, composerBlock, groupByDay, isAtBottom, isOwn, upsertMessage } from '../../renderer/src/features/cases/chat/chat-model';

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  id: 'm1',
  clientId: null,
  caseId: 'c1',
  channel: 'joint',
  authorRole: 'consumer',
  authorName: 'Ana Pérez',
  body: 'Hola',
  sentAt: '2026-11-20T12:00:00.000Z',
  delivery: 'sent',
  failure: null,
  ...over,
});

describe('groupByDay', () => {
  it('groups by the Santiago calendar day, not the UTC one', () => {
    // 02:30 UTC on the 21st is still the evening of the 20th in Santiago (UTC-3 in November).
    const list = [
      message({ id: 'a', sentAt: '2026-11-20T15:00:00.000Z' }),
      message({ id: 'b', sentAt: '2026-11-21T02:30:00.000Z' }),
      message({ id: 'c', sentAt: '2026-11-21T03:30:00.000Z' }),
    ];
    const groups = groupByDay(list, '2026-11-21T12:00:00.000Z');
    expect(groups.map((g) => [g.day, g.relative, g.messages.map((m) => m.id)])).toEqual([
      ['2026-11-20', 'yesterday', ['a', 'b']],
      ['2026-11-21', 'today', ['c']],
    ]);
  });

  it('gives no relative label to older days', () => {
    const groups = groupByDay([message({ sentAt: '2026-11-01T15:00:00.000Z' })], '2026-11-21T12:00:00.000Z');
    expect(groups[0]?.relative).toBeNull();
  });
});

describe('upsertMessage', () => {
  it('replaces the pending copy with the sent one (same clientId, new id) and keeps time order', () => {
    const clientId = '019a0000-0000-7000-8000-000000000001';
    const pending = message({ id: 'local-1', clientId, authorRole: 'mediator', delivery: 'pending', sentAt: '2026-11-20T12:05:00.000Z' });
    const earlier = message({ id: 'x', sentAt: '2026-11-20T12:00:00.000Z' });
    const list = upsertMessage([earlier], pending);
    const sent = { ...pending, id: 'platform-9', delivery: 'sent' as const, sentAt: '2026-11-20T12:06:00.000Z' };
    const next = upsertMessage(list, sent);
    expect(next.map((m) => [m.id, m.delivery])).toEqual([
      ['x', 'sent'],
      ['platform-9', 'sent'],
    ]);
    expect(list).toHaveLength(2); // the input list was not mutated
  });

  it('orders equal times by id', () => {
    expect([message({ id: 'b' }), message({ id: 'a' })].sort(byTime).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('composer rules', () => {
  it('never lets the mediator write in the negotiation history', () => {
    expect(composerBlock('negotiation', 'mediation')).toBe('negotiation');
  });
  it('opens the other channels only in mediation', () => {
    expect(composerBlock('joint', 'mediation')).toBeNull();
    expect(composerBlock('caucus_company', 'mediation')).toBeNull();
    expect(composerBlock('caucus_consumer', 'closed')).toBe('stage');
    expect(composerBlock('joint', 'negotiation')).toBe('stage');
  });
  it('closes the writable channels when no platform is configured', () => {
    expect(composerBlock('joint', 'mediation', false)).toBe('no_platform');
  });
  it('closes every channel of a case that left the caseload (or was declined), whatever its stage', () => {
    expect(composerBlock('joint', 'mediation', true, true)).toBe('unassigned');
    expect(composerBlock('caucus_company', 'closed', true, true)).toBe('unassigned');
    expect(composerBlock('negotiation', 'mediation', true, true)).toBe('negotiation');
  });
  it("treats the mediator's messages as the user's own", () => {
    expect(isOwn({ authorRole: 'mediator' })).toBe(true);
    expect(isOwn({ authorRole: 'company' })).toBe(false);
  });
});

describe('isAtBottom', () => {
  it('counts a few pixels from the end as the bottom', () => {
    expect(isAtBottom({ scrollTop: 980, scrollHeight: 1500, clientHeight: 500 })).toBe(true);
    expect(isAtBottom({ scrollTop: 900, scrollHeight: 1500, clientHeight: 500 })).toBe(false);
    expect(isAtBottom({ scrollTop: 0, scrollHeight: 300, clientHeight: 500 })).toBe(true);
  });
});
