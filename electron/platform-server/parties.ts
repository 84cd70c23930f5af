// The parties' side of the conversations, for the control API: what a party may post and what
// a party can read. A party reads the negotiation, the joint chat and ITS OWN caucus only:
// caucus confidentiality is this one list.
import { randomUUID } from 'node:crypto';
import type { PartyRole } from '../../shared/domain/party';
import type { MessageChannel, PlatformMessage } from '../../shared/platform/messages';
import { transactional, type PlatformDb } from './database';
import { PlatformHttpError } from './http';
import { AUTO_REPLIES } from './seed-text';
import type { PlatformStore } from './store';

export const channelsOfParty = (role: PartyRole): readonly MessageChannel[] => ['negotiation', 'joint', role === 'consumer' ? 'caucus_consumer' : 'caucus_company'];

export type Parties = ReturnType<typeof partyService>;

export function partyService(db: PlatformDb, store: PlatformStore, now: () => Date) {
  const requireCase = (caseId: string) => {
    const row = store.getCase(caseId);
    if (!row) throw new PlatformHttpError(404, 'not_found', `No case ${caseId}`);
    return row;
  };

  const post = transactional(db, (caseId: string, role: PartyRole, channel: MessageChannel, body: string): PlatformMessage => {
    const row = requireCase(caseId);
    if (!channelsOfParty(role).includes(channel)) throw new PlatformHttpError(403, 'forbidden', `The ${role} cannot write to ${channel}`);
    const party = row.bundle.parties.find((p) => p.role === role);
    const message: PlatformMessage = {
      id: `msg-${randomUUID()}`,
      clientId: null,
      caseId,
      channel,
      authorRole: role,
      authorId: party?.id ?? null,
      authorName: (role === 'company' ? party?.representative?.name : undefined) ?? party?.name ?? (role === 'consumer' ? 'Consumidor' : row.bundle.case.brandName),
      body,
      sentAt: now().toISOString(),
    };
    store.insertMessage(message, row.mediatorId);
    return message;
  });

  const timers = new Set<NodeJS.Timeout>();
  let autoReply: { enabled: boolean; delayMs: number } = { enabled: false, delayMs: 0 };
  let replies = 0;

  return {
    post,
    /** What the party sees of the case's conversations, oldest first. */
    visibleTo: (caseId: string, role: PartyRole): PlatformMessage[] => store.messagesOf(requireCase(caseId).bundle.case.id, channelsOfParty(role)),

    setAutoReply(settings: { enabled: boolean; delayMs: number }): void {
      autoReply = settings;
    },

    /** Auto-reply: the consumer answers a mediator's joint message after delayMs (and the parties confirm sessions, below). */
    onMediatorMessage(message: { caseId: string; channel: string }): void {
      if (!autoReply.enabled || message.channel !== 'joint') return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        try {
          post(message.caseId, 'consumer', 'joint', AUTO_REPLIES[replies++ % AUTO_REPLIES.length] ?? 'Gracias.');
        } catch (error) {
          console.error('[mesa platform] auto-reply failed', error);
        }
      }, autoReply.delayMs);
      timers.add(timer);
    },

    /** Auto-reply: each invited party confirms a proposed or moved session after delayMs. */
    onSessionProposed(sessionId: string, confirm: (sessionId: string, role: PartyRole) => void, invited: readonly PartyRole[]): void {
      if (!autoReply.enabled) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        for (const role of invited) {
          try {
            confirm(sessionId, role);
          } catch (error) {
            // Cancelled or moved again meanwhile: the parties simply do not confirm that one.
            if (!(error instanceof PlatformHttpError)) console.error('[mesa platform] auto-confirm failed', error);
          }
        }
      }, autoReply.delayMs);
      timers.add(timer);
    },

    /** Cancels pending auto-replies (server close). */
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
