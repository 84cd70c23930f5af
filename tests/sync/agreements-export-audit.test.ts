import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../electron/core/pdf/pdfjs-node';
import { reminderText } from '../../electron/core/schedule/reminder-text';
import type { AgreementState } from '../../shared/contract/agreements';
import type { CaseDetailView, CaseListPage } from '../../shared/contract/cases';
import type { FileLink } from '../../shared/contract/files';
import type { Agenda } from '../../shared/contract/schedule';
import type { AuditEntry } from '../../shared/domain/people';
import { auditDetails, createTranslator } from '../../shared/i18n';
import { openAgreementHarness, type AgreementHarness } from './support/agreement-harness';
import { control, mediatorAccount, platformQuery, waitFor } from './support/platform';

/**
 * What the agreement flow leaves behind, against the real reference platform and a real
 * SQLite file: exported actas (a link whose bytes hash to the SHA-256 in the audit log; a real
 * DOCX and PDF), the audit trail of every agreement action, and the fulfilment deadline in the
 * case's deadlines, the agenda and the reminders, met or breached when fulfilment is recorded.
 */
let h: AgreementHarness;
let cases: readonly string[];
const call = <T>(name: string, input: unknown): Promise<T> => h.call<T>(name, input);
const refusal = (name: string, input: unknown) => h.refusal(name, input);
const agreement = (caseId: string) => h.agreement(caseId);
const timeline = (caseId: string) => call<AuditEntry[]>('getCaseTimeline', { caseId });
const sync = () => h.sync();
const saveFilled = (caseId: string) => h.saveFilled(caseId);

/** start → fill → send → both parties accept → close with the agreement. */
async function closeWithAgreement(caseId: string): Promise<AgreementState> {
  await call('startAgreement', { caseId, templateId: 'reembolso_total' });
  const saved = await saveFilled(caseId);
  await control(h.server, 'PUT', '/__control/agreement-replies', { enabled: true, delayMs: 0 });
  await call('sendAgreement', { caseId, number: saved.latest?.number });
  await waitFor(async () => {
    await sync();
    return (await agreement(caseId)).latest?.status === 'accepted' ? true : null;
  }, 'both parties accept');
  return call<AgreementState>('closeCaseWithAgreement', { caseId });
}

/** The bytes behind a link, through the same file responder the hosts use. */
async function bytesOf(link: FileLink): Promise<Buffer> {
  const token = link.url.slice(link.url.lastIndexOf('/') + 1);
  const response = await h.core.files.respond(token, { method: 'GET' });
  expect(response.status).toBe(200);
  if (!response.body) throw new Error('no body');
  return (await readFile(response.body.path)).subarray(response.body.start, response.body.end + 1);
}

const platformFulfilment = (caseId: string): Record<string, unknown> | null => {
  const [row] = platformQuery<{ record: string }>(h.dir, 'SELECT record FROM agreement_fulfilments WHERE case_id = ?', caseId);
  return row ? (JSON.parse(row.record) as Record<string, unknown>) : null;
};
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const flat = (text: string): string => text.replace(/\s+/g, ' ');

