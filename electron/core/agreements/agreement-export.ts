import { AgreementContent, AgreementVariables } from '../../../shared/agreements/content';
import type { FileLink } from '../../../shared/contract/files';
import { AppError } from '../../../shared/contract/errors';
import type { Store } from '../db/store';
import { auditAgreement } from './agreement-audit';
import { refuse } from './agreement-service';
import type { AgreementExportInput } from './export-render';
import { agreementDb } from './tables';

export type AgreementExportFormat = 'docx' | 'pdf';

export interface AgreementExportContext {
  readonly store: Store;
  /** The documents layer's export facility: stores the bytes by hash and grants a download link. */
  readonly storeExport: (bytes: Uint8Array, fileName: string, mediaType: string) => Promise<FileLink>;
  readonly now: () => Date;
}

// The exporters load docx, pdf-lib and fontkit: imported on the first export, not at start.
const RENDERERS: Readonly<Record<AgreementExportFormat, { mediaType: string; render: (input: AgreementExportInput) => Promise<Uint8Array> }>> = {
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: async (input) => (await import('./export-docx')).exportAgreementDocx(input) },
  pdf: { mediaType: 'application/pdf', render: async (input) => (await import('./export-pdf')).exportAgreementPdf(input) },
};

/** "Acta de acuerdo RL-2026-000123 v3.docx" (the documents layer sanitises it when storing). */
export const agreementFileName = (folio: string, number: number, format: AgreementExportFormat): string => `Acta de acuerdo ${folio} v${number}.${format}`;

/**
 * A version of the case's agreement as a Word or PDF file to save: rendered by the exporters
 * (which refuse, before anything is written, a text with unfilled variables: invalid_input,
 * one issue per variable with reason unfilled_variables), stored through the documents layer,
 * and its SHA-256, format and version recorded in the audit log before the link is handed out.
 * Exporting changes no agreement data, so a read-only case may be exported too.
 */
export async function exportAgreement(ctx: AgreementExportContext, caseId: string, number: number, format: AgreementExportFormat): Promise<FileLink> {
  const { store, now } = ctx;
  const caseRow = await store.db.selectFrom('cases').select(['id', 'folio']).where('id', '=', caseId).executeTakeFirst();
  if (!caseRow) throw new AppError('not_found', `No case ${caseId}`);
  const adb = agreementDb(store.db);
  const version = await adb.selectFrom('agreement_versions').selectAll().where('case_id', '=', caseId).where('number', '=', number).executeTakeFirst();
  if (!version) throw refuse('not_found', 'no_such_version', `Case ${caseId} has no version ${number} on this machine`, 'number');
  const decided = await adb.selectFrom('agreements').selectAll().where('case_id', '=', caseId).where('number', '=', number).executeTakeFirst();

  const at = now();
  const { mediaType, render } = RENDERERS[format];
  const bytes = await render({
    content: AgreementContent.parse(JSON.parse(version.content)),
    variables: AgreementVariables.parse(JSON.parse(version.variables)),
    versionNumber: number,
    generatedAt: at,
    acceptances: {
      consumer: decided?.consumer_decision === 'accepted' ? decided.consumer_decided_at : null,
      company: decided?.company_decision === 'accepted' ? decided.company_decided_at : null,
    },
  });
  const link = await ctx.storeExport(bytes, agreementFileName(caseRow.folio, number, format), mediaType);
  await store.write((trx) => auditAgreement(trx, 'agreement.exported', caseId, at, { version: String(number), format, sha256: link.sha256 }));
  return link;
}
