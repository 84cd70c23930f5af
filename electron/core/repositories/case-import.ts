import type { Statement } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { CaseBundle } from '../../../shared/domain/case';
import type { Deadline } from '../../../shared/domain/deadline';
import type { Database } from '../db/schema';
import type { SqliteHandle, Store } from '../db/store';
import { auditDataJson } from './audit-repository';
import { NEXT_DEADLINE_SET_SQL } from './deadline-sweep';
import { profileRepository } from './profile-repository';
import { caseColumns } from './rows';

const CASE_COLUMNS = [
  'id', 'folio', 'stage', 'sub_state', 'channel', 'brand_name', 'store_name', 'order_number', 'purchase_date',
  'delivery_date', 'amount_clp', 'payment_method', 'category', 'description', 'requested_remedy', 'prior_complaint',
  'damage_reported', 'escalation_criteria', 'assigned_mediator_id', 'outcome', 'closed_from_stage', 'filed_at',
  'updated_at', 'closed_at', 'version', 'consumer_name', 'next_deadline_at', 'next_deadline_kind',
] as const;
const PARTY_COLUMNS = ['id', 'case_id', 'role', 'name', 'rut', 'email', 'phone', 'representative'] as const;
const DEADLINE_COLUMNS = ['id', 'case_id', 'kind', 'starts_at', 'due_at', 'count', 'days', 'status'] as const;
const FTS_COLUMNS = [
  'rowid', 'folio', 'order_number', 'brand_name', 'store_name', 'consumer_name', 'company_name', 'description', 'requested_remedy',
] as const;
const AUDIT_COLUMNS = ['at', 'actor_id', 'action', 'case_id', 'entity_id', 'data'] as const;

