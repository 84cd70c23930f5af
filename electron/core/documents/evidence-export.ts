import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { EvidenceBundle, ExportEvidenceBundleInput } from '../../../shared/contract/documents';
import { AppError } from '../../../shared/contract/errors';
import { createTranslator } from '../../../shared/i18n/translator';
import type { MessageKey } from '../../../shared/i18n';
import type { EvidenceEntry } from '../pdf/evidence-bundle';
import { buildEvidenceBundle } from '../pdf/off-thread';
import { appendCustody } from './custody';
import type { DocumentService } from './document-service';
import { toDocumentView, type DocumentRow } from './document-repository';

/**
 * "Exportar antecedentes": one PDF with an index (name, party, category, date, size, SHA-256)
 * and then each document reproduced (buildEvidenceBundle decides what can be). The bytes are
 * read as stored: the bundle re-hashes them and lists a file that no longer matches instead of
 * reproducing it. Every included document records 'exported' with the bundle's hash.
 */
export async function exportEvidenceBundle(documents: DocumentService, input: z.infer<typeof ExportEvidenceBundleInput>, actor: string, now: Date): Promise<z.infer<typeof EvidenceBundle>> {
  const { store } = documents;
  const caseRow = await store.db.selectFrom('cases').select(['folio']).where('id', '=', input.caseId).executeTakeFirst();
  if (!caseRow) throw new AppError('not_found', `No case ${input.caseId}`);
  const parties = await store.db.selectFrom('parties').select(['role', 'name']).where('case_id', '=', input.caseId).execute();
  const all = await store.db.selectFrom('documents').selectAll().where('case_id', '=', input.caseId).orderBy('received_at').orderBy('id').execute();
  const rows = input.documentIds ? input.documentIds.map((id) => pickOrFail(all, id)) : all.filter((row) => row.availability === 'local');

  const es = createTranslator('es-CL');
  const entries: EvidenceEntry[] = await Promise.all(
    rows.map(async (row) => {
      const view = toDocumentView(row);
      return {
        meta: {
          documentId: row.id,
          fileName: view.fileName,
          categoryLabel: es.t(`documentCategory.${view.category}` as MessageKey),
          partyLabel: es.t((view.submittedBy === 'mediator' ? 'documentSource.local' : `partyRole.${view.submittedBy}`) as MessageKey),
          receivedAt: row.received_at,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
          kind: view.kind,
          mediaType: row.media_type,
        },
        bytes: row.availability === 'local' ? await readFile(documents.blobs.pathOf(row.sha256)).catch(() => null) : null,
      };
    }),
  );
  const name = (role: string) => parties.find((p) => p.role === role)?.name ?? '';
  const bundle = await buildEvidenceBundle({ caseInfo: { folio: caseRow.folio, consumer: name('consumer'), company: name('company') }, generatedAt: now, entries });
  const link = await documents.storeExport(bundle.bytes, `Antecedentes ${caseRow.folio}.pdf`, 'application/pdf');
  const at = now.toISOString();
  await store.write(async () => {
    for (const row of rows) appendCustody(store.sqlite, row.id, { event: 'exported', at, actor, detail: `bundle sha256=${link.sha256}` });
  });
  return { link, pageCount: bundle.pageCount, listedOnly: bundle.listedOnly.map((item) => ({ documentId: item.documentId, reason: item.reason })) };
}

function pickOrFail(rows: readonly DocumentRow[], id: string): DocumentRow {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not_found', `Document ${id} is not in this case`);
  return row;
}
