import { sql, type Kysely } from 'kysely';

/**
 * 0003 — scheduling. IMMUTABLE once released.
 *
 * - sessions: rebuilt with typed columns (mode and participants as JSON) — ONE table for the
 *   platform's sessions (feed 'session.upsert') and the mediator's own not yet accepted ones.
 *   Rows 0002 stored from the feed carried no mode, participants or sequence: they get a
 *   placeholder mode and no participants, and the platform's next 'session.upsert' replaces them.
 *   ends_at is stored (starts_at + duration) so the agenda reads a range from an index.
 * - outbox: rebuilt to allow the session kinds (a CHECK cannot be altered in SQLite);
 *   AUTOINCREMENT ids carry over, so push order is unchanged.
 * - session_minutes: the mediator's PRIVATE minutes. Local only: the sync engine never reads
 *   this table, no export includes it (like notes).
 * - busy_blocks: the mediator's other commitments from imported .ics files; local only.
 * - schedule_settings: one row, working hours and reminder lead times (JSON).
 * - reminders_sent: a reminder fired (key: kind, id, lead, instant), so a restart does not repeat it.
 */
const statements = [
  `CREATE TABLE sessions_0003 (
    id               TEXT PRIMARY KEY NOT NULL,
    case_id          TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('joint', 'caucus_consumer', 'caucus_company')),
    mode             TEXT NOT NULL CHECK (json_valid(mode)),
    starts_at        TEXT NOT NULL,
    ends_at          TEXT NOT NULL,
    zone             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    participants     TEXT NOT NULL CHECK (json_valid(participants)),
    status           TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rescheduled', 'cancelled', 'held', 'no_show')),
    sequence         INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    refused_change   TEXT CHECK (refused_change IS NULL OR json_valid(refused_change))
  )`,
  `INSERT INTO sessions_0003 (id, case_id, kind, mode, starts_at, ends_at, zone, duration_minutes, participants, status, sequence, version, updated_at, refused_change)
   SELECT id, case_id,
     CASE WHEN kind IN ('joint', 'caucus_consumer', 'caucus_company') THEN kind ELSE 'joint' END,
     '{"type":"place","address":"—"}',
     starts_at,
     strftime('%Y-%m-%dT%H:%M:%fZ', starts_at, '+' || duration_minutes || ' minutes'),
     zone, duration_minutes, '[]',
     CASE WHEN status IN ('proposed', 'confirmed', 'rescheduled', 'cancelled', 'held', 'no_show') THEN status ELSE 'proposed' END,
     0, version, starts_at, NULL
   FROM sessions`,
  `DROP TABLE sessions`,
  `ALTER TABLE sessions_0003 RENAME TO sessions`,
  `CREATE INDEX sessions_by_case ON sessions (case_id, starts_at)`,
  `CREATE INDEX sessions_by_start ON sessions (starts_at, ends_at)`,

  `CREATE TABLE outbox_0003 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('message', 'stage_proposal', 'assignment_decision', 'session_schedule', 'session_reschedule', 'session_cancel', 'session_outcome')),
    case_id         TEXT NOT NULL,
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL
  )`,
  `INSERT INTO outbox_0003 SELECT id, client_id, kind, case_id, payload, attempts, next_attempt_at, last_error, created_at FROM outbox`,
  `DROP TABLE outbox`,
  `ALTER TABLE outbox_0003 RENAME TO outbox`,
  // "Is a change of this session still waiting?" for the agenda's pending flag.
  `CREATE INDEX outbox_by_session ON outbox (json_extract(payload, '$.sessionId')) WHERE kind LIKE 'session_%'`,

  `CREATE TABLE session_minutes (
    session_id TEXT PRIMARY KEY NOT NULL,
    minutes    TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID`,

  `CREATE TABLE busy_blocks (
    id        TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    summary   TEXT,
    starts_at TEXT NOT NULL,
    ends_at   TEXT NOT NULL CHECK (ends_at > starts_at)
  )`,
  `CREATE INDEX busy_blocks_by_start ON busy_blocks (starts_at, ends_at)`,
  `CREATE INDEX busy_blocks_by_file ON busy_blocks (file_name)`,

  `CREATE TABLE schedule_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    working_hours TEXT NOT NULL CHECK (json_valid(working_hours)),
    reminders     TEXT NOT NULL CHECK (json_valid(reminders))
  )`,

  `CREATE TABLE reminders_sent (
    key     TEXT PRIMARY KEY NOT NULL,
    sent_at TEXT NOT NULL
  ) WITHOUT ROWID`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type, by convention
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
