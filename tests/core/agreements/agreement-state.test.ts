import { describe, expect, it } from 'vitest';
import { agreementState, outdatedDecisions, versionSummaries, type AgreementRows } from '../../../electron/core/agreements/agreement-state';
import type { AgreementFulfilmentTable, AgreementVersionsTable, PlatformAgreementsTable } from '../../../electron/core/agreements/tables';

const CASE = 'case-1';
const sha = (n: number): string => String(n).repeat(64).slice(0, 64);

const local = (number: number, patch: Partial<AgreementVersionsTable> = {}): AgreementVersionsTable => ({
  case_id: CASE,
  number,
  template_id: 'reembolso_total',
  content: '{}',
  variables: '{}',
  sha256: sha(number),
  based_on: number > 1 ? number - 1 : null,
  based_on_stale: 0,
  saved_at: `2026-11-0${number}T12:00:00.000Z`,
  saved_by: 'user-1',
  sent_at: null,
  send_client_id: null,
  delivery: 'not_sent',
  ...patch,
});

const remote = (number: number, patch: Partial<PlatformAgreementsTable> = {}): PlatformAgreementsTable => ({
  id: `${CASE}-a${number}`,
  case_id: CASE,
  number,
  status: 'sent',
  consumer_decision: 'pending',
  company_decision: 'pending',
  consumer_reason: null,
  company_reason: null,
  consumer_decided_at: null,
  company_decided_at: null,
  content_sha256: sha(number),
  sent_at: '2026-11-10T12:00:00.000Z',
  updated_at: '2026-11-10T12:00:00.000Z',
  version: 1,
  ...patch,
});

const accepted = (number: number): PlatformAgreementsTable =>
  remote(number, { status: 'accepted', consumer_decision: 'accepted', company_decision: 'accepted', consumer_decided_at: '2026-11-11T12:00:00.000Z', company_decided_at: '2026-11-11T13:00:00.000Z' });

const rows = (patch: Partial<AgreementRows> = {}): AgreementRows => ({
  caseRecord: { id: CASE, stage: 'mediation', subState: 'agreement_drafting', outcome: null },
  versions: [],
  platform: [],
  fulfilment: [],
  deadlines: [],
  ...patch,
});

describe('versionSummaries', () => {
  it('joins local versions with what the platform reports, newest first', () => {
    const summaries = versionSummaries(
      rows({ versions: [local(1, { sent_at: '2026-11-02T00:00:00.000Z', delivery: 'delivered' }), local(2, { based_on: 1, based_on_stale: 1 }), local(3)], platform: [remote(1, { status: 'rejected', consumer_decision: 'rejected', consumer_reason: 'Muy largo' })] }),
      false,
    );
    expect(summaries.map((s) => s.number)).toEqual([3, 2, 1]);
    expect(summaries[0]).toMatchObject({ status: 'draft', locked: false, delivery: 'not_sent', remoteOnly: false, sha256: sha(3), sentAt: null });
    expect(summaries[1]).toMatchObject({ basedOn: 1, basedOnStale: true });
    // The platform's word wins once it has the version, with the party's reason.
    expect(summaries[2]).toMatchObject({ status: 'rejected', locked: true, consumer: { decision: 'rejected', reason: 'Muy largo' }, company: { decision: 'pending' } });
  });

  it('a version sent but not yet on the platform is sent and locked; one only the platform knows is remote-only', () => {
    const summaries = versionSummaries(rows({ versions: [local(2, { sent_at: '2026-11-05T00:00:00.000Z', delivery: 'pending' })], platform: [remote(1)] }), false);
    expect(summaries[0]).toMatchObject({ number: 2, status: 'sent', locked: true, delivery: 'pending' });
    expect(summaries[1]).toMatchObject({ number: 1, remoteOnly: true, savedAt: null, delivery: 'delivered', sha256: sha(1), sentAt: '2026-11-10T12:00:00.000Z' });
  });

  it('locks every version once the agreement is final', () => {
    expect(versionSummaries(rows({ versions: [local(1)] }), true)[0]?.locked).toBe(true);
  });
});

describe('outdatedDecisions', () => {
  it('reports, per party, the newest decision on a version older than the current one', () => {
    const summaries = versionSummaries(
      rows({
        versions: [local(1), local(2), local(3)],
        platform: [remote(1, { company_decision: 'rejected' }), remote(2, { company_decision: 'accepted', company_decided_at: '2026-11-12T00:00:00.000Z' }), remote(3)],
      }),
      false,
    );
    expect(outdatedDecisions(summaries)).toEqual([{ party: 'company', decision: 'accepted', versionNumber: 2, currentNumber: 3, decidedAt: '2026-11-12T00:00:00.000Z' }]);
  });

  it('is empty with no versions or no decisions on older ones', () => {
    expect(outdatedDecisions([])).toEqual([]);
    expect(outdatedDecisions(versionSummaries(rows({ versions: [local(1)], platform: [accepted(1)] }), false))).toEqual([]);
  });
});

