import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementCatalogue, AgreementState } from '../../shared/contract/agreements';
import type { AppErrorShape } from '../../shared/contract/errors';
import type { CaseDetailView } from '../../shared/contract/cases';
import { openAgreementHarness, type AgreementHarness } from './support/agreement-harness';
import { control, platformQuery, waitFor } from './support/platform';

/**
 * The agreement flow against the real reference platform on 127.0.0.1 and a real SQLite file:
 * start from a template → save versions → send through the outbox → the simulated parties
 * decide → close the case with 'agreement_in_mediation' → fulfilment tracked and recorded;
 * the reject path; a decision arriving for an outdated version; bad drafts refused with
 * nothing lost.
 */
let h: AgreementHarness;
let cases: readonly string[];
const call = <T>(name: string, input: unknown): Promise<T> => h.call<T>(name, input);
const refusal = (name: string, input: unknown) => h.refusal(name, input);
const reasons = (error: AppErrorShape) => (error.issues ?? []).map((i) => i.reason);
const agreement = (caseId: string) => h.agreement(caseId);
const sync = () => h.sync();
const saveFilled = (caseId: string) => h.saveFilled(caseId);
const decide = (caseId: string, body: Record<string, unknown>) => control(h.server, 'POST', `/__control/cases/${caseId}/agreements/decide`, body);

