import type { HearingReadiness } from '../../../shared/contract/documents';
import type { Store } from '../db/store';
import { caseRepository } from '../repositories/case-repository';

/**
 * "Is this case fully on this machine?", without the network. Documents: every document of the
 * case is local (the mediator's own always are; the platform's once downloaded). Messages: the
 * feed carries every message of a case (seeded history, new ones, and a replay when a case is
 * reassigned), so they are all stored once the feed has been pulled to its end and nothing of
 * the case waits in the outbox. `feedCaughtUp` is what the caller just learned from a sync
 * (prepareHearing); without it, the last pull that reached the end of the feed stands.
 */
export async function getHearingReadiness(store: Store, caseId: string, now: Date, feedCaughtUp?: boolean): Promise<HearingReadiness> {
  await caseRepository.requireExists(store, caseId);
  const [documents, outbox, state] = await Promise.all([
    store.db
      .selectFrom('documents')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('availability', '=', 'local').then(1).else(0).end()).as('local'),
        eb.fn.sum<number>(eb.case().when('availability', '=', 'failed').then(1).else(0).end()).as('failed'),
      ])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow(),
    store.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow(),
    store.db.selectFrom('sync_state').select('last_synced_at').executeTakeFirst(),
  ]);
  const documentsTotal = Number(documents.total);
  const documentsLocal = Number(documents.local ?? 0);
  const documentsFailed = Number(documents.failed ?? 0);
  const pulled = feedCaughtUp ?? (state?.last_synced_at ?? null) !== null;
  const messagesComplete = pulled && Number(outbox.n) === 0;
  return {
    caseId,
    documentsTotal,
    documentsLocal,
    documentsFailed,
    messagesComplete,
    ready: messagesComplete && documentsLocal === documentsTotal,
    checkedAt: now.toISOString(),
  };
}