const placeholders = (columns: ReadonlyArray<string>) => columns.map(() => '?').join(', ');
const insertSql = (table: string, columns: ReadonlyArray<string>, tail = '') =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(columns)})${tail}`;

/** The earliest OPEN deadline, denormalised onto the case row for the list. */
export function nextOpenDeadline(deadlines: ReadonlyArray<Deadline>): Deadline | null {
  let next: Deadline | null = null;
  for (const deadline of deadlines) {
    if (deadline.status === 'open' && (next === null || Date.parse(deadline.dueAt) < Date.parse(next.dueAt))) next = deadline;
  }
  return next;
}

/**
 * Instants the list sorts or filters on are compared as TEXT in SQL, so they are stored in one
 * shape: toISOString's (milliseconds, 'Z'). The schema also accepts "…:00Z" or microseconds.
 */
const iso = (instant: string): string => new Date(instant).toISOString();

const namesOf = (bundle: CaseBundle, role: 'consumer' | 'company'): string =>
  bundle.parties.filter((p) => p.role === role).map((p) => p.name).join(' · ');

/**
 * Imports (inserts or replaces) case bundles — the platform's data or the demo generator's —
 * in ONE transaction, with an audit row per case. Bundles must already be validated (the
 * platform client validates at the HTTP boundary; the demo generator produces valid ones).
 * Local data survives a re-import: the case row is updated in place (its rowid, hence its
 * notes and its search row id, stay), parties and deadlines are replaced.
 *
 * Speed: this is the one bulk path, so it bypasses kysely's per-query work (building a query
 * tree, compiling it, and its driver preparing the SQL anew on every execute) and runs
 * better-sqlite3 statements prepared once, one row per run(), on the raw connection — inside
 * the transaction Store.write opened and while kysely's connection mutex is held, so nothing
 * can interleave. Why not one compiled multi-row INSERT: we measured multi-row VALUES (20, 50
 * and 100 rows per statement) against these single-row statements on 50 000-100 000 cases and
 * it was never faster, often 1.4-1.7× slower; the cost is SQLite's B-tree and index work per
 * row, not the JS→native call. Figures: npm run bench.
 */
export function importCaseBundles(store: Store, bundles: Iterable<CaseBundle>, now: Date): Promise<number> {
  return store.write((trx) => importCaseBundlesIn(trx, store.sqlite, bundles, now));
}

export interface ImportOptions {
  /** The audit actor; default: the local user. The sync engine names the platform. */
  readonly actorId?: string;
  /**
   * 'every': one 'case.imported' row per bundle (an import is an event of each case).
   * 'new_only': only for cases not stored before — the sync engine re-applies a case on every
   * platform edit, and those are not imports.
   */
  readonly audit?: 'every' | 'new_only';
}

/** The same, inside a transaction the caller holds (e.g. the demo seeding, all or nothing). */
export async function importCaseBundlesIn(
  trx: Kysely<Database>,
  sqlite: SqliteHandle,
  bundles: Iterable<CaseBundle>,
  now: Date,
  options: ImportOptions = {},
): Promise<number> {
  const actorId = options.actorId ?? (await profileRepository.currentUserId(trx));
  const writer = new BundleWriter(sqlite, actorId, now.toISOString(), options.audit ?? 'every');
  let count = 0;
  for (const bundle of bundles) {
    writer.write(bundle);
    count += 1;
  }
  return count;
}

/**
 * A writer for callers that hold the raw connection inside a Store.write (the sync engine's
 * feed applier): no kysely round trip, statements prepared once per writer.
 */
export function createBundleWriter(sqlite: SqliteHandle, actorId: string, at: string, audit: 'every' | 'new_only'): (bundle: CaseBundle) => boolean {
  const writer = new BundleWriter(sqlite, actorId, at, audit);
  return (bundle) => writer.write(bundle);
}

class BundleWriter {
  readonly #actorId: string;
  readonly #at: string;
  readonly #audit: 'every' | 'new_only';
  readonly #insertCase: Statement;
  readonly #updateCase: Statement;
  readonly #rowidOf: Statement;
  readonly #deleteFts: Statement;
  readonly #deleteParties: Statement;
  readonly #deleteDeadlines: Statement;
  readonly #nextWithKept: Statement;
  readonly #hasAgreements: Statement;
  readonly #touchAgreements: Statement;
  readonly #insertParty: Statement;
  readonly #insertDeadline: Statement;
  readonly #insertFts: Statement;
  readonly #insertAudit: Statement;

  constructor(sqlite: SqliteHandle, actorId: string, at: string, audit: 'every' | 'new_only') {
    this.#actorId = actorId;
    this.#at = at;
    this.#audit = audit;
    // ON CONFLICT (id) only: a new case costs one plain insert; an existing one (changes = 0)
    // takes the update path. Any other conflict (the same folio under another id) still aborts.
    this.#insertCase = sqlite.prepare(insertSql('cases', CASE_COLUMNS, ' ON CONFLICT (id) DO NOTHING'));
    this.#updateCase = sqlite.prepare(
      `UPDATE cases SET ${CASE_COLUMNS.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    this.#rowidOf = sqlite.prepare('SELECT rowid FROM cases WHERE id = ?').pluck();
    this.#deleteFts = sqlite.prepare('DELETE FROM cases_fts WHERE rowid = ?');
    this.#deleteParties = sqlite.prepare('DELETE FROM parties WHERE case_id = ?');
    // The agreement's fulfilment deadline is the mediator's (set when closing with an agreement,
    // settled by recording fulfilment); the platform's bundle never carries it, so it stays.
    this.#deleteDeadlines = sqlite.prepare(`DELETE FROM deadlines WHERE case_id = ? AND kind <> 'agreement_fulfilment'`);
    this.#nextWithKept = sqlite.prepare(`UPDATE cases SET ${NEXT_DEADLINE_SET_SQL}
      WHERE id = ? AND EXISTS (SELECT 1 FROM deadlines k WHERE k.case_id = cases.id AND k.kind = 'agreement_fulfilment' AND k.status = 'open')`);
    // The feed may bring a case's agreement before the case: touching it fires the agreement
    // overview's refresh trigger now that the case exists (no trigger on inserting cases, 0006).
    // (Probed first: an UPDATE per new case, even of no row, cost the import a third of its rate.)
    this.#hasAgreements = sqlite.prepare('SELECT 1 FROM agreements WHERE case_id = ? LIMIT 1').pluck();
    this.#touchAgreements = sqlite.prepare('UPDATE agreements SET case_id = case_id WHERE case_id = ?');
    this.#insertParty = sqlite.prepare(insertSql('parties', PARTY_COLUMNS));
    this.#insertDeadline = sqlite.prepare(insertSql('deadlines', DEADLINE_COLUMNS));
    this.#insertFts = sqlite.prepare(insertSql('cases_fts', FTS_COLUMNS));
    this.#insertAudit = sqlite.prepare(insertSql('audit_log', AUDIT_COLUMNS));
  }

  /** Inserts or replaces one bundle; true when the case was new. */
  write(bundle: CaseBundle): boolean {
    const record = bundle.case;
    const next = nextOpenDeadline(bundle.deadlines);
    const consumers = namesOf(bundle, 'consumer');
    const c = caseColumns(record);
    const values = [
      c.id, c.folio, c.stage, c.sub_state, c.channel, c.brand_name, c.store_name, c.order_number, c.purchase_date,
      c.delivery_date, c.amount_clp, c.payment_method, c.category, c.description, c.requested_remedy, c.prior_complaint,
      c.damage_reported, c.escalation_criteria, c.assigned_mediator_id, c.outcome, c.closed_from_stage, iso(c.filed_at),
      iso(c.updated_at), c.closed_at, c.version, consumers, next ? iso(next.dueAt) : null, next?.kind ?? null,
    ];

    let rowid: number | bigint;
    const inserted = this.#insertCase.run(values);
    if (inserted.changes === 1) {
      rowid = inserted.lastInsertRowid;
    } else {
      // A case already stored: replace it in place and drop what the bundle replaces.
      rowid = this.#rowidOf.get(record.id) as number;
      this.#updateCase.run([...values.slice(1), record.id]);
      this.#deleteFts.run(rowid);
      this.#deleteParties.run(record.id);
      this.#deleteDeadlines.run(record.id);
    }

    for (const p of bundle.parties) {
      this.#insertParty.run(p.id, record.id, p.role, p.name, p.rut, p.email, p.phone, p.representative === null ? null : JSON.stringify(p.representative));
    }
    for (const d of bundle.deadlines) {
      this.#insertDeadline.run(d.id, record.id, d.kind, d.startsAt, iso(d.dueAt), d.count, d.days, d.status);
    }
    if (inserted.changes !== 1) this.#nextWithKept.run(record.id);
    else if (this.#hasAgreements.get(record.id) !== undefined) this.#touchAgreements.run(record.id);
    this.#insertFts.run(
      rowid, record.folio, record.orderNumber, record.brandName, record.storeName,
      consumers, namesOf(bundle, 'company'), record.description, record.requestedRemedy,
    );
    const isNew = inserted.changes === 1;
    if (isNew || this.#audit === 'every') {
      this.#insertAudit.run(this.#at, this.#actorId, 'case.imported', record.id, record.id, auditDataJson({ stage: record.stage }));
    }
    return isNew;
  }
}
