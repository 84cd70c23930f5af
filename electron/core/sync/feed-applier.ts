import type { Statement } from 'better-sqlite3';
import type { FeedChange, FeedPage } from '../../../shared/platform/feed';
import type { MessageChannel, PlatformMessage } from '../../../shared/platform/messages';
import type { Store } from '../db/store';
import { auditDataJson } from '../repositories/audit-repository';
import { createBundleWriter } from '../repositories/case-import';
import { sessionColumns, UPSERT_PLATFORM_SESSION_SQL } from '../schedule/session-repository';
import { applyFeedAgreement, UPSERT_PLATFORM_AGREEMENT_SQL } from '../agreements/agreement-sync';
import { COMMIT_POSITION_SQL, syncStateRepository } from './sync-state';
import { yieldToEventLoop } from './yield';
import { createCaseMessageSearch } from './case-message-search';

/** The audit actor of everything the platform changed. */
export const PLATFORM_ACTOR = 'platform';

/**
 * At most this many changes per transaction (and per feed page asked for), so one commit never
 * holds the event loop long. Measured (npm run bench, 200 000 messages): 500 messages per
 * transaction stalled the loop up to ~200 ms when a WAL checkpoint or an FTS merge landed in the
 * commit; 200 keeps the worst stall under 100 ms and the first sync was no slower (18 s vs 20 s).
 */
export const MAX_CHANGES_PER_TRANSACTION = 200;

export interface ApplySummary {
  /** Changes applied (after skipping those already applied). */
  readonly changes: number;
  readonly cases: number;
  readonly messages: number;
  readonly touchedCases: ReadonlySet<string>;
  /** `${caseId}\n${channel}` of every channel that got a message. */
  readonly touchedChannels: ReadonlySet<string>;
  /** Cases whose sessions changed (sessionsChanged). */
  readonly touchedSessionCases: ReadonlySet<string>;
  /** Cases whose agreement versions got news (agreementsChanged). */
  readonly touchedAgreementCases: ReadonlySet<string>;
}

export const channelKey = (caseId: string, channel: MessageChannel): string => `${caseId}\n${channel}`;

/**
 * Applies validated feed pages to the store. Each chunk of ≤ 500 changes is ONE transaction
 * together with the feed position: applied_seq always, and the page's cursor with its last
 * chunk. Changes with seq ≤ applied_seq are skipped, which makes a repeated, overlapping or
 * re-fetched page (after a crash between chunks) harmless. Between chunks it yields to the
 * event loop.
 */
export class FeedApplier {
  readonly #store: Store;
  readonly #now: () => Date;
  #statements: ReturnType<typeof prepareStatements> | null = null;
  #messageSearch: ReturnType<typeof createCaseMessageSearch> | null = null;

  constructor(store: Store, now: () => Date) {
    this.#store = store;
    this.#now = now;
  }