describe('agreementState', () => {
  it('may send the newest local draft only when nothing is unfilled', () => {
    const state = rows({ versions: [local(1)] });
    expect(agreementState(state, []).canSend).toBe(true);
    expect(agreementState(state, ['monto_reembolso']).canSend).toBe(false);
    expect(agreementState(state, null).canSend).toBe(false);
    expect(agreementState(rows({ versions: [local(1, { sent_at: '2026-11-02T00:00:00.000Z' })] }), []).canSend).toBe(false);
    expect(agreementState(rows({ versions: [local(1)], caseRecord: { id: CASE, stage: 'closed', subState: null, outcome: 'no_agreement' } }), []).canSend).toBe(false);
  });

  it('says why the case cannot be closed: not accepted, wrong stage; and allows it when both accepted', () => {
    expect(agreementState(rows(), null)).toMatchObject({ canClose: false, closeBlockedBy: 'not_accepted', templateId: null, currentSentNumber: null, fulfilment: null, final: false });
    expect(agreementState(rows({ versions: [local(1)], platform: [remote(1)] }), []).closeBlockedBy).toBe('not_accepted');
    expect(agreementState(rows({ versions: [local(1)], platform: [accepted(1)], caseRecord: { id: CASE, stage: 'mediation', subState: 'in_progress', outcome: null } }), []).closeBlockedBy).toBe('wrong_stage');
    const ready = agreementState(rows({ versions: [local(1), local(2, { sent_at: '2026-11-03T00:00:00.000Z', delivery: 'delivered' })], platform: [accepted(2)] }), []);
    expect(ready).toMatchObject({ canClose: true, closeBlockedBy: null, currentSentNumber: 2, templateId: 'reembolso_total' });
    // A newer draft after the accepted version needs acceptance again.
    expect(agreementState(rows({ versions: [local(1, { sent_at: '2026-11-02T00:00:00.000Z' }), local(2)], platform: [accepted(1)] }), []).closeBlockedBy).toBe('not_accepted');
  });

  const fulfilment = (patch: Partial<AgreementFulfilmentTable> = {}): AgreementFulfilmentTable => ({
    case_id: CASE,
    version_number: 2,
    deadline_id: 'deadline-1',
    closed_at: '2026-11-15T12:00:00.000Z',
    status: 'pending',
    note: null,
    recorded_at: null,
    ...patch,
  });
  const closed = { id: CASE, stage: 'closed', subState: null, outcome: 'agreement_in_mediation' } as const;

  it('is final once closed with the agreement; the fulfilment date comes from its deadline, in Chile', () => {
    // 2026-12-04T02:59:59.999Z is the end of 3 December in Santiago (summer time, −03).
    const state = agreementState(
      rows({ caseRecord: closed, versions: [local(2, { sent_at: '2026-11-03T00:00:00.000Z' })], platform: [accepted(2)], fulfilment: [fulfilment()], deadlines: [{ id: 'deadline-1', dueAt: '2026-12-04T02:59:59.999Z' }] }),
      [],
    );
    expect(state).toMatchObject({ final: true, canClose: false, closeBlockedBy: 'locked', canSend: false });
    expect(state.versions.every((v) => v.locked)).toBe(true);
    expect(state.fulfilment).toEqual({ deadlineId: 'deadline-1', versionNumber: 2, dueDate: '2026-12-03', dueAt: '2026-12-04T02:59:59.999Z', status: 'pending', note: null, recordedAt: null });
  });

  it('a closing whose deadline row is gone shows no tracked fulfilment rather than failing', () => {
    const state = agreementState(rows({ caseRecord: closed, versions: [local(2)], fulfilment: [fulfilment()], deadlines: [{ id: 'other', dueAt: '2026-12-04T02:59:59.999Z' }] }), []);
    expect(state.final).toBe(true);
    expect(state.fulfilment).toBeNull();
  });

  it('is not final when the case was reopened after closing with the agreement', () => {
    const reopened = agreementState(rows({ caseRecord: { id: CASE, stage: 'mediation', subState: 'pending_acceptance', outcome: null }, versions: [local(2)], fulfilment: [fulfilment({ status: 'fulfilled' })], deadlines: [{ id: 'deadline-1', dueAt: '2026-12-04T02:59:59.999Z' }] }), []);
    expect(reopened.final).toBe(false);
    expect(reopened.fulfilment?.status).toBe('fulfilled');
  });
});
