import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  AgreementOverviewState,
  FULFILMENT_DUE_SOON_DAYS,
  type AgreementOverview,
  type AgreementOverviewRow,
} from '../../../shared/contract/agreements';
import { endOfLocalDay, localDateOf } from '../../../shared/domain/deadlines';
import { addDays } from '../../../shared/domain/zoned-day';
import type { Database } from '../db/schema';

type State = AgreementOverviewState;

/*
 * Reads agreement_overview (0006): one row per case with an agreement, kept by triggers, indexed
 * by (state, due_at, activity_at). Its stored state has no clock: a pending fulfilment is split
 * here into overdue / due soon / pending by its due_at. Counting reads the index only; a page
 * reads each wanted state in order from the index and joins the case of the rows it returns.
 */
interface Bounds {
  readonly now: string;
  readonly soon: string;
}

const PENDING = sql`o.state = 'fulfilment_pending'`;

/** The WHERE term and the index order of one state. */
function stateTerm(state: State, { now, soon }: Bounds): { where: RawBuilder<unknown>; order: RawBuilder<unknown> } {
  const byDue = sql`o.due_at, o.case_id`;
  switch (state) {
    case 'fulfilment_overdue':
      return { where: sql`${PENDING} AND o.due_at < ${now}`, order: byDue };
    case 'fulfilment_due_soon':
      return { where: sql`${PENDING} AND o.due_at >= ${now} AND o.due_at <= ${soon}`, order: byDue };
    case 'fulfilment_pending':
      return { where: sql`${PENDING} AND (o.due_at > ${soon} OR o.due_at IS NULL)`, order: byDue };
    default:
      // due_at is null outside fulfilment: backwards on the index is newest activity first.
      return { where: sql`o.state = ${state}`, order: sql`o.due_at DESC, o.activity_at DESC, o.case_id DESC` };
  }
}

interface OverviewSqlRow extends Omit<AgreementOverviewRow, 'fulfilment'> {
  dueAt: string | null;
}

async function countStates(db: Kysely<Database>, bounds: Bounds): Promise<AgreementOverview['counts']> {
  const counts = Object.fromEntries(AgreementOverviewState.options.map((state) => [state, 0])) as AgreementOverview['counts'];
  const { rows } = await sql<{ state: State; n: number }>`SELECT state, count(*) AS n FROM agreement_overview GROUP BY state`.execute(db);
  for (const { state, n } of rows) counts[state] = n;
  const { rows: due } = await sql<{ overdue: number | null; soon: number | null }>`
    SELECT sum(o.due_at < ${bounds.now}) AS overdue, sum(o.due_at >= ${bounds.now} AND o.due_at <= ${bounds.soon}) AS soon
    FROM agreement_overview AS o WHERE ${PENDING}`.execute(db);
  counts.fulfilment_overdue = due[0]?.overdue ?? 0;
  counts.fulfilment_due_soon = due[0]?.soon ?? 0;
  counts.fulfilment_pending -= counts.fulfilment_overdue + counts.fulfilment_due_soon;
  return counts;
}

/** The "Acuerdos" section: cases with an agreement, what needs the mediator first. */
export async function listAgreementOverview(
  db: Kysely<Database>,
  input: { readonly states: readonly State[]; readonly limit: number },
  now: Date,
): Promise<AgreementOverview> {
  const nowIso = now.toISOString();
  const bounds: Bounds = { now: nowIso, soon: endOfLocalDay(addDays(localDateOf(nowIso), FULFILMENT_DUE_SOON_DAYS)) };
  const counts = await countStates(db, bounds);
  const wanted = AgreementOverviewState.options.filter((state) => input.states.length === 0 || input.states.includes(state));
  const rows: AgreementOverviewRow[] = [];
  for (const state of wanted) {
    const left = input.limit - rows.length;
    if (left <= 0) break;
    if (counts[state] === 0) continue;
    const { where, order } = stateTerm(state, bounds);
    const { rows: found } = await sql<OverviewSqlRow>`
      SELECT o.case_id AS caseId, c.folio AS folio, c.brand_name AS brandName, c.stage AS stage, c.sub_state AS subState,
             c.outcome AS outcome, o.number AS number, o.status AS status, o.consumer AS consumer, o.company AS company,
             ${state} AS state, o.due_at AS dueAt, o.activity_at AS lastActivityAt
      FROM agreement_overview AS o JOIN cases AS c ON c.id = o.case_id
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${left}`.execute(db);
    for (const row of found) rows.push(toRow(row));
  }
  return { rows, counts, matching: wanted.reduce((sum, state) => sum + counts[state], 0) };
}

const FULFILMENT: Partial<Record<State, 'pending' | 'fulfilled' | 'not_fulfilled'>> = {
  fulfilment_overdue: 'pending',
  fulfilment_due_soon: 'pending',
  fulfilment_pending: 'pending',
  fulfilled: 'fulfilled',
  not_fulfilled: 'not_fulfilled',
};

function toRow({ dueAt, ...row }: OverviewSqlRow): AgreementOverviewRow {
  const status = FULFILMENT[row.state];
  return { ...row, fulfilment: status && dueAt ? { dueDate: localDateOf(dueAt), dueAt, status } : null };
}
