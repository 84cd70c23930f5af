import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { HearingSheet, SaveHearingSheetInput } from '../../../shared/contract/documents';
import type { FileLink } from '../../../shared/contract/files';
import { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n';
import { createTranslator } from '../../../shared/i18n/translator';
import type { Database } from '../db/schema';
import { buildHearingSheetPdf } from '../pdf/off-thread';
import type { DocumentService } from './document-service';

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

/** Statuses of a session that will still take place. */
const UPCOMING_SESSION = ['proposed', 'confirmed', 'rescheduled'];

/**
 * "Exportar hoja (PDF)": the sheet with the case's facts, typeset off the core's thread and
 * kept as an export (a save-as link). Printed in es-CL, the centre's language.
 */
export async function exportPreparationSheet(documents: DocumentService, caseId: string, mediator: string, now: Date): Promise<FileLink> {
  const { db } = documents.store;
  const caseRow = await db.selectFrom('cases').select(['folio', 'category', 'amount_clp']).where('id', '=', caseId).executeTakeFirst();
  if (!caseRow) throw new AppError('not_found', `No case ${caseId}`);
  const [parties, next, sheet] = await Promise.all([
    db.selectFrom('parties').select(['role', 'name']).where('case_id', '=', caseId).execute(),
    db
      .selectFrom('sessions')
      .select('starts_at')
      .where('case_id', '=', caseId)
      .where('status', 'in', UPCOMING_SESSION)
      .where('starts_at', '>=', now.toISOString())
      .orderBy('starts_at')
      .executeTakeFirst(),
    preparationSheets.get(db, caseId),
  ]);
  const name = (role: string) => parties.find((p) => p.role === role)?.name ?? '';
  const es = createTranslator('es-CL');
  const bytes = await buildHearingSheetPdf({
    sheet,
    facts: {
      folio: caseRow.folio,
      consumer: name('consumer'),
      company: name('company'),
      subject: es.t(`category.${caseRow.category}` as MessageKey),
      amountClaimed: caseRow.amount_clp,
      hearingAt: next?.starts_at ?? null,
      mediator,
    },
    generatedAt: now,
  });
  return documents.storeExport(bytes, `Hoja de preparación ${caseRow.folio}.pdf`, 'application/pdf');
}
