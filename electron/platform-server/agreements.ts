// Agreements on the reference platform: the mediator sends a version (number, hash, rendered
// text); the parties decide on it (control API, or the simulated parties after a delay). Every
// change: the record saved with version + 1 and an 'agreement.upsert' appended to the feed, in
// one transaction with the idempotency row. A decision is tied to the version it was made on: a
// decision about an older version is recorded on that version and never on the current one.
import { z } from 'zod';
import type { Mediator } from '../../shared/domain/people';
import type { PartyRole } from '../../shared/domain/party';
import type { PlatformFulfilment, RecordFulfilmentRequest, SendAgreementRequest } from '../../shared/platform/agreements-api';
import type { PlatformAgreement } from '../../shared/platform/records';
import { transactional, type PlatformDb } from './database';
import { PlatformHttpError } from './http';
import type { Idempotency } from './idempotency';
import type { PlatformStore } from './store';
import type { WriteResult } from './writes';

export const agreementIdOf = (caseId: string, number: number): string => `${caseId}-a${number}`;

/** How the simulated parties answer a sent version (control API PUT /__control/agreement-replies). */
export const PartyReply = z.object({ decision: z.enum(['accepted', 'rejected']), reason: z.string().trim().min(1).max(2_000).optional() }).strict();
export const AgreementRepliesSettings = z
  .object({
    enabled: z.boolean(),
    delayMs: z.number().int().min(0).max(600_000).default(1_000),
    consumer: PartyReply.default({ decision: 'accepted' }),
    company: PartyReply.default({ decision: 'accepted' }),
  })
  .strict();
export type AgreementRepliesSettings = z.infer<typeof AgreementRepliesSettings>;

/** A decision the control API makes a party take, on any version (an old one too). */
export const PartyDecisionRequest = z.object({ role: z.enum(['consumer', 'company']), number: z.number().int().min(1) }).extend(PartyReply.shape).strict();

/** Pending versions become superseded when a newer one is sent; decided ones keep their status as history. */
function statusAfterDecision(record: PlatformAgreement): PlatformAgreement['status'] {
  if (record.status === 'superseded') return 'superseded';
  if (record.consumerDecision === 'rejected' || record.companyDecision === 'rejected') return 'rejected';
  if (record.consumerDecision === 'accepted' && record.companyDecision === 'accepted') return 'accepted';
  return 'sent';
}

export type AgreementWrites = ReturnType<typeof agreementWrites>;

