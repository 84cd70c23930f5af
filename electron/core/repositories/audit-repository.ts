import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { AuditEntry, type AuditAction } from '../../../shared/domain/people';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';
import { auditFromRow } from './rows';

export interface AuditAppend {
  readonly at: string;
  readonly actorId: string;
  readonly action: AuditAction;
  readonly caseId: string | null;
  readonly entityId: string | null;
  /** Codes only (a-z, 0-9, _ . -): enforced here so case text can never slip into the log. */
  readonly data?: Readonly<Record<string, string>>;
}

const AuditData = AuditEntry.shape.data;

/** Serialises the data of an audit row, refusing anything that is not a code. */
export function auditDataJson(data: Readonly<Record<string, string>> | undefined): string {
  const parsed = AuditData.safeParse(data ?? {});
  if (!parsed.success) throw new AppError('internal', 'Audit data must be codes only');
  return JSON.stringify(parsed.data);
}

/** The append-only audit trail. There is deliberately no update or delete (triggers refuse them too). */
export const auditRepository = {
  /** Appends one row. Call it with the transaction of the change it records. */
  async append(trx: Kysely<Database>, entry: AuditAppend): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        at: entry.at,
        actor_id: entry.actorId,
        action: entry.action,
        case_id: entry.caseId,
        entity_id: entry.entityId,
        data: auditDataJson(entry.data),
      })
      .execute();
  },

  /** The case's timeline, oldest first. */
  async listForCase(store: Store, caseId: string): Promise<AuditEntry[]> {
    const rows = await store.db.selectFrom('audit_log').selectAll().where('case_id', '=', caseId).orderBy('id', 'asc').execute();
    return rows.map(auditFromRow);
  },
};
