import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustodyEntry, DocumentView, HearingSheet } from '../../../shared/contract/documents';
import type { PlatformDocument } from '../../../shared/platform/records';
import { documentRepository } from '../../../electron/core/documents/document-repository';
import { extractText } from '../../../electron/core/pdf/pdfjs-node';
import { removeDir } from '../support/fixtures';
import { makeEmail, makePdf, openDocumentsWorld, reasonOf, valueOf, type DocumentsWorld } from './support';

let world: DocumentsWorld;
beforeEach(async () => {
  world = await openDocumentsWorld();
});
afterEach(async () => {
  world.store.close();
  await removeDir(world.dir);
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const events = async (documentId: string) => valueOf<CustodyEntry[]>(await world.call('getCustodyLog', { documentId })).map((e) => e.event);

describe('redaction and the evidence bundle', () => {
  it('burns a region into a new document derived from the original, which stays as it was', async () => {
    const original = valueOf<DocumentView>(await world.importBytes(await makePdf(['RUT 12.345.678-5 SECRETO', 'Pagina publica']), 'cartola.pdf'));
    const copy = valueOf<DocumentView>(await world.call('redactDocument', { documentId: original.id, regions: [{ page: 1, x: 0, y: 0, width: 1, height: 0.2 }] }));
    expect(copy).toMatchObject({ source: 'redaction', redactedFrom: original.id, kind: 'pdf', pageCount: 2, fileName: 'cartola (tachado).pdf' });
    const { bytes } = await world.documents.readVerified(copy.id, 'test');
    const pages = await extractText(bytes);
    expect(pages.join(' ')).not.toContain('SECRETO');
    expect(pages[1]).toContain('Pagina publica');
    expect(await events(original.id)).toEqual(['imported', 'redacted']);
    expect(await events(copy.id)).toEqual(['redacted']);
    expect(reasonOf(await world.call('redactDocument', { documentId: valueOf<DocumentView>(await world.importBytes(makeEmail(), 'c.eml')).id, regions: [{ page: 1, x: 0, y: 0, width: 1, height: 1 }] }))).toBe('unsupported_redaction');
  });

  it('exports one PDF of the case documents and records the export on each', async () => {
    const a = valueOf<DocumentView>(await world.importBytes(await makePdf(['Boleta', 'Detalle']), 'boleta.pdf'));
    const b = valueOf<DocumentView>(await world.importBytes(makeEmail(), 'reclamo.eml'));
    const bundle = valueOf<{ link: { url: string; sha256: string; disposition: string }; pageCount: number }>(await world.call('exportEvidenceBundle', { caseId: a.caseId }));
    expect(bundle.link.disposition).toBe('attachment');
    expect(bundle.pageCount).toBeGreaterThanOrEqual(4);
    expect(await events(a.id)).toEqual(['imported', 'exported']);
    expect(await events(b.id)).toEqual(['imported', 'exported']);
  });
});

describe('documents from the platform', () => {
  it('shows a claim as remote, refuses bytes that do not match it, and attaches the right bytes with their custody', async () => {
    const bytes = await makePdf(['Comprobante transferencia 99120']);
    const caseId = world.cases[0]?.case.id ?? '';
    const claim: PlatformDocument = { id: '0190f000-0000-7000-8000-000000000001', caseId, fileName: '..\\..\\comprobante.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, sha256: sha(bytes), submittedBy: 'consumer', visibility: 'joint', receivedAt: '2026-04-01T12:00:00.000Z' };
    await world.store.write(async () => documentRepository.upsertFromPlatform(world.store.sqlite, claim));
    const [remote] = valueOf<DocumentView[]>(await world.call('listDocuments', { caseId }));
    expect(remote).toMatchObject({ id: claim.id, availability: 'remote', source: 'platform', kind: 'pdf', fileName: 'comprobante.pdf', upload: 'sent' });
    expect(reasonOf(await world.call('openDocument', { documentId: claim.id }))).toBe('not_available_offline');

    await expect(world.documents.blobs.putStream([Buffer.from('otra cosa')], { expectedSha256: claim.sha256 })).rejects.toMatchObject({ reason: 'hash_mismatch' });
    expect(await world.blobFiles()).toEqual([]);

    const blob = await world.documents.blobs.putStream([bytes], { expectedSha256: claim.sha256 });
    const local = await world.documents.attachDownloaded(claim.id, blob, 'Ana Contreras (med-ana)');
    expect(local).toMatchObject({ availability: 'local', integrity: 'ok', textIndexed: true, pageCount: 1 });
    expect(await events(claim.id)).toEqual(['received', 'downloaded']);

    // The platform later claims other content: the held file is kept and flagged, not replaced.
    await world.store.write(async () => documentRepository.upsertFromPlatform(world.store.sqlite, { ...claim, sha256: 'f'.repeat(64) }));
    const [flagged] = valueOf<DocumentView[]>(await world.call('listDocuments', { caseId }));
    expect(flagged).toMatchObject({ availability: 'local', sha256: claim.sha256, problem: 'hash_mismatch' });
  });
});

describe('hearing sheet', () => {
  it('is empty until saved and keeps what was saved', async () => {
    const caseId = world.cases[1]?.case.id ?? '';
    expect(valueOf<HearingSheet>(await world.call('getHearingSheet', { caseId }))).toMatchObject({ consumerPosition: '', updatedAt: null });
    const sheet = { caseId, consumerPosition: 'Quiere el reembolso', companyPosition: 'Ofrece cambio', interests: 'Rapidez', issues: 'Plazo', options: 'Nota de crédito', notes: 'Privado' };
    expect(valueOf<HearingSheet>(await world.call('saveHearingSheet', sheet))).toMatchObject({ ...sheet, updatedAt: '2026-04-04T15:00:00.000Z' });
    expect(valueOf<HearingSheet>(await world.call('getHearingSheet', { caseId }))).toMatchObject(sheet);
  });

  it('prints to a confidential PDF with the case facts and every section', async () => {
    const caseId = world.cases[1]?.case.id ?? '';
    const folio = world.cases[1]?.case.folio ?? '';
    await world.call('saveHearingSheet', { caseId, consumerPosition: 'Quiere el reembolso', companyPosition: '', interests: '- Rapidez\n- Trato', issues: 'Plazo', options: 'Nota de crédito', notes: 'Privado' });
    const link = valueOf<{ url: string; fileName: string; sha256: string; disposition: string }>(await world.call('exportHearingSheetPdf', { caseId }));
    expect(link).toMatchObject({ fileName: `Hoja de preparación ${folio}.pdf`, disposition: 'attachment' });
    const bytes = await readFile(world.documents.blobs.pathOf(link.sha256));
    expect(sha(bytes)).toBe(link.sha256);
    const text = (await extractText(bytes)).join(' ');
    for (const expected of ['Confidencial', folio, 'Quiere el reembolso', 'Rapidez', 'Nota de crédito', '(sin contenido)']) expect(text).toContain(expected);
  });
});
