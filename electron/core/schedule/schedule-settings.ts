import type { Kysely } from 'kysely';
import { DEFAULT_REMINDERS, type ScheduleSettings } from '../../../shared/contract/schedule';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../../../shared/schedule/session';
import type { Database } from '../db/schema';

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = { workingHours: DEFAULT_WORKING_HOURS, reminders: DEFAULT_REMINDERS };

/** Working hours and reminder lead times (one row; the defaults until the mediator changes them). */
export const scheduleSettingsRepository = {
  async get(db: Kysely<Database>): Promise<ScheduleSettings> {
    const row = await db.selectFrom('schedule_settings').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) return { workingHours: { ...DEFAULT_WORKING_HOURS, days: [...DEFAULT_WORKING_HOURS.days] }, reminders: { sessionLeadMinutes: [...DEFAULT_REMINDERS.sessionLeadMinutes], deadlineLeadMinutes: [...DEFAULT_REMINDERS.deadlineLeadMinutes] } };
    return { workingHours: JSON.parse(row.working_hours) as WorkingHours, reminders: JSON.parse(row.reminders) as ScheduleSettings['reminders'] };
  },

  async set(trx: Kysely<Database>, settings: ScheduleSettings): Promise<void> {
    const values = { working_hours: JSON.stringify(settings.workingHours), reminders: JSON.stringify(settings.reminders) };
    await trx
      .insertInto('schedule_settings')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  },
};
