import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HearingSheet, SaveHearingSheetInput } from '../../../shared/contract/documents';
import type { Database } from '../db/schema';

/** The mediator's private hearing preparation sheet (table hearing_sheets): local only, never synced. */
export const preparationSheets = {
  async get(db: Kysely<Database>, caseId: string): Promise<HearingSheet> {
    const row = await db.selectFrom('hearing_sheets').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    if (!row) return { caseId, consumerPosition: '', companyPosition: '', interests: '', issues: '', options: '', notes: '', updatedAt: null };
    return {
      caseId,
      consumerPosition: row.consumer_position,
      companyPosition: row.company_position,
      interests: row.interests,
      issues: row.issues,
      options: row.options,
      notes: row.notes,
      updatedAt: row.updated_at,
    };
  },

  async save(db: Kysely<Database>, input: z.infer<typeof SaveHearingSheetInput>, at: string): Promise<HearingSheet> {
    const values = {
      consumer_position: input.consumerPosition,
      company_position: input.companyPosition,
      interests: input.interests,
      issues: input.issues,
      options: input.options,
      notes: input.notes,
      updated_at: at,
    };
    await db
      .insertInto('hearing_sheets')
      .values({ case_id: input.caseId, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
      .execute();
    return { ...input, updatedAt: at };
  },
};