beforeAll(async () => {
  h = await openAgreementHarness();
  cases = h.cases;
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('agreement acceptance flow', () => {
  it('start → save → send → both accept → close with agreement → fulfilment tracked → recorded', async () => {
    const caseId = cases[0] as string;
    const catalogue = await call<AgreementCatalogue>('listAgreementTemplates', {});
    expect(catalogue.templates.map((t) => t.id)).toContain('reembolso_total');

    const started = await call<AgreementState>('startAgreement', { caseId, templateId: 'reembolso_total' });
    expect(started.versions).toHaveLength(1);
    expect(started.latest?.number).toBe(1);
    expect((await call<CaseDetailView>('getCase', { caseId })).subState).toBe('agreement_drafting');

    const saved = await saveFilled(caseId);
    expect(saved.latest).toMatchObject({ number: 2, basedOn: 1, basedOnStale: false, status: 'draft', unfilledVariables: [] });
    expect(saved.canSend).toBe(true);
    expect(reasons(await refusal('sendAgreement', { caseId, number: 1 }))).toEqual(['not_latest']);

    await control(h.server, 'PUT', '/__control/agreement-replies', { enabled: true, delayMs: 0 });
    const sent = await call<AgreementState>('sendAgreement', { caseId, number: 2 });
    expect(sent.latest).toMatchObject({ status: 'sent', locked: true, delivery: 'pending' });
    await sync();
    const received = (await control(h.server, 'GET', `/__control/cases/${caseId}/agreements`)) as { agreements: Array<{ agreement: { number: number; contentSha256: string }; text: { text: string } | null }> };
    const onPlatform = received.agreements.find((a) => a.agreement.number === 2);
    expect(onPlatform?.agreement.contentSha256).toBe(sent.latest?.sha256);
    expect(onPlatform?.text?.text).toContain('ACTA DE ACUERDO');

    const accepted = await waitFor(async () => {
      await sync();
      const state = await agreement(caseId);
      return state.latest?.status === 'accepted' ? state : null;
    }, 'both parties accept version 2');
    expect(accepted.latest).toMatchObject({ delivery: 'delivered', consumer: { decision: 'accepted' }, company: { decision: 'accepted' } });
    expect(accepted.canClose).toBe(true);

    const closed = await call<AgreementState>('closeCaseWithAgreement', { caseId });
    expect(closed.final).toBe(true);
    expect(closed.fulfilment).toMatchObject({ versionNumber: 2, status: 'pending' });
    const detail = await call<CaseDetailView>('getCase', { caseId });
    expect(detail).toMatchObject({ stage: 'closed', outcome: 'agreement_in_mediation' });
    await sync();
    expect(JSON.parse(platformQuery<{ bundle: string }>(h.dir, 'SELECT bundle FROM cases WHERE id = ?', caseId)[0]?.bundle ?? '{}').case).toMatchObject({ stage: 'closed', outcome: 'agreement_in_mediation' });
    // The platform's bundle after the close did not take the fulfilment away.
    expect((await agreement(caseId)).fulfilment?.status).toBe('pending');

    // Final: no new version, no fulfilment before the agreed date.
    expect(reasons(await refusal('saveAgreementVersion', { caseId, basedOn: 2, content: closed.latest?.content, variables: closed.latest?.variables }))).toEqual(['locked']);
    expect(reasons(await refusal('recordFulfilment', { caseId, fulfilled: true, note: '' }))).toEqual(['fulfilment_not_due']);

    h.setClock(new Date(Date.parse(closed.fulfilment?.dueAt ?? '') + 60_000));
    const fulfilled = await call<AgreementState>('recordFulfilment', { caseId, fulfilled: true, note: 'Reembolso acreditado' });
    expect(fulfilled.fulfilment).toMatchObject({ status: 'fulfilled', note: 'Reembolso acreditado' });
    expect(reasons(await refusal('recordFulfilment', { caseId, fulfilled: false, note: '' }))).toEqual(['fulfilment_recorded']);
    h.setClock(null);

    // Reopened and closed again with the same accepted version: a fresh fulfilment to track.
    for (const transition of [{ type: 'reopen', reason: 'agreement_not_fulfilled' }, { type: 'parties_accepted' }, { type: 'start_agreement_drafting' }]) {
      await call<CaseDetailView>('transitionCase', { caseId, expectedVersion: (await call<CaseDetailView>('getCase', { caseId })).version, transition });
    }
    const reclosed = await call<AgreementState>('closeCaseWithAgreement', { caseId });
    expect(reclosed.fulfilment).toMatchObject({ versionNumber: 2, status: 'pending', note: null });
  }, 60_000);

  it('a rejection with a reason blocks closing; a new version needs acceptance again; a decision for the old version is shown, not applied', async () => {
    const caseId = cases[1] as string;
    await control(h.server, 'PUT', '/__control/agreement-replies', { enabled: false });
    await call('startAgreement', { caseId, templateId: 'reembolso_total' });
    await saveFilled(caseId);
    await call('sendAgreement', { caseId, number: 2 });
    await sync();
    await decide(caseId, { role: 'consumer', number: 2, decision: 'rejected', reason: 'El plazo es muy largo' });
    await sync();
    const rejected = await agreement(caseId);
    expect(rejected.latest).toMatchObject({ status: 'rejected', consumer: { decision: 'rejected', reason: 'El plazo es muy largo' } });
    expect(rejected.closeBlockedBy).toBe('not_accepted');
    expect(reasons(await refusal('closeCaseWithAgreement', { caseId }))).toEqual(['not_accepted']);

    // Version 3 from version 2; sent; the company then accepts the OLD version 2.
    const v3 = await call<AgreementState>('saveAgreementVersion', { caseId, basedOn: 2, content: rejected.latest?.content, variables: rejected.latest?.variables });
    expect(v3.latest).toMatchObject({ number: 3, status: 'draft', consumer: { decision: 'pending' } });
    await call('sendAgreement', { caseId, number: 3 });
    await sync();
    await decide(caseId, { role: 'company', number: 2, decision: 'accepted' });
    await sync();
    const state = await agreement(caseId);
    expect(state.latest).toMatchObject({ number: 3, status: 'sent', company: { decision: 'pending' } });
    expect(state.versions.find((v) => v.number === 2)).toMatchObject({ company: { decision: 'accepted' } });
    expect(state.outdatedDecisions).toContainEqual(expect.objectContaining({ party: 'company', decision: 'accepted', versionNumber: 2, currentNumber: 3 }));
    expect(state.canClose).toBe(false);
  }, 60_000);
});

describe('bad drafts: clear errors, nothing lost', () => {
  it('refuses a non-integer CLP amount, an unknown variable, an unknown condition and malformed content; the versions stay as they were', async () => {
    const caseId = cases[1] as string;
    const before = await agreement(caseId);
    const latest = before.latest;
    if (!latest) throw new Error('no version');
    const save = (content: unknown, variables: unknown) => refusal('saveAgreementVersion', { caseId, basedOn: latest.number, content, variables });

    const amount = await save(latest.content, { ...latest.variables, monto_reembolso: 1500.5 });
    expect(amount.code).toBe('invalid_input');
    expect(amount.issues).toContainEqual(expect.objectContaining({ path: 'variables.monto_reembolso', reason: 'invalid_amount' }));

    const [first, ...rest] = latest.content.clauses;
    if (!first) throw new Error('no clause');
    const withUnknownVariable = { ...latest.content, clauses: [{ ...first, blocks: [{ type: 'paragraph', runs: [{ text: 'Pagará {{monto_inventado}}.' }] }] }, ...rest] };
    expect(reasons(await save(withUnknownVariable, latest.variables))).toContain('missing_variable');

    const withUnknownCondition = { ...latest.content, clauses: [{ ...first, when: ['si_llueve'] }, ...rest] };
    expect(reasons(await save(withUnknownCondition, latest.variables))).toContain('unknown_condition');

    const malformed = await save({ title: 42, clauses: 'no' }, latest.variables);
    expect(malformed.code).toBe('invalid_input');
    expect(new Set(reasons(malformed))).toEqual(new Set(['malformed_content']));

    const after = await agreement(caseId);
    expect(after.versions).toEqual(before.versions);
    expect(after.latest?.content).toEqual(latest.content);
  });

  it('a version row cannot be changed or deleted, even by direct SQL', () => {
    const sqlite = new BetterSqlite3(join(h.dir, 'mesa.sqlite'), { timeout: 5_000 });
    try {
      expect(() => sqlite.prepare(`UPDATE agreement_versions SET content = '{}' WHERE case_id = ?`).run(cases[1])).toThrow(/agreement_version_immutable/);
      expect(() => sqlite.prepare(`UPDATE agreement_versions SET sent_at = '2020-01-01T00:00:00.000Z' WHERE case_id = ? AND sent_at IS NOT NULL`).run(cases[1])).toThrow(/agreement_version_immutable/);
      expect(() => sqlite.prepare(`DELETE FROM agreement_versions WHERE case_id = ?`).run(cases[1])).toThrow(/agreement_version_immutable/);
    } finally {
      sqlite.close();
    }
  });

  it('a save based on an older version is kept as a new version and flagged', async () => {
    const caseId = cases[1] as string;
    const before = await agreement(caseId);
    const old = await call<{ content: unknown; variables: unknown }>('getAgreementVersion', { caseId, number: 2 });
    const saved = await call<AgreementState>('saveAgreementVersion', { caseId, basedOn: 2, content: old.content, variables: old.variables });
    expect(saved.latest).toMatchObject({ number: (before.latest?.number ?? 0) + 1, basedOn: 2, basedOnStale: true });
  });
});
