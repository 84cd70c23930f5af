// The change feed: pages of changes after an opaque cursor, only those visible to the caller.
// A cursor is base64url("<epoch>.<seq>"): the database epoch makes a cursor from another (or a
// wiped) platform store a 400 instead of a silent gap; seq is the last change examined.
import type { Mediator } from '../../shared/domain/people';
import type { PlatformDb } from './database';
import { PlatformHttpError } from './http';
import { MESSAGE_COLUMNS, messageFromRow } from './store';

export const encodeCursor = (epoch: string, seq: number): string => Buffer.from(`${epoch}.${seq}`, 'utf8').toString('base64url');

export function decodeCursor(epoch: string, cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^([0-9a-f]+)\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new PlatformHttpError(400, 'invalid_request', 'Unreadable feed cursor');
  if (match[1] !== epoch) throw new PlatformHttpError(400, 'invalid_request', 'The cursor belongs to another platform database; start again without a cursor');
  return Number(match[2]);
}

interface RawChange {
  seq: number;
  payload: string | null;
  id: string | null;
  client_id: string | null;
  case_id: string;
  channel: never;
  author_role: never;
  author_id: string | null;
  author_name: string;
  body: string;
  sent_at: string;
}

export interface FeedPageText {
  /** The FeedPage as JSON text, built without re-parsing the stored payloads. */
  readonly json: string;
  readonly cursor: string;
  readonly count: number;
}

export type Feed = ReturnType<typeof feedService>;

export function feedService(db: PlatformDb, epoch: string) {
  const columns = `c.seq, c.payload, ${MESSAGE_COLUMNS.split(', ').map((column) => `m.${column}`).join(', ')}`;
  const join = 'FROM changes c LEFT JOIN messages m ON m.rowid = c.message_rowid';
  const forMediator = db.prepare<[string, number, number], RawChange>(`SELECT ${columns} ${join} WHERE c.audience = ? AND c.seq > ? ORDER BY c.seq LIMIT ?`);
  const forAdministrator = db.prepare<[number, number], RawChange>(`SELECT ${columns} ${join} WHERE c.admin_visible = 1 AND c.seq > ? ORDER BY c.seq LIMIT ?`);
  // The last `n` visible seqs at or before a seq, newest first (for overlapping pages).
  const recentForMediator = db.prepare<[string, number, number], { seq: number }>('SELECT seq FROM changes WHERE audience = ? AND seq <= ? ORDER BY seq DESC LIMIT ?');
  const recentForAdministrator = db.prepare<[number, number], { seq: number }>('SELECT seq FROM changes WHERE admin_visible = 1 AND seq <= ? ORDER BY seq DESC LIMIT ?');

  return {
    /** Up to `limit` changes after `afterSeq` visible to `user`, in seq order. */
    page(user: Mediator, afterSeq: number, limit: number): FeedPageText {
      const rows = user.role === 'administrator' ? forAdministrator.all(afterSeq, limit + 1) : forMediator.all(user.id, afterSeq, limit + 1);
      const hasMore = rows.length > limit;
      if (hasMore) rows.length = limit;
      const parts = rows.map((row) =>
        row.payload === null
          ? JSON.stringify({ seq: row.seq, type: 'message.created', message: messageFromRow({ ...row, id: row.id ?? '' }) })
          : `{"seq":${row.seq},${row.payload.slice(1)}`,
      );
      const lastSeq = rows.at(-1)?.seq ?? afterSeq;
      const cursor = encodeCursor(epoch, lastSeq);
      return { json: `{"changes":[${parts.join(',')}],"cursor":"${cursor}","hasMore":${hasMore}}`, cursor, count: rows.length };
    },

    /**
     * The duplicateFeedPages fault, computed from the REQUEST's position only (never from what
     * another request of the same user got, which may be ahead of this one): a page that starts
     * up to half a page BEFORE `afterSeq` — changes the caller already has — and goes on from
     * there. Its cursor is the last change it includes, as always, so it is never ahead of the
     * data it carries. At the start of the feed there is nothing to repeat: the normal page.
     */
    overlappingPage(user: Mediator, afterSeq: number, limit: number): FeedPageText {
      const back = Math.max(1, Math.ceil(limit / 2));
      const recent = user.role === 'administrator' ? recentForAdministrator.all(afterSeq, back) : recentForMediator.all(user.id, afterSeq, back);
      const oldest = recent.at(-1)?.seq;
      return this.page(user, oldest === undefined ? afterSeq : oldest - 1, limit);
    },
  };
}
