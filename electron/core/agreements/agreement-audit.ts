import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../shared/domain/people';
import type { Database } from '../db/schema';
import { auditRepository } from '../repositories/audit-repository';
import { profileRepository } from '../repositories/profile-repository';

export type AgreementAuditAction = Extract<AuditAction, `agreement.${string}`>;

/**
 * One audit row for an agreement action, by the local user, in the caller's transaction (the
 * change and its record commit together). `data` holds codes only (version numbers, formats,
 * hashes, dates), never the agreement's text.
 */
export async function auditAgreement(trx: Kysely<Database>, action: AgreementAuditAction, caseId: string, at: Date, data: Readonly<Record<string, string>>): Promise<void> {
  const actorId = await profileRepository.currentUserId(trx);
  await auditRepository.append(trx, { at: at.toISOString(), actorId, action, caseId, entityId: caseId, data });
}