beforeAll(async () => {
  h = await openAgreementHarness();
  cases = h.cases;
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('exportAgreement', () => {
  it('refuses a version with unfilled variables, listing each one, and records nothing', async () => {
    const caseId = cases[0] as string;
    const started = await call<AgreementState>('startAgreement', { caseId, templateId: 'reembolso_total' });
    const first = started.latest;
    if (!first) throw new Error('no version');
    // The mediator clears the amount and the period: version 2 cannot be exported until refilled.
    const { monto_reembolso: _amount, plazo_reembolso: _days, ...rest } = first.variables;
    const cleared = await call<AgreementState>('saveAgreementVersion', { caseId, basedOn: 1, content: first.content, variables: rest });
    const unfilled = cleared.latest?.unfilledVariables ?? [];
    expect(unfilled).toEqual(expect.arrayContaining(['monto_reembolso', 'plazo_reembolso']));
    for (const format of ['docx', 'pdf']) {
      const error = await refusal('exportAgreement', { caseId, number: 2, format });
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.map((i) => i.reason)).toEqual(unfilled.map(() => 'unfilled_variables'));
      expect(error.issues?.map((i) => i.path)).toEqual(unfilled.map((name) => `variables.${name}`));
    }
    expect((await refusal('exportAgreement', { caseId, number: 99, format: 'pdf' })).issues?.[0]?.reason).toBe('no_such_version');
    expect((await timeline(caseId)).filter((e) => e.action === 'agreement.exported')).toEqual([]);
  });

  it('DOCX: a real Word file behind an attachment link whose bytes hash to the SHA-256 in the audit log', async () => {
    const caseId = cases[0] as string;
    const saved = await saveFilled(caseId);
    const number = saved.latest?.number ?? 0;
    const { folio } = await call<CaseDetailView>('getCase', { caseId });
    const link = await call<FileLink>('exportAgreement', { caseId, number, format: 'docx' });
    expect(link).toMatchObject({ disposition: 'attachment', fileName: `Acta de acuerdo ${folio} v${number}.docx`, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const bytes = await bytesOf(link);
    expect(bytes.length).toBe(link.sizeBytes);
    expect(sha256(bytes)).toBe(link.sha256);

    const zip = await JSZip.loadAsync(bytes);
    const documentXml = await zip.file('word/document.xml')?.async('string');
    expect(documentXml).toContain('ACTA DE ACUERDO');
    expect(documentXml).toContain('ciento cincuenta mil pesos');

    const exported = (await timeline(caseId)).filter((e) => e.action === 'agreement.exported');
    expect(exported.map((e) => e.data)).toEqual([{ version: String(number), format: 'docx', sha256: link.sha256 }]);
    expect(auditDetails(createTranslator('es-CL').t, exported[0]?.data ?? {})).toEqual([`Versión ${number}`, `Archivo DOCX, SHA-256 ${link.sha256}`]);
  });

  it('PDF: starts with %PDF, pdf.js reads the clause text, and its SHA-256 is audited', async () => {
    const caseId = cases[0] as string;
    const number = (await agreement(caseId)).latest?.number ?? 0;
    const link = await call<FileLink>('exportAgreement', { caseId, number, format: 'pdf' });
    expect(link).toMatchObject({ disposition: 'attachment', mediaType: 'application/pdf' });
    expect(link.fileName).toMatch(/^Acta de acuerdo .+ v\d+\.pdf$/);
    const bytes = await bytesOf(link);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(bytes)).toBe(link.sha256);
    const text = flat((await extractText(new Uint8Array(bytes))).join(' '));
    expect(text).toContain('ACTA DE ACUERDO');
    expect(text).toContain('PRIMERO');
    expect(text).toContain('ciento cincuenta mil pesos');
    const audited = (await timeline(caseId)).filter((e) => e.action === 'agreement.exported').map((e) => e.data);
    expect(audited).toContainEqual({ version: String(number), format: 'pdf', sha256: link.sha256 });
  });
});

describe('audit trail and fulfilment deadline', () => {
  it('records every agreement action; the agreed date is a case deadline in the view, the agenda and the reminders; not fulfilled → breached', async () => {
    const caseId = cases[0] as string;
    const before = (await agreement(caseId)).latest?.number ?? 0;
    await control(h.server, 'PUT', '/__control/agreement-replies', { enabled: true, delayMs: 0 });
    await call('sendAgreement', { caseId, number: before });
    await waitFor(async () => {
      await sync();
      return (await agreement(caseId)).latest?.status === 'accepted' ? true : null;
    }, 'both parties accept');
    const closed = await call<AgreementState>('closeCaseWithAgreement', { caseId });
    const fulfilment = closed.fulfilment;
    if (!fulfilment) throw new Error('no fulfilment tracked');

    const deadlineOf = async () => (await call<CaseDetailView>('getCase', { caseId })).deadlines.find((d) => d.id === fulfilment.deadlineId);
    // 5 business days (the sample's periods) from the agreement's date: the acta's own wording.
    expect(await deadlineOf()).toMatchObject({ kind: 'agreement_fulfilment', status: 'open', dueAt: fulfilment.dueAt, count: 'business', days: 5 });
    // The platform's bundle after the close replaces the case's deadlines but not this one.
    await sync();
    expect((await deadlineOf())?.status).toBe('open');
    // …and the case list's next deadline still counts it (it falls before the rating window).
    const detail = await call<CaseDetailView>('getCase', { caseId });
    const [earliest] = detail.deadlines.filter((d) => d.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    expect(earliest?.kind).toBe('agreement_fulfilment');
    const row = (await call<CaseListPage>('listCases', { search: detail.folio, limit: 5 })).rows.find((r) => r.id === caseId);
    expect(row).toMatchObject({ nextDeadlineKind: 'agreement_fulfilment', nextDeadlineAt: fulfilment.dueAt });

    const from = new Date(Date.now() - 60_000).toISOString();
    const agenda = await call<Agenda>('listAgenda', { from, to: new Date(Date.parse(fulfilment.dueAt) + 60_000).toISOString() });
    expect(agenda.deadlines).toContainEqual(expect.objectContaining({ id: fulfilment.deadlineId, caseId, kind: 'agreement_fulfilment', dueAt: fulfilment.dueAt }));
    const { folio } = detail;
    const reminder = { kind: 'deadline', id: fulfilment.deadlineId, caseId, folio, at: fulfilment.dueAt, leadMinutes: 1440, subject: 'agreement_fulfilment' } as const;
    expect(reminderText(reminder, new Date(Date.parse(fulfilment.dueAt) - 86_400_000), 'es-CL').title).toBe(`Plazo de cumplimiento del acuerdo vence en 24 horas — caso ${folio}`);

    h.setClock(new Date(Date.parse(fulfilment.dueAt) + 60_000));
    const recorded = await call<AgreementState>('recordFulfilment', { caseId, fulfilled: false, note: 'No reembolsó' });
    expect(recorded.fulfilment?.status).toBe('not_fulfilled');
    expect((await deadlineOf())?.status).toBe('breached');
    h.setClock(null);

    // The platform is told through the outbox; the mediator's note stays on this machine.
    expect(platformFulfilment(caseId)).toBeNull();
    await sync();
    expect(platformFulfilment(caseId)).toMatchObject({ caseId, number: before, dueDate: fulfilment.dueDate, fulfilled: false });
    expect(JSON.stringify(platformFulfilment(caseId))).not.toContain('No reembolsó');

    const actions = (await timeline(caseId)).filter((e) => e.action.startsWith('agreement.'));
    expect(actions.map((e) => e.action)).toEqual([
      'agreement.started',
      'agreement.version_saved',
      'agreement.version_saved',
      'agreement.exported',
      'agreement.exported',
      'agreement.sent',
      'agreement.decision_received',
      'agreement.decision_received',
      'agreement.case_closed',
      'agreement.fulfilment_recorded',
    ]);
    const byAction = (action: string) => actions.filter((e) => e.action === action).map((e) => e.data);
    expect(byAction('agreement.started')).toEqual([{ template: 'reembolso_total', version: '1' }]);
    expect(byAction('agreement.version_saved')).toEqual([
      { version: '2', based_on: '1' },
      { version: String(before), based_on: '2' },
    ]);
    expect(byAction('agreement.sent')).toEqual([{ version: String(before) }]);
    expect(new Set(byAction('agreement.decision_received').map((d) => `${d.party}:${d.decision}:${d.version}`))).toEqual(new Set([`consumer:accepted:${before}`, `company:accepted:${before}`]));
    expect(byAction('agreement.case_closed')).toEqual([{ version: String(before), due_date: fulfilment.dueDate }]);
    expect(byAction('agreement.fulfilment_recorded')).toEqual([{ version: String(before), result: 'not_fulfilled' }]);
    // Codes only: no agreement text, no note in the audit log.
    expect(JSON.stringify(actions)).not.toContain('No reembolsó');
    expect(auditDetails(createTranslator('es-CL').t, byAction('agreement.fulfilment_recorded')[0] ?? {})).toEqual([`Versión ${before}`, 'Resultado: No cumplido']);
  }, 60_000);

  it('fulfilled → the deadline is met and the case has no open deadline of that kind left', async () => {
    const caseId = cases[1] as string;
    const closed = await closeWithAgreement(caseId);
    const fulfilment = closed.fulfilment;
    if (!fulfilment) throw new Error('no fulfilment tracked');
    h.setClock(new Date(Date.parse(fulfilment.dueAt) + 60_000));
    await call('recordFulfilment', { caseId, fulfilled: true, note: '' });
    h.setClock(null);
    await sync();
    expect(platformFulfilment(caseId)).toMatchObject({ caseId, fulfilled: true });
    const detail = await call<CaseDetailView>('getCase', { caseId });
    expect(detail.deadlines.find((d) => d.id === fulfilment.deadlineId)?.status).toBe('met');
    const page = await call<CaseListPage>('listCases', { search: detail.folio, limit: 5 });
    expect(page.rows.find((r) => r.id === caseId)?.nextDeadlineKind).not.toBe('agreement_fulfilment');
  }, 60_000);

  it('the platform takes a fulfilment once: the same record again is a replay, another one or a case not closed with it is a 409', async () => {
    const account = mediatorAccount(h.server, 0);
    const signIn = await fetch(`${h.server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) });
    const { token } = (await signIn.json()) as { token: string };
    const post = (caseId: string, body: Record<string, unknown>) =>
      fetch(`${h.server.url}/v1/cases/${caseId}/agreement-fulfilment`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const closedCase = cases[1] as string;
    const recorded = platformFulfilment(closedCase) as { number: number; dueDate: string; recordedAt: string };
    const same = { number: recorded.number, dueDate: recorded.dueDate, fulfilled: true, recordedAt: recorded.recordedAt };
    expect((await post(closedCase, { clientId: '018f0000-0000-7000-8000-000000000001', ...same })).status).toBe(200);
    expect((await post(closedCase, { clientId: '018f0000-0000-7000-8000-000000000002', ...same, fulfilled: false })).status).toBe(409);
    const inMediation = (await call<CaseListPage>('listCases', { stages: ['mediation'], limit: 1 })).rows[0]?.id;
    if (!inMediation) throw new Error('no case in mediation');
    expect((await post(inMediation, { clientId: '018f0000-0000-7000-8000-000000000003', ...same })).status).toBe(409);
    expect(platformFulfilment(closedCase)).toMatchObject({ fulfilled: true });
    expect(platformFulfilment(inMediation)).toBeNull();
  });
});
