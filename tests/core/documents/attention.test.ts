import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentAttention, DocumentSearchHit, DocumentView } from '../../../shared/contract/documents';
import { documentRepository } from '../../../electron/core/documents/document-repository';
import { caseRepository } from '../../../electron/core/repositories/case-repository';
import { NOW, makeBundles, removeDir } from '../support/fixtures';
import { makePdf, openDocumentsWorld, type DocumentsWorld } from './support';

/**
 * The Documentos section across cases, on a real SQLite store: documents imported through the
 * document service, platform documents as the feed writes them (platform_documents), failures
 * as the download, the custody check and the upload pusher record them.
 */
let world: DocumentsWorld;
/** More cases, so that one is closed. */
const more = makeBundles(12, 99, 100);
beforeEach(async () => {
  world = await openDocumentsWorld();
  await caseRepository.importBundles(world.store, more, NOW);
});
afterEach(async () => {
  world.store.close();
  await removeDir(world.dir);
});

async function value<T>(name: 'listDocumentAttention' | 'searchAllDocuments' | 'verifyCustody', input: unknown): Promise<T> {
  const result = await world.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const imported = async (bytes: Uint8Array, name: string, caseIndex: number, visibility = 'joint'): Promise<DocumentView> => {
  const result = await world.importBytes(bytes, name, caseIndex, visibility);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DocumentView;
};
/** What the feed applier writes for a document the platform announces (metadata only). */
async function platformDocument(id: string, caseId: string, fileName: string, receivedAt: string): Promise<void> {
  await world.store.write(async (trx) => {
    await trx
      .insertInto('platform_documents')
      .values({ id, case_id: caseId, file_name: fileName, media_type: 'application/pdf', size_bytes: 10, sha256: 'a'.repeat(64), submitted_by: 'consumer', visibility: 'joint', received_at: receivedAt })
      .execute();
  });
}
const caseWithStage = (open: boolean) => {
  const found = [...world.cases, ...more].find((bundle) => (bundle.case.stage === 'closed') !== open);
  if (!found) throw new Error('fixture lacks a case of that kind');
  return found.case;
};

describe('listDocumentAttention', () => {
  it('lists each reason most serious first, newest first within it, with the case and the reason', async () => {
    const open = caseWithStage(true);
    const closed = caseWithStage(false);
    const openIndex = world.cases.findIndex((bundle) => bundle.case.id === open.id);
    await platformDocument('doc-remote-old', open.id, 'boleta-antigua.pdf', '2026-03-01T10:00:00.000Z');
    await platformDocument('doc-remote-new', open.id, 'boleta-nueva.pdf', '2026-03-02T10:00:00.000Z');
    await platformDocument('doc-remote-closed', closed.id, 'cerrado.pdf', '2026-03-03T10:00:00.000Z');
    await platformDocument('doc-failed', open.id, 'factura.pdf', '2026-03-01T09:00:00.000Z');
    const shared = await imported(await makePdf(['Boleta de compra']), 'boleta.pdf', openIndex, 'joint');
    const refused = await imported(await makePdf(['Comprobante']), 'comprobante.pdf', openIndex, 'joint');
    const altered = await imported(await makePdf(['Cartola']), 'cartola.pdf', openIndex, 'mediator_only');
    await world.store.write(async () => {
      documentRepository.markFailed(world.store.sqlite, 'doc-failed', 'hash_mismatch');
      documentRepository.setUpload(world.store.sqlite, refused.id, 'failed', 'too_large');
    });
    // The stored file changes on disk: the custody check finds it and flags the document.
    await writeFile(join(world.dir, 'documents', altered.sha256.slice(0, 2), altered.sha256.slice(2)), 'otro contenido');
    await value('verifyCustody', { documentId: altered.id });

    const all = await value<DocumentAttention>('listDocumentAttention', {});
    expect(all.rows.map((row) => [row.documentId, row.reason])).toEqual([
      [altered.id, 'integrity'],
      ['doc-failed', 'download_failed'],
      [refused.id, 'upload_failed'],
      [shared.id, 'upload_pending'],
      ['doc-remote-new', 'not_downloaded'],
      ['doc-remote-old', 'not_downloaded'],
    ]);
    expect(all.counts).toEqual({ integrity: 1, download_failed: 1, upload_failed: 1, upload_pending: 1, not_downloaded: 2 });
    expect(all.rows[0]).toMatchObject({ caseId: open.id, folio: open.folio, brandName: open.brandName, stage: open.stage, fileName: 'cartola.pdf', problem: 'hash_mismatch' });
    expect(all.rows[1]).toMatchObject({ problem: 'hash_mismatch', uploadProblem: null });
    expect(all.rows[2]).toMatchObject({ uploadProblem: 'too_large' });

    const filtered = await value<DocumentAttention>('listDocumentAttention', { reasons: ['not_downloaded', 'integrity'], limit: 2 });
    expect(filtered.rows.map((row) => row.documentId)).toEqual([altered.id, 'doc-remote-new']);
  });

  it('drops a document once it no longer needs the mediator', async () => {
    const open = caseWithStage(true);
    await platformDocument('doc-1', open.id, 'boleta.pdf', '2026-03-01T10:00:00.000Z');
    expect((await value<DocumentAttention>('listDocumentAttention', {})).counts.not_downloaded).toBe(1);
    await world.store.write(async () => {
      documentRepository.markLocal(world.store.sqlite, 'doc-1', { sizeBytes: 10, mediaType: 'application/pdf', kind: 'pdf', pageCount: 1, problem: null, checkedAt: '2026-03-01T11:00:00.000Z' });
    });
    const after = await value<DocumentAttention>('listDocumentAttention', {});
    expect(after.rows).toEqual([]);
    expect(after.counts.not_downloaded).toBe(0);
  });

  it('refuses an unknown reason and a limit out of range', async () => {
    for (const input of [{ reasons: ['everything'] }, { limit: 0 }, { limit: 501 }]) {
      const result = await world.call('listDocumentAttention', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
  });
});

describe('searchAllDocuments', () => {
  it('finds text in the documents of every case, with a snippet, the case folio and the page', async () => {
    await imported(await makePdf(['Portada', 'Reembolso de $150.000 acordado con Tienda Ñuñoa']), 'acuerdo.pdf', 0);
    await imported(await makePdf(['El reembolso no llegó']), 'reclamo.pdf', 1);
    await imported(await makePdf(['Nada que ver']), 'otro.pdf', 2);

    const hits = await value<DocumentSearchHit[]>('searchAllDocuments', { query: 'reembolso' });
    expect(hits.map((hit) => [hit.fileName, hit.folio, hit.page]).sort()).toEqual(
      [
        ['acuerdo.pdf', world.cases[0]?.case.folio, 2],
        ['reclamo.pdf', world.cases[1]?.case.folio, 1],
      ].sort(),
    );
    expect(hits.every((hit) => hit.snippet.includes('«Reembolso»') || hit.snippet.includes('«reembolso»'))).toBe(true);
    // Accents and case do not matter; a prefix still being typed matches.
    expect((await value<DocumentSearchHit[]>('searchAllDocuments', { query: 'ÑUÑO' })).map((hit) => hit.fileName)).toEqual(['acuerdo.pdf']);
  });

  it('treats FTS syntax as plain words and refuses an empty query', async () => {
    await imported(await makePdf(['Pedido 4512 (despacho)']), 'pedido.pdf', 0);
    expect(await value<DocumentSearchHit[]>('searchAllDocuments', { query: 'NEAR( "despacho' })).toEqual([]);
    expect((await value<DocumentSearchHit[]>('searchAllDocuments', { query: '"despacho' })).map((hit) => hit.fileName)).toEqual(['pedido.pdf']);
    expect(await value<DocumentSearchHit[]>('searchAllDocuments', { query: '*** ---' })).toEqual([]);
    const empty = await world.call('searchAllDocuments', { query: '   ' });
    expect(empty.ok).toBe(false);
  });
});
