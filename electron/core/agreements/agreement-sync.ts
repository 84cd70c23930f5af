import type { Statement } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { PlatformAgreement } from '../../../shared/platform/records';
import type { Database } from '../db/schema';
import type { SqliteHandle } from '../db/store';
import { auditDataJson } from '../repositories/audit-repository';
import { agreementDb } from './tables';

/**
 * What the platform says about agreement versions, into the local store: the feed's
 * 'agreement.upsert' and the answer to sending a version. A record only replaces an older one
 * of the same version (its `version` counter), so a late or repeated change never undoes a
 * newer decision. Decisions stay tied to their version number: one about an old version is
 * stored on that version and never moves the current one.
 */
export const UPSERT_PLATFORM_AGREEMENT_SQL = `INSERT INTO agreements (id, case_id, number, status, consumer_decision, company_decision, consumer_reason, company_reason,
    consumer_decided_at, company_decided_at, content_sha256, sent_at, updated_at, version)
  VALUES (@id, @case_id, @number, @status, @consumer_decision, @company_decision, @consumer_reason, @company_reason,
    @consumer_decided_at, @company_decided_at, @content_sha256, @sent_at, @updated_at, @version)
  ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, number = excluded.number, status = excluded.status,
    consumer_decision = excluded.consumer_decision, company_decision = excluded.company_decision,
    consumer_reason = excluded.consumer_reason, company_reason = excluded.company_reason,
    consumer_decided_at = excluded.consumer_decided_at, company_decided_at = excluded.company_decided_at,
    content_sha256 = excluded.content_sha256, sent_at = excluded.sent_at,
    updated_at = excluded.updated_at, version = excluded.version
  WHERE excluded.version >= agreements.version`;

export const agreementColumns = (a: PlatformAgreement) => ({
  id: a.id,
  case_id: a.caseId,
  number: a.number,
  status: a.status,
  consumer_decision: a.consumerDecision,
  company_decision: a.companyDecision,
  consumer_reason: a.consumerReason ?? null,
  company_reason: a.companyReason ?? null,
  consumer_decided_at: a.consumerDecidedAt ?? null,
  company_decided_at: a.companyDecidedAt ?? null,
  content_sha256: a.contentSha256 ?? null,
  sent_at: a.sentAt ?? null,
  updated_at: a.updatedAt,
  version: a.version,
});

export const agreementSync = {
  /** The platform took the version: store its record, the local version is delivered. */
  async delivered(trx: Kysely<Database>, agreement: PlatformAgreement): Promise<void> {
    const adb = agreementDb(trx);
    const columns = agreementColumns(agreement);
    await adb
      .insertInto('agreements')
      .values(columns)
      .onConflict((oc) => oc.column('id').doUpdateSet(columns).where('agreements.version', '<=', agreement.version))
      .execute();
    await adb.updateTable('agreement_versions').set({ delivery: 'delivered' }).where('case_id', '=', agreement.caseId).where('number', '=', agreement.number).execute();
  },

  /** The platform refused the version for good (not in mediation any more, number taken). */
  async failed(trx: Kysely<Database>, caseId: string, number: number): Promise<void> {
    await agreementDb(trx).updateTable('agreement_versions').set({ delivery: 'failed' }).where('case_id', '=', caseId).where('number', '=', number).execute();
  },
};

type Decisions = { readonly consumer_decision: string; readonly company_decision: string };
const statements = new WeakMap<SqliteHandle, { decisions: Statement; audit: Statement }>();
const prepared = (sqlite: SqliteHandle) => {
  let found = statements.get(sqlite);
  if (!found) {
    found = {
      decisions: sqlite.prepare('SELECT consumer_decision, company_decision FROM agreements WHERE id = ?'),
      audit: sqlite.prepare('INSERT INTO audit_log (at, actor_id, action, case_id, entity_id, data) VALUES (?, ?, ?, ?, ?, ?)'),
    };
    statements.set(sqlite, found);
  }
  return found;
};

/**
 * The feed's 'agreement.upsert' through the caller's statement (`upsert`, inside its
 * transaction), with an 'agreement.decision_received' audit row for each party whose decision
 * on that version the platform reports for the first time. A repeated or older record adds none.
 */
export function applyFeedAgreement(sqlite: SqliteHandle, upsert: Statement, agreement: PlatformAgreement, actorId: string): void {
  const { decisions, audit } = prepared(sqlite);
  const before = decisions.get(agreement.id) as Decisions | undefined;
  upsert.run(agreementColumns(agreement));
  const after = decisions.get(agreement.id) as Decisions | undefined;
  for (const party of ['consumer', 'company'] as const) {
    const decision = after?.[`${party}_decision`];
    if (decision === undefined || decision === 'pending' || decision === before?.[`${party}_decision`]) continue;
    const at = (party === 'consumer' ? agreement.consumerDecidedAt : agreement.companyDecidedAt) ?? agreement.updatedAt;
    const data = auditDataJson({ version: String(agreement.number), party, decision });
    audit.run(new Date(at).toISOString(), actorId, 'agreement.decision_received', agreement.caseId, agreement.caseId, data);
  }
}
