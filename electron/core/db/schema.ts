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

/** A chat message: the platform's, or the mediator's own (pending until the platform accepts it). */
export interface MessagesTable {
  id: string;
  platform_id: string | null;
  client_id: string | null;
  case_id: string;
  channel: string;
  author_role: string;
  author_id: string | null;
  author_name: string;
  body: string;
  sent_at: string;
  delivery: 'pending' | 'sent' | 'failed';
  failure_code: string | null;
}

export type OutboxKind = 'message' | 'stage_proposal' | 'assignment_decision' | 'session_schedule' | 'session_reschedule' | 'session_cancel' | 'session_outcome' | 'agreement_send' | 'agreement_fulfilment' | 'document_upload';

/** A local write waiting for the platform, pushed in id order. */
export interface OutboxTable {
  id: Generated<number>;
  client_id: string;
  kind: OutboxKind;
  case_id: string;
  /** JSON of the kind's payload (see electron/core/sync/outbox.ts). */
  payload: string;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** One row (id = 1): the feed position and the account; never the token. */
export interface SyncStateTable {
  id: ColumnType<1, 1 | undefined, never>;
  server_url: string | null;
  account_email: string | null;
  user_id: string | null;
  cursor: string | null;
  applied_seq: ColumnType<number, number | undefined, number>;
  last_synced_at: string | null;
}

export interface ConflictsTable {
  id: string;
  case_id: string;
  kind: 'stage_proposal';
  /** JSON of the Transition the mediator proposed. */
  mine: string;
  theirs_stage: string;
  theirs_sub_state: string | null;
  theirs_version: number;
  detected_at: string;
  resolved_at: string | null;
  resolution: 'accept_platform' | 'propose_again' | null;
}

export interface CaseAssignmentsTable {
  case_id: string;
  status: 'pending' | 'accepted' | 'unassigned' | 'unknown';
  changed_at: string;
}

export interface PlatformDocumentsTable {
  id: string;
  case_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  submitted_by: string;
  visibility: string;
  received_at: string;
}

/** A session: the platform's (from the feed or a write's answer) or the mediator's own, not yet accepted. */
export interface SessionsTable {
  id: string;
  case_id: string;
  kind: string;
  /** JSON of SessionMode. */
  mode: string;
  starts_at: string;
  ends_at: string;
  zone: string;
  duration_minutes: number;
  /** JSON array of Participant. */
  participants: string;
  status: string;
  sequence: number;
  version: number;
  updated_at: string;
  /** JSON {change, code, at} of the last change the platform refused, or null. */
  refused_change: string | null;
}

/** The mediator's private minutes of a session: never synced, never exported. */
export interface SessionMinutesTable {
  session_id: string;
  minutes: string;
  updated_at: string;
}

export interface BusyBlocksTable {
  id: string;
  file_name: string;
  summary: string | null;
  starts_at: string;
  ends_at: string;
}

export interface ScheduleSettingsTable {
  id: ColumnType<1, 1 | undefined, never>;
  /** JSON of WorkingHours. */
  working_hours: string;
  /** JSON of ScheduleSettings['reminders']. */
  reminders: string;
}

export interface RemindersSentTable {
  key: string;
  sent_at: string;
}

export interface AgreementsTable {
  id: string;
  case_id: string;
  number: number;
  status: string;
  consumer_decision: string;
  company_decision: string;
  updated_at: string;
  version: number;
}

/** 0005: every document of every case (see the migration for how platform_documents joins it). */
export interface DocumentsTable {
  id: string;
  case_id: string;
  file_name: string;
  category: string;
  submitted_by: string;
  visibility: string;
  received_at: string;
  size_bytes: number;
  media_type: string;
  kind: string;
  sha256: string;
  source: string;
  availability: string;
  integrity: string;
  upload: string;
  redacted_from: string | null;
  page_count: number | null;
  text_indexed: Generated<number>;
  problem: string | null;
  checked_at: string | null;
  /** 0006: why the platform refused the upload (DocumentUploadProblem), when it did. */
  upload_problem: string | null;
  /** Generated (0006): why the document needs the mediator (DocumentAttentionReason), or null. */
  attention: GeneratedAlways<string | null>;
}

export interface DocumentTextTable {
  id: Generated<number>;
  document_id: string;
  page: number | null;
  body: string;
}

export interface CustodyLogTable {
  document_id: string;
  seq: number;
  event: string;
  at: string;
  actor: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface HearingSheetsTable {
  case_id: string;
  consumer_position: string;
  company_position: string;
  interests: string;
  issues: string;
  options: string;
  notes: string;
  updated_at: string;
}

export interface Database {
  cases: CasesTable;
  parties: PartiesTable;
  deadlines: DeadlinesTable;
  mediators: MediatorsTable;
  local_profile: LocalProfileTable;
  notes: NotesTable;
  audit_log: AuditLogTable;
  messages: MessagesTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
  conflicts: ConflictsTable;
  case_assignments: CaseAssignmentsTable;
  platform_documents: PlatformDocumentsTable;
  sessions: SessionsTable;
  session_minutes: SessionMinutesTable;
  busy_blocks: BusyBlocksTable;
  schedule_settings: ScheduleSettingsTable;
  reminders_sent: RemindersSentTable;
  agreements: AgreementsTable;
  documents: DocumentsTable;
  document_text: DocumentTextTable;
  custody_log: CustodyLogTable;
  hearing_sheets: HearingSheetsTable;
}