  async applyPage(page: FeedPage): Promise<ApplySummary> {
    const state = await syncStateRepository.get(this.#store.db);
    let applied = state.applied_seq;
    const fresh: FeedChange[] = [];
    for (const change of page.changes) {
      if (change.seq <= applied) continue;
      fresh.push(change);
      applied = change.seq;
    }
    const summary = { changes: fresh.length, cases: 0, messages: 0, touchedCases: new Set<string>(), touchedChannels: new Set<string>(), touchedSessionCases: new Set<string>(), touchedAgreementCases: new Set<string>() };
    if (fresh.length === 0) {
      // A page of changes we already have (a repeated page) teaches nothing: keep our cursor
      // rather than trust one that came with stale data. An empty page is the end: note the time.
      const cursor = page.changes.length === 0 ? page.cursor : null;
      await this.#store.write(async () => {
        this.#prepared().commitPosition.run(state.applied_seq, cursor, this.#now().toISOString());
      });
      return summary;
    }
    for (let start = 0; start < fresh.length; start += MAX_CHANGES_PER_TRANSACTION) {
      const chunk = fresh.slice(start, start + MAX_CHANGES_PER_TRANSACTION);
      const last = start + MAX_CHANGES_PER_TRANSACTION >= fresh.length;
      await this.#store.write(async () => {
        const at = this.#now().toISOString();
        const s = this.#prepared();
        const writeBundle = createBundleWriter(this.#store.sqlite, PLATFORM_ACTOR, at, 'new_only');
        for (const change of chunk) this.#applyChange(change, s, writeBundle, at, summary);
        this.#refreshMessageSearch()(casesWithNewText(chunk));
        const lastSeq = chunk[chunk.length - 1]?.seq ?? 0;
        s.commitPosition.run(lastSeq, last ? page.cursor : null, last ? at : null);
      });
      if (!last) await yieldToEventLoop();
    }
    return summary;
  }

  #prepared() {
    this.#statements ??= prepareStatements(this.#store);
    return this.#statements;
  }

  #refreshMessageSearch() {
    this.#messageSearch ??= createCaseMessageSearch(this.#store.sqlite);
    return this.#messageSearch;
  }

  #applyChange(
    change: FeedChange,
    s: ReturnType<typeof prepareStatements>,
    writeBundle: ReturnType<typeof createBundleWriter>,
    at: string,
    summary: { cases: number; messages: number; touchedCases: Set<string>; touchedChannels: Set<string>; touchedSessionCases: Set<string>; touchedAgreementCases: Set<string> },
  ): void {
    switch (change.type) {
      case 'case.upsert': {
        writeBundle(change.bundle);
        s.upsertAssignment.run(change.bundle.case.id, change.assignment ?? 'unknown', at);
        summary.cases += 1;
        summary.touchedCases.add(change.bundle.case.id);
        return;
      }
      case 'case.stage_changed': {
        const record = change.bundle.case;
        writeBundle(change.bundle);
        s.insertAssignmentIfMissing.run(record.id, 'unknown', at);
        const data: Record<string, string> = { from_stage: change.from.stage, to_stage: record.stage };
        if (change.from.subState) data.from_sub_state = change.from.subState;
        if (record.subState) data.to_sub_state = record.subState;
        if (record.outcome && record.stage === 'closed') data.outcome = record.outcome;
        s.insertAudit.run(new Date(change.at).toISOString(), PLATFORM_ACTOR, 'case.stage_changed', record.id, record.id, auditDataJson(data));
        summary.cases += 1;
        summary.touchedCases.add(record.id);
        return;
      }
      case 'case.unassigned': {
        // Read-only from now on; the case, its messages and the private notes all stay.
        s.upsertAssignment.run(change.caseId, 'unassigned', at);
        summary.cases += 1;
        summary.touchedCases.add(change.caseId);
        return;
      }
      case 'message.created': {
        applyMessage(change.message, s);
        summary.messages += 1;
        summary.touchedChannels.add(channelKey(change.message.caseId, change.message.channel));
        return;
      }
      case 'document.upsert': {
        const d = change.document;
        s.upsertDocument.run(d.id, d.caseId, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.submittedBy, d.visibility, d.receivedAt);
        summary.touchedCases.add(d.caseId);
        return;
      }
      case 'session.upsert': {
        const x = change.session;
        s.upsertSession.run(sessionColumns(x));
        summary.touchedCases.add(x.caseId);
        summary.touchedSessionCases.add(x.caseId);
        return;
      }
      case 'agreement.upsert': {
        const a = change.agreement;
        applyFeedAgreement(this.#store.sqlite, s.upsertAgreement, a, PLATFORM_ACTOR);
        summary.touchedCases.add(a.caseId);
        summary.touchedAgreementCases.add(a.caseId);
        return;
      }
      default:
        assertNever(change);
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled feed change ${JSON.stringify(value).slice(0, 80)}`);
}

/**
 * A message from the feed. Our own (its clientId matches a local row) marks that row sent with
 * the platform's id and drops its outbox row — the platform has it, whatever happened to the
 * answer of our POST. Anything else is inserted unless already stored (ON CONFLICT on id,
 * platform_id or client_id: never a duplicate).
 */
function applyMessage(m: PlatformMessage, s: ReturnType<typeof prepareStatements>): void {
  const localId = m.clientId === null ? undefined : (s.localIdByClientId.get(m.clientId) as string | undefined);
  if (localId !== undefined) {
    s.deleteOtherWithPlatformId.run(m.id, localId);
    s.markSent.run(m.id, m.sentAt, m.authorName, localId);
    if (m.clientId !== null) s.deleteOutboxByClientId.run(m.clientId);
    return;
  }
  s.insertMessage.run(m.id, m.id, m.clientId, m.caseId, m.channel, m.authorRole, m.authorId, m.authorName, m.body, new Date(m.sentAt).toISOString());
}

function prepareStatements(store: Store): Record<
  | 'commitPosition'
  | 'upsertAssignment'
  | 'insertAssignmentIfMissing'
  | 'insertAudit'
  | 'localIdByClientId'
  | 'deleteOtherWithPlatformId'
  | 'markSent'
  | 'deleteOutboxByClientId'
  | 'insertMessage'
  | 'upsertDocument'
  | 'upsertSession'
  | 'upsertAgreement',
  Statement
> {
  const db = store.sqlite;
  return {
    commitPosition: db.prepare(COMMIT_POSITION_SQL),
    upsertAssignment: db.prepare(
      `INSERT INTO case_assignments (case_id, status, changed_at) VALUES (?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, changed_at = excluded.changed_at`,
    ),
    insertAssignmentIfMissing: db.prepare(`INSERT INTO case_assignments (case_id, status, changed_at) VALUES (?, ?, ?) ON CONFLICT (case_id) DO NOTHING`),
    insertAudit: db.prepare(`INSERT INTO audit_log (at, actor_id, action, case_id, entity_id, data) VALUES (?, ?, ?, ?, ?, ?)`),
    localIdByClientId: db.prepare(`SELECT id FROM messages WHERE client_id = ?`).pluck(),
    deleteOtherWithPlatformId: db.prepare(`DELETE FROM messages WHERE platform_id = ? AND id != ?`),
    markSent: db.prepare(`UPDATE messages SET platform_id = ?, sent_at = ?, author_name = ?, delivery = 'sent', failure_code = NULL WHERE id = ?`),
    deleteOutboxByClientId: db.prepare(`DELETE FROM outbox WHERE client_id = ?`),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, platform_id, client_id, case_id, channel, author_role, author_id, author_name, body, sent_at, delivery, failure_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', NULL) ON CONFLICT DO NOTHING`,
    ),
    upsertDocument: db.prepare(
      `INSERT INTO platform_documents (id, case_id, file_name, media_type, size_bytes, sha256, submitted_by, visibility, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, file_name = excluded.file_name, media_type = excluded.media_type,
         size_bytes = excluded.size_bytes, sha256 = excluded.sha256, submitted_by = excluded.submitted_by,
         visibility = excluded.visibility, received_at = excluded.received_at`,
    ),
    upsertSession: db.prepare(UPSERT_PLATFORM_SESSION_SQL),
    upsertAgreement: db.prepare(UPSERT_PLATFORM_AGREEMENT_SQL),
  };
}

/**
 * Cases whose message-search document must be rebuilt: those that got messages, and cases that
 * arrived (their messages may have come first, e.g. replayed after a reassignment).
 */
function casesWithNewText(changes: readonly FeedChange[]): Set<string> {
  const caseIds = new Set<string>();
  for (const change of changes) {
    if (change.type === 'message.created') caseIds.add(change.message.caseId);
    else if (change.type === 'case.upsert') caseIds.add(change.bundle.case.id);
  }
  return caseIds;
}
