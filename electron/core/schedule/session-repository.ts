import { sql, type Kysely, type Selectable } from 'kysely';
import type { SessionChangeKind, SessionView } from '../../../shared/contract/schedule';
import type { Participant, Session, SessionMode } from '../../../shared/schedule/session';
import { sessionEndsAt } from '../../../shared/schedule/local-time';
import type { Database, SessionsTable } from '../db/schema';

/** The last local change the platform refused, as SessionView shows it. */
export type RefusedChange = NonNullable<SessionView['refusedChange']>;

export interface StoredSession {
  readonly session: Session;
  readonly refusedChange: RefusedChange | null;
}

export const sessionFromRow = (row: Selectable<SessionsTable>): StoredSession => ({
  session: {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as Session['kind'],
    mode: JSON.parse(row.mode) as SessionMode,
    startsAt: row.starts_at,
    zone: row.zone,
    durationMinutes: row.duration_minutes,
    participants: JSON.parse(row.participants) as Participant[],
    status: row.status as Session['status'],
    sequence: row.sequence,
    version: row.version,
    updatedAt: row.updated_at,
  },
  refusedChange: row.refused_change === null ? null : (JSON.parse(row.refused_change) as RefusedChange),
});

/** The session's columns (refused_change apart: only the outbox settles it). */
export const sessionColumns = (s: Session) => ({
  id: s.id,
  case_id: s.caseId,
  kind: s.kind,
  mode: JSON.stringify(s.mode),
  starts_at: new Date(s.startsAt).toISOString(),
  ends_at: sessionEndsAt(s.startsAt, s.durationMinutes),
  zone: s.zone,
  duration_minutes: s.durationMinutes,
  participants: JSON.stringify(s.participants),
  status: s.status,
  sequence: s.sequence,
  version: s.version,
  updated_at: new Date(s.updatedAt).toISOString(),
});

/**
 * Upsert of the platform's session (feed 'session.upsert' and the answers to our writes), the
 * SAME statement for both paths: a version older than the stored one never overwrites it.
 * refused_change is left alone (it is about the mediator's change, not the record).
 */
export const UPSERT_PLATFORM_SESSION_SQL = `
  INSERT INTO sessions (id, case_id, kind, mode, starts_at, ends_at, zone, duration_minutes, participants, status, sequence, version, updated_at, refused_change)
  VALUES (@id, @case_id, @kind, @mode, @starts_at, @ends_at, @zone, @duration_minutes, @participants, @status, @sequence, @version, @updated_at, NULL)
  ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, kind = excluded.kind, mode = excluded.mode, starts_at = excluded.starts_at,
    ends_at = excluded.ends_at, zone = excluded.zone, duration_minutes = excluded.duration_minutes, participants = excluded.participants,
    status = excluded.status, sequence = excluded.sequence, version = excluded.version, updated_at = excluded.updated_at
  WHERE excluded.version >= sessions.version`;

export const sessionRepository = {
  async get(db: Kysely<Database>, id: string): Promise<StoredSession | null> {
    const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? sessionFromRow(row) : null;
  },

  /** Sessions overlapping [from, to), by start. */
  async listRange(db: Kysely<Database>, from: string, to: string): Promise<StoredSession[]> {
    const rows = await db.selectFrom('sessions').selectAll().where('starts_at', '<', to).where('ends_at', '>', from).orderBy('starts_at').orderBy('id').execute();
    return rows.map(sessionFromRow);
  },

  async listCase(db: Kysely<Database>, caseId: string): Promise<StoredSession[]> {
    const rows = await db.selectFrom('sessions').selectAll().where('case_id', '=', caseId).orderBy('starts_at').orderBy('id').execute();
    return rows.map(sessionFromRow);
  },

  async insertLocal(trx: Kysely<Database>, session: Session): Promise<void> {
    await trx.insertInto('sessions').values({ ...sessionColumns(session), refused_change: null }).execute();
  },

  /** The mediator's change, applied locally at once; a new change clears the last refusal. */
  async updateLocal(trx: Kysely<Database>, session: Session): Promise<void> {
    const { id: _id, ...columns } = sessionColumns(session);
    await trx.updateTable('sessions').set({ ...columns, refused_change: null }).where('id', '=', session.id).execute();
  },

  async upsertFromPlatform(trx: Kysely<Database>, session: Session): Promise<void> {
    const c = sessionColumns(session);
    await trx
      .insertInto('sessions')
      .values({ ...c, refused_change: null })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            case_id: eb.ref('excluded.case_id'),
            kind: eb.ref('excluded.kind'),
            mode: eb.ref('excluded.mode'),
            starts_at: eb.ref('excluded.starts_at'),
            ends_at: eb.ref('excluded.ends_at'),
            zone: eb.ref('excluded.zone'),
            duration_minutes: eb.ref('excluded.duration_minutes'),
            participants: eb.ref('excluded.participants'),
            status: eb.ref('excluded.status'),
            sequence: eb.ref('excluded.sequence'),
            version: eb.ref('excluded.version'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where(sql<boolean>`excluded.version >= sessions.version`),
      )
      .execute();
  },

  async setRefused(trx: Kysely<Database>, id: string, change: SessionChangeKind, code: 'conflict' | 'rejected', at: Date): Promise<void> {
    await trx.updateTable('sessions').set({ refused_change: JSON.stringify({ change, code, at: at.toISOString() }) }).where('id', '=', id).execute();
  },

  /** Ids (of `ids`) with a change still in the outbox. */
  async pendingIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn<string>('json_extract', [eb.ref('payload'), eb.val('$.sessionId')]).as('session_id'))
      .where(sql<boolean>`kind LIKE 'session_%'`)
      .execute();
    const wanted = new Set(ids);
    return new Set(rows.map((r) => r.session_id).filter((id) => wanted.has(id)));
  },
};
