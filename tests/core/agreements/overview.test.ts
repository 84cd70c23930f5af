import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgreementOverviewState, type AgreementOverview, type AgreementState } from '../../../shared/contract/agreements';
import { endOfLocalDay } from '../../../shared/domain/deadlines';
import { addDays } from '../../../shared/domain/zoned-day';
import { openAgreementHarness, type AgreementHarness } from '../../sync/support/agreement-harness';
import { control, waitFor } from '../../sync/support/platform';

/**
 * The Acuerdos section across cases, on a real SQLite store fed by the real reference platform
 * on 127.0.0.1: agreements drafted, sent through the outbox, decided by the simulated parties,
 * the case closed with one and its fulfilment tracked. Each case's row follows (triggers on the
 * tables its state is made of); the clock splits a pending fulfilment into due soon / overdue.
 */
let h: AgreementHarness;
const overview = (input: unknown = {}) => h.call<AgreementOverview>('listAgreementOverview', input);
const rowOf = async (caseId: string) => (await overview()).rows.find((row) => row.caseId === caseId);
const decide = (caseId: string, role: 'consumer' | 'company', number: number, decision: 'accepted' | 'rejected') =>
  control(h.server, 'POST', `/__control/cases/${caseId}/agreements/decide`, { role, number, decision, reason: decision === 'rejected' ? 'Monto insuficiente' : undefined });
/** Sends the latest version and syncs until the platform has it. */
async function sendLatest(caseId: string): Promise<number> {
  const saved = await h.saveFilled(caseId);
  const number = saved.latest?.number ?? 0;
  await h.call('sendAgreement', { caseId, number });
  await waitFor(async () => {
    await h.sync();
    return (await h.agreement(caseId)).latest?.delivery === 'delivered' ? true : null;
  }, `version ${number} delivered`);
  return number;
}
async function syncUntil(caseId: string, state: string): Promise<void> {
  await waitFor(async () => {
    await h.sync();
    return (await rowOf(caseId))?.state === state ? true : null;
  }, `${caseId} reaches ${state}`);
}

beforeAll(async () => {
  h = await openAgreementHarness(3);
  await control(h.server, 'PUT', '/__control/agreement-replies', { enabled: false });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe('listAgreementOverview', () => {
  it('follows each case through its states and sorts what needs the mediator first', async () => {
    const [decided, rejected, closed] = h.cases as [string, string, string];
    // The platform seeds agreements on other cases (known only there): they are listed too.
    const before = await overview();
    expect(before.rows.some((row) => h.cases.includes(row.caseId))).toBe(false);
    expect(before.rows.length).toBeGreaterThan(0);

    await h.call('startAgreement', { caseId: decided, templateId: 'reembolso_total' });
    expect(await rowOf(decided)).toMatchObject({ state: 'draft', number: 1, status: 'draft', consumer: 'pending', company: 'pending', stage: 'mediation', fulfilment: null });

    for (const caseId of [rejected, closed]) await h.call('startAgreement', { caseId, templateId: 'reembolso_total' });
    const sentNumber = await sendLatest(decided);
    expect(await rowOf(decided)).toMatchObject({ state: 'awaiting_parties', number: sentNumber, status: 'sent' });
    await decide(decided, 'consumer', sentNumber, 'accepted');
    await syncUntil(decided, 'decision_received');
    expect(await rowOf(decided)).toMatchObject({ consumer: 'accepted', company: 'pending' });

    const rejectedNumber = await sendLatest(rejected);
    await decide(rejected, 'company', rejectedNumber, 'rejected');
    await syncUntil(rejected, 'rejected');

    const closedNumber = await sendLatest(closed);
    await decide(closed, 'consumer', closedNumber, 'accepted');
    await decide(closed, 'company', closedNumber, 'accepted');
    await syncUntil(closed, 'ready_to_close');
    const state = await h.call<AgreementState>('closeCaseWithAgreement', { caseId: closed });
    const due = state.fulfilment?.dueDate ?? '';
    expect(due).not.toBe('');

    // The clock decides whether the agreed date is far, near or past.
    h.setClock(new Date(`${addDays(due, -30)}T15:00:00.000Z`));
    expect(await rowOf(closed)).toMatchObject({ state: 'fulfilment_pending', stage: 'closed', fulfilment: { dueDate: due, status: 'pending' } });
    h.setClock(new Date(`${addDays(due, -3)}T15:00:00.000Z`));
    expect((await rowOf(closed))?.state).toBe('fulfilment_due_soon');
    h.setClock(new Date(new Date(endOfLocalDay(due)).getTime() + 60_000));
    const late = await overview();
    const ours = late.rows.filter((row) => h.cases.includes(row.caseId));
    expect(ours.map((row) => [row.caseId, row.state])).toEqual([
      [decided, 'decision_received'],
      [closed, 'fulfilment_overdue'],
      [rejected, 'rejected'],
    ]);
    // Every row is sorted by its state's rank, the seeded ones included.
    const ranks = late.rows.map((row) => AgreementOverviewState.options.indexOf(row.state));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const added = (state: AgreementOverviewState) => late.counts[state] - before.counts[state];
    expect([added('decision_received'), added('fulfilment_overdue'), added('rejected'), added('fulfilment_due_soon')]).toEqual([1, 1, 1, 0]);
    expect(late.matching).toBe(before.matching + 3);
    expect(late.matching).toBe(Object.values(late.counts).reduce((a, b) => a + b, 0));

    const filtered = await overview({ states: ['rejected', 'fulfilment_overdue'] });
    expect(new Set(filtered.rows.map((row) => row.state))).toEqual(new Set(['rejected', 'fulfilment_overdue']));
    expect(filtered.rows.filter((row) => h.cases.includes(row.caseId)).map((row) => row.caseId)).toEqual([closed, rejected]);
    expect(filtered.matching).toBe(late.counts.rejected + late.counts.fulfilment_overdue);
    expect((await overview({ limit: 1 })).rows).toHaveLength(1);

    await h.call('recordFulfilment', { caseId: closed, fulfilled: true, note: 'Reembolso recibido' });
    expect(await rowOf(closed)).toMatchObject({ state: 'fulfilled', fulfilment: { status: 'fulfilled', dueDate: due } });
    h.setClock(null);
  }, 60_000);

  it('refuses an unknown state and a limit out of range', async () => {
    for (const input of [{ states: ['everything'] }, { limit: 0 }, { limit: 10_000 }]) {
      const error = await h.refusal('listAgreementOverview', input);
      expect(error.code).toBe('invalid_input');
    }
  });
});
