import type { Kysely } from 'kysely';
import type { AgreementVariables } from '../../../shared/agreements/content';
import { variableSpec } from '../../../shared/agreements/variables';
import type { Deadline } from '../../../shared/domain/deadline';
import { settleFulfilment } from '../../../shared/domain/deadline-policy';
import { computeDueAt, dueLocalDate, endOfLocalDay } from '../../../shared/domain/deadlines';
import { epochDay } from '../../../shared/domain/zoned-day';
import type { Database } from '../db/schema';
import { refreshNextDeadlines } from '../repositories/deadline-sweep';
import { deadlineColumns } from '../repositories/rows';

export type FulfilmentTerm = Pick<Deadline, 'startsAt' | 'dueAt' | 'count' | 'days'>;

/**
 * The agreed fulfilment deadline as the agreement words it. The date is `fecha_cumplimiento`
 * (the last business-day period the text uses, counted from `fecha_acuerdo`); when one of
 * the agreement's periods ends on that date the deadline is that many business days, so the
 * case view says "10 días hábiles" like the acta; otherwise it is the plain date.
 */
export function fulfilmentTerm(variables: AgreementVariables, dueDate: string): FulfilmentTerm {
  const agreedOn = variables.fecha_acuerdo;
  const from = typeof agreedOn === 'string' ? agreedOn : dueDate;
  const startsAt = endOfLocalDay(from);
  for (const [name, value] of Object.entries(variables)) {
    if (variableSpec(name)?.kind !== 'business_days' || typeof value !== 'number') continue;
    if (dueLocalDate({ startsAt, count: 'business', days: value }) === dueDate) {
      return { startsAt, count: 'business', days: value, dueAt: computeDueAt({ startsAt, count: 'business', days: value }) };
    }
  }
  return { startsAt, count: 'calendar', days: Math.max(0, epochDay(dueDate) - epochDay(from)), dueAt: endOfLocalDay(dueDate) };
}

/**
 * The fulfilment deadline as a row of the case's deadlines: the one place its date lives. The
 * case view, the agenda's Plazos row and the reminders read it like any other deadline.
 */
export const fulfilmentDeadlines = {
  async open(trx: Kysely<Database>, deadline: Pick<Deadline, 'id' | 'caseId'> & FulfilmentTerm): Promise<void> {
    await trx.insertInto('deadlines').values(deadlineColumns({ ...deadline, kind: 'agreement_fulfilment', status: 'open' })).execute();
    await refreshNextDeadlines(trx, [deadline.caseId]);
  },

  /** Met when the company fulfilled, breached when it did not; the case's next deadline moves on. */
  async settle(trx: Kysely<Database>, caseId: string, deadlineId: string, fulfilled: boolean): Promise<void> {
    await trx.updateTable('deadlines').set({ status: settleFulfilment(fulfilled) }).where('id', '=', deadlineId).where('case_id', '=', caseId).where('status', '=', 'open').execute();
    await refreshNextDeadlines(trx, [caseId]);
  },
};
