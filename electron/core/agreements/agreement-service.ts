import { v7 as uuidv7 } from 'uuid';
import { AgreementContent, AgreementVariables } from '../../../shared/agreements/content';
import type { AgreementIssue } from '../../../shared/agreements/issues';
import type { AgreementRefusal, AgreementState, AgreementVersion } from '../../../shared/contract/agreements';
import { AppError } from '../../../shared/contract/errors';
import type { CaseRecord } from '../../../shared/domain/case';
import { localDateOf } from '../../../shared/domain/deadlines';
import type { Transition } from '../../../shared/domain/transition';
import type { Store } from '../db/store';
import { caseRepository, type TransitionHook } from '../repositories/case-repository';
import { profileRepository } from '../repositories/profile-repository';
import { caseFromRow } from '../repositories/rows';
import { assignmentRepository } from '../sync/assignments';
import { outboxRepository } from '../sync/outbox';
import { enqueueStageProposal } from '../sync/stage-proposals';
import { agreementState, versionSummaries, type AgreementRows } from './agreement-state';
import { auditAgreement } from './agreement-audit';
import { versionSha256 } from './canonical';
import type { AgreementDrafting } from './drafting';
import { fulfilmentDeadlines, fulfilmentTerm } from './fulfilment-deadline';
import { agreementDb, type AgreementVersionsTable } from './tables';

export interface AgreementServiceContext {
  readonly store: Store;
  readonly drafting: AgreementDrafting;
  readonly now: () => Date;
  /** Signed in to the platform: stage changes are proposed to it (like transitionCase). */
  readonly signedIn: () => boolean;
}

/** A refusal the renderer translates: one issue carrying the reason. */
export const refuse = (code: 'invalid_input' | 'conflict' | 'invalid_transition' | 'not_found' | 'forbidden', reason: AgreementRefusal, message: string, path = ''): AppError =>
  new AppError(code, message, [{ path, message, reason }]);

const invalid = (issues: readonly AgreementIssue[], what: string): AppError =>
  new AppError('invalid_input', `${what}: ${issues.map((i) => i.message).join('; ')}`.slice(0, 2_000), issues.map((i) => ({ path: i.path, message: i.message, reason: i.reason })));

/** zod issues of a malformed draft, each as `malformed_content` at its path. */
const malformed = (field: 'content' | 'variables', issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): AgreementIssue[] =>
  issues.slice(0, 50).map((i) => ({ path: [field, ...i.path.map(String)].join('.'), message: i.message, reason: 'malformed_content' }));

