import type { CaseDetail } from '../../../shared/domain/case';
import type { Mediator } from '../../../shared/domain/people';
import type { Participant, Session, SessionKind } from '../../../shared/schedule/session';

/** Parties answer from mainland Chile unless the platform told us otherwise in an earlier session. */
const DEFAULT_PARTY_ZONE = 'America/Santiago';

/**
 * Who takes part in a session the mediator proposes, until the platform answers with its own
 * list (participants are platform-authoritative: names, zones, confirmations). A caucus is the
 * mediator and ONE party. A party's zone is the one the platform gave in an earlier session of
 * the case, if any.
 */
export function draftParticipants(detail: CaseDetail, kind: SessionKind, mediator: Mediator, mediatorZone: string, earlier: readonly Session[]): Participant[] {
  const knownZone = (role: 'consumer' | 'company'): string =>
    earlier.flatMap((s) => s.participants).find((p) => p.role === role)?.zone ?? DEFAULT_PARTY_ZONE;
  const consumer = detail.parties.find((p) => p.role === 'consumer');
  const company = detail.parties.find((p) => p.role === 'company');
  const list: Participant[] = [{ role: 'mediator', name: mediator.name, zone: mediatorZone, confirmation: 'confirmed' }];
  if (kind !== 'caucus_company') list.push({ role: 'consumer', name: consumer?.name ?? 'Consumidor', zone: knownZone('consumer'), confirmation: 'pending' });
  if (kind !== 'caucus_consumer') list.push({ role: 'company', name: company?.representative?.name ?? company?.name ?? detail.brandName, zone: knownZone('company'), confirmation: 'pending' });
  return list;
}
