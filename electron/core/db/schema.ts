import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/**
 * Typed tables of the local store (snake_case, as stored). Repositories map rows to the
 * camelCase domain shapes in shared/domain; nothing outside electron/core sees these types.
 * Booleans are 0/1 integers and JSON columns are text, because that is what SQLite stores.
 */

export interface CasesTable {
  id: string;
  folio: string;
  stage: string;
  sub_state: string | null;
  channel: string;
  brand_name: string;
  store_name: string;
  order_number: string;
  purchase_date: string;
  delivery_date: string | null;
  amount_clp: number;
  payment_method: string;
  category: string;
  description: string;
  requested_remedy: string;
  prior_complaint: 0 | 1;
  damage_reported: 0 | 1;
  /** JSON array of EscalationCriterion codes. */
  escalation_criteria: string;
  assigned_mediator_id: string | null;
  outcome: string | null;
  closed_from_stage: string | null;
  filed_at: string;
  updated_at: string;
  closed_at: string | null;
  version: number;
  /** Denormalised for the list: the first consumer party's name. */
  consumer_name: string;
  /** Denormalised for the list: the earliest OPEN deadline (null when none). */
  next_deadline_at: string | null;
  next_deadline_kind: string | null;
  /** Generated: next_deadline_at, or a far-future sentinel so cases without deadline sort last ascending. */
  next_deadline_sort: GeneratedAlways<string>;
}

export interface PartiesTable {
  id: string;
  case_id: string;
  role: string;
  name: string;
  rut: string | null;
  email: string | null;
  phone: string | null;
  /** JSON of Representative, or null. */
  representative: string | null;
}

export interface DeadlinesTable {
  id: string;
  case_id: string;
  kind: string;
  starts_at: string;
  due_at: string;
  count: string;
  days: number;
  status: string;
}

export interface MediatorsTable {
  id: string;
  name: string;
  email: string;
  role: string;
}

/** One row (id = 1): who uses this installation and how. */
export interface LocalProfileTable {
  id: ColumnType<1, 1 | undefined, never>;
  user_id: string;
  locale: ColumnType<string, string | undefined, string>;
}

export interface NotesTable {
  id: string;
  case_id: string;
  author_id: string;
  body: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string;
  action: string;
  case_id: string | null;
  entity_id: string | null;
  /** JSON object of code strings only; never case text. */
  data: string;
}

export interface Database {
  cases: CasesTable;
  parties: PartiesTable;
  deadlines: DeadlinesTable;
  mediators: MediatorsTable;
  local_profile: LocalProfileTable;
  notes: NotesTable;
  audit_log: AuditLogTable;
}