export function agreementService(ctx: AgreementServiceContext) {
  const { store, drafting, now } = ctx;

  async function readRows(db: Store['db'], caseId: string): Promise<AgreementRows> {
    const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No case ${caseId}`);
    const adb = agreementDb(db);
    const [versions, platform, fulfilment, deadlines] = await Promise.all([
      adb.selectFrom('agreement_versions').selectAll().where('case_id', '=', caseId).execute(),
      adb.selectFrom('agreements').selectAll().where('case_id', '=', caseId).execute(),
      adb.selectFrom('agreement_fulfilment').selectAll().where('case_id', '=', caseId).execute(),
      db.selectFrom('deadlines').select(['id', 'due_at as dueAt']).where('case_id', '=', caseId).where('kind', '=', 'agreement_fulfilment').execute(),
    ]);
    return { caseRecord: caseFromRow(row), versions, platform, fulfilment, deadlines };
  }

  function toVersion(rows: AgreementRows, row: AgreementVersionsTable): AgreementVersion {
    const content = AgreementContent.parse(JSON.parse(row.content));
    const variables = AgreementVariables.parse(JSON.parse(row.variables));
    const summary = versionSummaries(rows, false).find((v) => v.number === row.number);
    if (!summary) throw new AppError('internal', `Version ${row.number} has no summary`);
    const final = agreementState(rows, null).final;
    return { ...summary, locked: summary.locked || final, content, variables, unfilledVariables: drafting.render(content, variables).unfilled };
  }

  const newestLocal = (rows: AgreementRows): AgreementVersionsTable | undefined => [...rows.versions].sort((a, b) => b.number - a.number)[0];
  const highestNumber = (rows: AgreementRows): number => Math.max(0, ...rows.versions.map((v) => v.number), ...rows.platform.map((p) => p.number));

  async function state(caseId: string, db: Store['db'] = store.db): Promise<AgreementState> {
    const rows = await readRows(db, caseId);
    const latestRow = newestLocal(rows);
    const latest = latestRow ? toVersion(rows, latestRow) : null;
    return { ...agreementState(rows, latest?.unfilledVariables ?? null), latest };
  }

  async function requireWritable(caseId: string): Promise<void> {
    if (await assignmentRepository.isReadOnly(store.db, caseId)) throw refuse('forbidden', 'read_only', `Case ${caseId} is read-only`);
  }

  async function insertVersion(
    trx: Store['db'],
    rows: AgreementRows,
    draft: { templateId: string; content: AgreementContent; variables: AgreementVariables; basedOn: number | null },
  ): Promise<number> {
    const number = highestNumber(rows) + 1;
    const at = now();
    await agreementDb(trx)
      .insertInto('agreement_versions')
      .values({
        case_id: rows.caseRecord.id,
        number,
        template_id: draft.templateId,
        content: JSON.stringify(draft.content),
        variables: JSON.stringify(draft.variables),
        sha256: versionSha256(draft.content, draft.variables),
        based_on: draft.basedOn,
        based_on_stale: draft.basedOn !== null && draft.basedOn < number - 1 ? 1 : 0,
        saved_at: at.toISOString(),
        saved_by: await profileRepository.currentUserId(trx),
        sent_at: null,
        send_client_id: null,
        delivery: 'not_sent',
      })
      .execute();
    if (draft.basedOn === null) await auditAgreement(trx, 'agreement.started', rows.caseRecord.id, at, { template: draft.templateId, version: String(number) });
    else await auditAgreement(trx, 'agreement.version_saved', rows.caseRecord.id, at, { version: String(number), based_on: String(draft.basedOn) });
    return number;
  }

  /** A stage change through the case repository, proposed to the platform in the same transaction when signed in. */
  async function transition(caseRecord: CaseRecord, move: Transition, also: TransitionHook): Promise<void> {
    const at = now();
    await caseRepository.applyTransition(store, { caseId: caseRecord.id, transition: move, expectedVersion: caseRecord.version }, at, async (trx, before, after) => {
      if (ctx.signedIn()) await enqueueStageProposal(trx, before, move, at);
      await also(trx, before, after);
    });
  }

  return {
    state,

    catalogue: () => drafting.catalogue(),

    async start(caseId: string, templateId: string): Promise<AgreementState> {
      await requireWritable(caseId);
      const rows = await readRows(store.db, caseId);
      if (rows.versions.length > 0) throw refuse('conflict', 'already_started', `Case ${caseId} already has an agreement`);
      const { stage, subState } = rows.caseRecord;
      if (stage !== 'mediation' || (subState !== 'in_progress' && subState !== 'agreement_drafting')) {
        throw refuse('invalid_transition', 'wrong_stage', `Case ${caseId} is ${stage}/${subState ?? '-'}`);
      }
      const detail = await caseRepository.get(store, caseId);
      const draft = drafting.instantiate(templateId, { ...detail, today: localDateOf(now().toISOString()) });
      if ('issues' in draft) throw invalid(draft.issues, `Template ${templateId} cannot be instantiated`);
      const record = { templateId, ...draft, basedOn: null };
      if (subState === 'in_progress') {
        const caseRecord = caseFromRow(await store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow());
        await transition(caseRecord, { type: 'start_agreement_drafting' }, async (trx) => {
          await insertVersion(trx, rows, record);
        });
      } else {
        await store.write((trx) => insertVersion(trx, rows, record));
      }
      return state(caseId);
    },

    async save(caseId: string, basedOn: number, rawContent: unknown, rawVariables: unknown): Promise<AgreementState> {
      await requireWritable(caseId);
      const content = AgreementContent.safeParse(rawContent);
      const variables = AgreementVariables.safeParse(rawVariables);
      const shapeIssues = [...(content.success ? [] : malformed('content', content.error.issues)), ...(variables.success ? [] : malformed('variables', variables.error.issues))];
      if (!content.success || !variables.success) throw invalid(shapeIssues, 'Malformed agreement draft');
      const problems = drafting.check(content.data, variables.data);
      if (problems.length > 0) throw invalid(problems, 'The draft has errors');
      await store.write(async (trx) => {
        const rows = await readRows(trx, caseId);
        if (agreementState(rows, null).final) throw refuse('conflict', 'locked', `The agreement of case ${caseId} is final`);
        if (rows.versions.length === 0) throw refuse('not_found', 'no_such_version', `Case ${caseId} has no agreement yet`, 'basedOn');
        if (basedOn > highestNumber(rows)) throw refuse('not_found', 'no_such_version', `No version ${basedOn}`, 'basedOn');
        // Based on an older version than the newest: saved anyway (never lose a draft), flagged stale.
        await insertVersion(trx, rows, { templateId: content.data.templateId, content: content.data, variables: variables.data, basedOn });
      });
      return state(caseId);
    },

    async version(caseId: string, number: number): Promise<AgreementVersion> {
      const rows = await readRows(store.db, caseId);
      const row = rows.versions.find((v) => v.number === number);
      if (!row) throw refuse('not_found', 'no_such_version', `Case ${caseId} has no version ${number} on this machine`, 'number');
      return toVersion(rows, row);
    },

    async send(caseId: string, number: number): Promise<AgreementState> {
      await requireWritable(caseId);
      await store.write(async (trx) => {
        const rows = await readRows(trx, caseId);
        if (agreementState(rows, null).final) throw refuse('conflict', 'locked', `The agreement of case ${caseId} is final`);
        const row = rows.versions.find((v) => v.number === number);
        if (!row) throw refuse('not_found', 'no_such_version', `No version ${number}`, 'number');
        if (row.sent_at !== null) return; // sent already: sending again changes nothing
        if (number !== highestNumber(rows)) throw refuse('conflict', 'not_latest', `Version ${number} is not the latest`, 'number');
        if (rows.caseRecord.stage !== 'mediation') throw refuse('invalid_transition', 'wrong_stage', `Case ${caseId} is not in mediation`);
        const content = AgreementContent.parse(JSON.parse(row.content));
        const variables = AgreementVariables.parse(JSON.parse(row.variables));
        const rendered = drafting.render(content, variables);
        if (rendered.unfilled.length > 0) {
          throw new AppError('invalid_input', `Unfilled: ${rendered.unfilled.join(', ')}`, rendered.unfilled.map((name) => ({ path: `variables.${name}`, message: `${name} has no value`, reason: 'unfilled_variables' })));
        }
        const clientId = uuidv7();
        const at = now();
        await agreementDb(trx)
          .updateTable('agreement_versions')
          .set({ sent_at: at.toISOString(), send_client_id: clientId, delivery: 'pending' })
          .where('case_id', '=', caseId)
          .where('number', '=', number)
          .execute();
        await outboxRepository.enqueue(trx, {
          kind: 'agreement_send',
          clientId,
          caseId,
          payload: { number, contentSha256: row.sha256, title: rendered.title, text: rendered.text },
          now: at,
        });
        await auditAgreement(trx, 'agreement.sent', caseId, at, { version: String(number) });
      });
      return state(caseId);
    },

    async close(caseId: string): Promise<AgreementState> {
      await requireWritable(caseId);
      const rows = await readRows(store.db, caseId);
      const current = await state(caseId);
      if (current.closeBlockedBy) {
        const code = current.closeBlockedBy === 'wrong_stage' ? 'invalid_transition' : 'conflict';
        throw refuse(code, current.closeBlockedBy, `Case ${caseId} cannot be closed with its agreement: ${current.closeBlockedBy}`);
      }
      const accepted = current.versions[0];
      const acceptedRow = rows.versions.find((v) => v.number === accepted?.number);
      if (!accepted || !acceptedRow) throw refuse('conflict', 'not_accepted', 'The accepted version has no text on this machine');
      const variables = AgreementVariables.parse(JSON.parse(acceptedRow.variables));
      const rendered = drafting.render(AgreementContent.parse(JSON.parse(acceptedRow.content)), variables);
      if (!rendered.fulfilmentDate) throw refuse('conflict', 'no_fulfilment_date', `Version ${accepted.number} sets no fulfilment date`);
      const dueDate = rendered.fulfilmentDate;
      const term = fulfilmentTerm(variables, dueDate);
      await transition(rows.caseRecord as CaseRecord, { type: 'close', outcome: 'agreement_in_mediation' }, async (trx) => {
        const at = now();
        const deadlineId = uuidv7();
        await fulfilmentDeadlines.open(trx, { id: deadlineId, caseId, ...term });
        await agreementDb(trx)
          .insertInto('agreement_fulfilment')
          .values({ case_id: caseId, version_number: accepted.number, deadline_id: deadlineId, closed_at: at.toISOString(), status: 'pending', note: null, recorded_at: null })
          // Closed again with the same version after a reopen: a fresh tracking (the reopen
          // settled the old deadline; the audit log keeps what was recorded before).
          .onConflict((oc) => oc.columns(['case_id', 'version_number']).doUpdateSet({ deadline_id: deadlineId, closed_at: at.toISOString(), status: 'pending', note: null, recorded_at: null }))
          .execute();
        await auditAgreement(trx, 'agreement.case_closed', caseId, at, { version: String(accepted.number), due_date: dueDate });
      });
      return state(caseId);
    },

    async recordFulfilment(caseId: string, fulfilled: boolean, note: string): Promise<AgreementState> {
      await requireWritable(caseId);
      await store.write(async (trx) => {
        const rows = await readRows(trx, caseId);
        const current = agreementState(rows, null);
        if (!current.final || !current.fulfilment) throw refuse('conflict', 'not_closed', `Case ${caseId} was not closed with its agreement`);
        if (current.fulfilment.status !== 'pending') throw refuse('conflict', 'fulfilment_recorded', 'Fulfilment already recorded');
        const at = now();
        if (localDateOf(at.toISOString()) < current.fulfilment.dueDate) throw refuse('conflict', 'fulfilment_not_due', `Fulfilment is due on ${current.fulfilment.dueDate}`);
        const result = fulfilled ? 'fulfilled' : 'not_fulfilled';
        await agreementDb(trx)
          .updateTable('agreement_fulfilment')
          .set({ status: result, note: note.trim() === '' ? null : note, recorded_at: at.toISOString() })
          .where('case_id', '=', caseId)
          .where('version_number', '=', current.fulfilment.versionNumber)
          .execute();
        await fulfilmentDeadlines.settle(trx, caseId, current.fulfilment.deadlineId, fulfilled);
        if (ctx.signedIn()) {
          const payload = { number: current.fulfilment.versionNumber, dueDate: current.fulfilment.dueDate, fulfilled, recordedAt: at.toISOString() };
          await outboxRepository.enqueue(trx, { kind: 'agreement_fulfilment', clientId: uuidv7(), caseId, payload, now: at });
        }
        await auditAgreement(trx, 'agreement.fulfilment_recorded', caseId, at, { version: String(current.fulfilment.versionNumber), result });
      });
      return state(caseId);
    },
  };
}