export function agreementWrites(db: PlatformDb, store: PlatformStore, idempotency: Idempotency) {
  const getRecord = db.prepare<[string], { record: string }>('SELECT record FROM agreements WHERE id = ?');
  const recordsOfCase = db.prepare<[string], { record: string }>('SELECT record FROM agreements WHERE case_id = ? ORDER BY rowid');
  const insertRecord = db.prepare('INSERT INTO agreements (id, case_id, record) VALUES (?, ?, ?)');
  const updateRecord = db.prepare('UPDATE agreements SET record = ? WHERE id = ?');
  const insertText = db.prepare('INSERT INTO agreement_texts (agreement_id, title, text) VALUES (?, ?, ?)');
  const getText = db.prepare<[string], { title: string; text: string }>('SELECT title, text FROM agreement_texts WHERE agreement_id = ?');
  // Kept beside this module's writes (not in database.ts's schema) because only they use it.
  db.exec('CREATE TABLE IF NOT EXISTS agreement_fulfilments (case_id TEXT PRIMARY KEY, record TEXT NOT NULL)');
  const getFulfilment = db.prepare<[string], { record: string }>('SELECT record FROM agreement_fulfilments WHERE case_id = ?');
  const insertFulfilment = db.prepare('INSERT INTO agreement_fulfilments (case_id, record) VALUES (?, ?)');

  const caseOf = (caseId: string) => {
    const row = store.getCase(caseId);
    if (!row) throw new PlatformHttpError(404, 'not_found', `No case ${caseId}`);
    return row;
  };

  function save(next: PlatformAgreement): PlatformAgreement {
    updateRecord.run(JSON.stringify(next), next.id);
    store.appendChange(next.caseId, caseOf(next.caseId).mediatorId, { type: 'agreement.upsert', agreement: next });
    return next;
  }

  const send = transactional(db, (user: Mediator, caseId: string, request: z.infer<typeof SendAgreementRequest>, now: Date): WriteResult<{ agreement: PlatformAgreement }> => {
    const replay = idempotency.replay(user.id, request.clientId, 'sendAgreement', caseId, request);
    if (replay) return { status: 200, body: replay.body as { agreement: PlatformAgreement }, fresh: false };
    const row = caseOf(caseId);
    if (row.mediatorId !== user.id) throw new PlatformHttpError(403, 'forbidden', 'The case is not assigned to you');
    if (row.bundle.case.stage !== 'mediation') throw new PlatformHttpError(403, 'forbidden', 'An agreement can only be sent while the case is in mediation');
    const id = agreementIdOf(caseId, request.number);
    const existing = getRecord.get(id);
    if (existing) {
      const record = JSON.parse(existing.record) as PlatformAgreement;
      // Versions are immutable: the same number may only ever carry the same text.
      if (record.contentSha256 !== request.contentSha256) throw new PlatformHttpError(409, 'conflict', `Agreement version ${request.number} already exists with other content`);
      return { status: 200, body: { agreement: record }, fresh: false };
    }
    const at = now.toISOString();
    for (const { record } of recordsOfCase.all(caseId)) {
      const older = JSON.parse(record) as PlatformAgreement;
      if (older.number < request.number && older.status === 'sent') save({ ...older, status: 'superseded', version: older.version + 1, updatedAt: at });
    }
    const agreement: PlatformAgreement = {
      id,
      caseId,
      number: request.number,
      status: 'sent',
      consumerDecision: 'pending',
      companyDecision: 'pending',
      consumerReason: null,
      companyReason: null,
      consumerDecidedAt: null,
      companyDecidedAt: null,
      contentSha256: request.contentSha256,
      sentAt: at,
      updatedAt: at,
      version: 1,
    };
    insertRecord.run(id, caseId, JSON.stringify(agreement));
    insertText.run(id, request.title, request.text);
    store.appendChange(caseId, row.mediatorId, { type: 'agreement.upsert', agreement });
    const body = { agreement };
    idempotency.record(user.id, request.clientId, 'sendAgreement', caseId, request, body);
    return { status: 201, body, fresh: true };
  });

  /** A party decides on version `number` (409 if it was never sent or that party already decided). */
  const decide = transactional(db, (caseId: string, request: z.infer<typeof PartyDecisionRequest>, now: Date): PlatformAgreement => {
    const row = getRecord.get(agreementIdOf(caseId, request.number));
    if (!row) throw new PlatformHttpError(404, 'not_found', `No agreement version ${request.number} in case ${caseId}`);
    const current = JSON.parse(row.record) as PlatformAgreement;
    if (current.status === 'draft') throw new PlatformHttpError(409, 'conflict', `Version ${request.number} was never sent`);
    const role: PartyRole = request.role;
    if ((role === 'consumer' ? current.consumerDecision : current.companyDecision) !== 'pending') {
      throw new PlatformHttpError(409, 'conflict', `The ${role} already decided on version ${request.number}`);
    }
    const at = now.toISOString();
    const reason = request.decision === 'rejected' ? (request.reason ?? null) : null;
    const decided: PlatformAgreement =
      role === 'consumer'
        ? { ...current, consumerDecision: request.decision, consumerReason: reason, consumerDecidedAt: at }
        : { ...current, companyDecision: request.decision, companyReason: reason, companyDecidedAt: at };
    return save({ ...decided, status: statusAfterDecision(decided), version: current.version + 1, updatedAt: at });
  });

  /** The mediator records whether the agreement the case was closed with was fulfilled: once per case. */
  const recordFulfilment = transactional(db, (user: Mediator, caseId: string, request: z.infer<typeof RecordFulfilmentRequest>, now: Date): WriteResult<{ fulfilment: PlatformFulfilment }> => {
    const replay = idempotency.replay(user.id, request.clientId, 'recordAgreementFulfilment', caseId, request);
    if (replay) return { status: 200, body: replay.body as { fulfilment: PlatformFulfilment }, fresh: false };
    const row = caseOf(caseId);
    if (row.mediatorId !== user.id) throw new PlatformHttpError(403, 'forbidden', 'The case is not assigned to you');
    const { stage, outcome } = row.bundle.case;
    if (stage !== 'closed' || outcome !== 'agreement_in_mediation') throw new PlatformHttpError(409, 'conflict', `Case ${caseId} is not closed with an agreement`);
    const version = getRecord.get(agreementIdOf(caseId, request.number));
    if (!version || (JSON.parse(version.record) as PlatformAgreement).status !== 'accepted') {
      throw new PlatformHttpError(409, 'conflict', `Version ${request.number} of case ${caseId} was not accepted by both parties`);
    }
    const { clientId: _clientId, ...recorded } = request;
    const existing = getFulfilment.get(caseId);
    if (existing) {
      const earlier = JSON.parse(existing.record) as PlatformFulfilment;
      // The same record from another installation is no news; a different one contradicts it.
      if (earlier.number === recorded.number && earlier.fulfilled === recorded.fulfilled && earlier.dueDate === recorded.dueDate) return { status: 200, body: { fulfilment: earlier }, fresh: false };
      throw new PlatformHttpError(409, 'conflict', `The fulfilment of case ${caseId} was already recorded`);
    }
    const fulfilment: PlatformFulfilment = { ...recorded, caseId, receivedAt: now.toISOString() };
    insertFulfilment.run(caseId, JSON.stringify(fulfilment));
    const body = { fulfilment };
    idempotency.record(user.id, request.clientId, 'recordAgreementFulfilment', caseId, request, body);
    return { status: 201, body, fresh: true };
  });

  /** Every version of a case with the text the parties read (control API, for tests and demos). */
  const listWithText = (caseId: string) =>
    recordsOfCase.all(caseId).map(({ record }) => {
      const agreement = JSON.parse(record) as PlatformAgreement;
      return { agreement, text: getText.get(agreement.id) ?? null };
    });

  return { send, decide, recordFulfilment, listWithText };
}

/** The simulated parties: after the delay each answers a freshly sent version as configured. */
export function agreementReplies(decide: AgreementWrites['decide'], now: () => Date) {
  const timers = new Set<NodeJS.Timeout>();
  let settings: AgreementRepliesSettings = AgreementRepliesSettings.parse({ enabled: false });
  return {
    set(next: AgreementRepliesSettings): void {
      settings = next;
    },
    onAgreementSent(agreement: PlatformAgreement): void {
      if (!settings.enabled) return;
      const { consumer, company, delayMs } = settings;
      const timer = setTimeout(() => {
        timers.delete(timer);
        for (const [role, reply] of [['consumer', consumer], ['company', company]] as const) {
          try {
            decide(agreement.caseId, { role, number: agreement.number, ...reply }, now());
          } catch (error) {
            // Already decided through the control API meanwhile: the party keeps that decision.
            if (!(error instanceof PlatformHttpError)) console.error('[mesa platform] agreement auto-decision failed', error);
          }
        }
      }, delayMs);
      timers.add(timer);
    },
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
