import type { Kysely, Selectable } from 'kysely';
import type { ChatMessage, DeliveryState, SyncErrorCode } from '../../../shared/contract/sync';
import type { MessageAuthorRole, MessageChannel, PlatformMessage } from '../../../shared/platform/messages';
import type { Database, MessagesTable } from '../db/schema';

export const chatMessageFromRow = (row: Selectable<MessagesTable>): ChatMessage => ({
  id: row.id,
  clientId: row.client_id,
  caseId: row.case_id,
  channel: row.channel as MessageChannel,
  authorRole: row.author_role as MessageAuthorRole,
  authorName: row.author_name,
  body: row.body,
  sentAt: row.sent_at,
  delivery: row.delivery as DeliveryState,
  failure: row.failure_code as SyncErrorCode | null,
});

/** Chat messages in the local store. Received ones are written by the feed applier. */
export const messageRepository = {
  /** One channel of a case, in order: sentAt, then local id (the index messages_by_case_channel). */
  async list(db: Kysely<Database>, caseId: string, channel: MessageChannel): Promise<ChatMessage[]> {
    const rows = await db.selectFrom('messages').selectAll().where('case_id', '=', caseId).where('channel', '=', channel).orderBy('sent_at').orderBy('id').execute();
    return rows.map(chatMessageFromRow);
  },

  async get(db: Kysely<Database>, id: string): Promise<ChatMessage | null> {
    const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? chatMessageFromRow(row) : null;
  },

  async insertPending(trx: Kysely<Database>, message: Omit<ChatMessage, 'delivery' | 'failure'> & { authorId: string }): Promise<void> {
    await trx
      .insertInto('messages')
      .values({
        id: message.id,
        platform_id: null,
        client_id: message.clientId,
        case_id: message.caseId,
        channel: message.channel,
        author_role: message.authorRole,
        author_id: message.authorId,
        author_name: message.authorName,
        body: message.body,
        sent_at: message.sentAt,
        delivery: 'pending',
        failure_code: null,
      })
      .execute();
  },

  /**
   * The platform accepted our message: the local row takes its id and time. A row the feed
   * may already have stored under that platform id is dropped first (never two copies).
   */
  async markSent(trx: Kysely<Database>, localId: string, message: PlatformMessage): Promise<void> {
    await trx.deleteFrom('messages').where('platform_id', '=', message.id).where('id', '!=', localId).execute();
    await trx
      .updateTable('messages')
      .set({ platform_id: message.id, sent_at: message.sentAt, author_name: message.authorName, delivery: 'sent', failure_code: null })
      .where('id', '=', localId)
      .execute();
  },

  async setDelivery(trx: Kysely<Database>, localId: string, delivery: DeliveryState, failure: SyncErrorCode | null): Promise<void> {
    await trx.updateTable('messages').set({ delivery, failure_code: failure }).where('id', '=', localId).execute();
  },
};
