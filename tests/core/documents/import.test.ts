import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentHit, DocumentView, EmailView, OpenedDocument } from '../../../shared/contract/documents';
import type { z } from 'zod';
import { caseRepository } from '../../../electron/core/repositories/case-repository';
import { NOW, removeDir } from '../support/fixtures';
import { FIXTURES, makeEmail, makeImage, makePdf, openDocumentsWorld, reasonOf, valueOf, type DocumentsWorld } from './support';

let world: DocumentsWorld;
beforeEach(async () => {
  world = await openDocumentsWorld();
});
afterEach(async () => {
  world.store.close();
  await removeDir(world.dir);
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fixture = (name: string) => readFile(join(FIXTURES, name));

describe('importing files into the content-addressed store', () => {
  it('stores a multi-page PDF by its hash, once, with its text per page searchable by page and in the case list', async () => {
    const bytes = await makePdf(['Boleta electronica 8812', 'Despacho courier Chilexpress retrasado', 'Total pagado $89.990']);
    const doc = valueOf<DocumentView>(await world.importBytes(bytes, 'boleta 8812.pdf'));
    expect(doc).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', pageCount: 3, textIndexed: true, sha256: sha(bytes), sizeBytes: bytes.length, source: 'local', availability: 'local', upload: 'pending', problem: null, fileName: 'boleta 8812.pdf' });
    expect(await world.blobFiles()).toEqual([`${doc.sha256.slice(0, 2)}/${doc.sha256.slice(2)}`]);
    expect(sha(await readFile(join(world.dir, 'documents', doc.sha256.slice(0, 2), doc.sha256.slice(2))))).toBe(doc.sha256);

    // The same content again (other name) is the same document and the same single blob.
    const again = valueOf<DocumentView>(await world.importBytes(bytes, 'copia.pdf'));
    expect(again.id).toBe(doc.id);
    expect(await world.blobFiles()).toHaveLength(1);
    // …and in another case it is a second document over the same blob.
    const other = valueOf<DocumentView>(await world.importBytes(bytes, 'boleta.pdf', 1));
    expect(other.id).not.toBe(doc.id);
    expect(await world.blobFiles()).toHaveLength(1);

    const hits = valueOf<Array<z.infer<typeof DocumentHit>>>(await world.call('searchDocuments', { caseId: doc.caseId, query: 'chilexpres' }));
    expect(hits).toEqual([{ documentId: doc.id, fileName: 'boleta 8812.pdf', page: 2, snippet: expect.stringContaining('«Chilexpress»') }]);
    const listed = await caseRepository.listPage(world.store, { search: 'chilexpress', limit: 50 }, NOW);
    expect(listed.rows.map((r) => r.id).sort()).toEqual([world.cases[0]?.case.id, world.cases[1]?.case.id].sort());
  });

  it('sniffs PNG and JPEG from their bytes and keeps mediator-only files unshared', async () => {
    const png = valueOf<DocumentView>(await world.importBytes(makeImage('image/png'), 'foto daño.png', 0, 'mediator_only'));
    expect(png).toMatchObject({ kind: 'image', mediaType: 'image/png', upload: 'not_shared', visibility: 'mediator_only', textIndexed: false, pageCount: null });
    // A JPEG named .png is still an image: the extension promised a kind the content has.
    const jpeg = valueOf<DocumentView>(await world.importBytes(makeImage('image/jpeg'), 'captura.png'));
    expect(jpeg).toMatchObject({ kind: 'image', mediaType: 'image/jpeg' });
    const list = valueOf<DocumentView[]>(await world.call('listDocuments', { caseId: world.cases[0]?.case.id }));
    expect(list.map((d) => d.id).sort()).toEqual([png.id, jpeg.id].sort());
  });

  it('reads an .eml as text: headers, body, attachments listed, HTML reduced to text without markup', async () => {
    const doc = valueOf<DocumentView>(await world.importBytes(makeEmail(), 'reclamo.eml'));
    expect(doc).toMatchObject({ kind: 'email', mediaType: 'message/rfc822', textIndexed: true });
    const view = valueOf<EmailView>(await world.call('getEmailView', { documentId: doc.id }));
    expect(view).toMatchObject({
      from: 'Camila Rojas <camila.rojas@example.cl>',
      to: 'reclamos@tienda.example.cl',
      cc: 'mediacion@cam-santiago.example',
      subject: 'Reclamo pedido 4471 – pantalla trizada',
      date: '2026-11-03T13:15:00.000Z',
      attachments: [{ fileName: 'boleta 4471.pdf', mediaType: 'application/pdf', sizeBytes: 13 }],
    });
    expect(view.text).toContain('llegó con la pantalla trizada');

    const htmlOnly = valueOf<DocumentView>(await world.importBytes(makeEmail(true), 'solo-html.eml', 1));
    const htmlView = valueOf<EmailView>(await world.call('getEmailView', { documentId: htmlOnly.id }));
    expect(htmlView.text).toBe('Estimada tienda:\nEl pedido 4471 llegó con la pantalla trizada & rota.');
    // Searchable without the accent, like the case search.
    const hits = valueOf<Array<z.infer<typeof DocumentHit>>>(await world.call('searchDocuments', { caseId: doc.caseId, query: 'llego pantalla' }));
    expect(hits.map((h) => [h.documentId, h.page])).toEqual([[doc.id, null]]);
    expect(reasonOf(await world.call('getEmailView', { documentId: (valueOf<DocumentView>(await world.importBytes(makeImage('image/png'), 'x.png'))).id }))).toBe('wrong_kind');
  });

  it('keeps plain text searchable and lists unknown types as "other" without opening them', async () => {
    const text = valueOf<DocumentView>(await world.importBytes(Buffer.from('Seguimiento: envío 99812 en tránsito\n'), 'seguimiento.txt'));
    expect(text).toMatchObject({ kind: 'text', mediaType: 'text/plain', textIndexed: true });
    const zip = valueOf<DocumentView>(await world.importBytes(Buffer.from('PK\x03\x04\x14\x00\x00\x00word/document.xml', 'latin1'), 'contrato.docx'));
    expect(zip).toMatchObject({ kind: 'other', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const opened = valueOf<z.infer<typeof OpenedDocument>>(await world.call('openDocument', { documentId: zip.id }));
    expect(opened.link.disposition).toBe('attachment');
  });
});

describe('bad input gets a reason and loses nothing', () => {
  it('refuses what cannot be evidence and keeps what is stored intact', async () => {
    const good = valueOf<DocumentView>(await world.importBytes(await makePdf(['Comprobante de pago 5521']), 'comprobante.pdf'));
    const before = await world.blobFiles();

    expect(reasonOf(await world.importBytes(await fixture('empty.pdf'), 'empty.pdf'))).toBe('empty_file');
    expect(reasonOf(await world.importBytes(await fixture('png-named.pdf'), 'png-named.pdf'))).toBe('type_mismatch');
    expect(reasonOf(await world.importBytes(await fixture('truncated.pdf'), 'truncated.pdf'))).toBe('pdf_damaged');
    expect(reasonOf(await world.importBytes(await makePdf(['x']), '..'))).toBe('bad_name');
    expect(reasonOf(await world.importBytes(await makePdf(['x']), '\u0000\u202e'))).toBe('bad_name');

    expect(await world.blobFiles()).toEqual(before);
    const list = valueOf<DocumentView[]>(await world.call('listDocuments', { caseId: good.caseId }));
    expect(list.map((d) => d.id)).toEqual([good.id]);
    expect(valueOf<z.infer<typeof OpenedDocument>>(await world.call('openDocument', { documentId: good.id })).document.integrity).toBe('ok');
    // Nothing is left in the staging area either.
    expect(await readdir(join(world.dir, 'staging'))).toEqual([]);
  });

  it('stores an encrypted PDF flagged pdf_encrypted without text; imports a PDF with a wrong xref (readers rebuild it)', async () => {
    const encrypted = valueOf<DocumentView>(await world.importBytes(await fixture('encrypted.pdf'), 'cartola.pdf'));
    expect(encrypted).toMatchObject({ kind: 'pdf', problem: 'pdf_encrypted', textIndexed: false, pageCount: null, availability: 'local' });
    const xref = valueOf<DocumentView>(await world.importBytes(await fixture('wrong-xref.pdf'), 'boleta.pdf'));
    expect(xref).toMatchObject({ kind: 'pdf', problem: null, pageCount: 1, textIndexed: true });
    const hits = valueOf<Array<z.infer<typeof DocumentHit>>>(await world.call('searchDocuments', { caseId: xref.caseId, query: 'oster' }));
    expect(hits.map((h) => h.documentId)).toEqual([xref.id]);
  });

  it('sanitises a hostile name to its last segment without control characters', async () => {
    const doc = valueOf<DocumentView>(await world.importBytes(await makePdf(['x']), '../../etc/passwd\u0000.pdf'));
    expect(doc.fileName).toBe('passwd.pdf');
    const bidi = valueOf<DocumentView>(await world.importBytes(await makePdf(['y']), 'factura\u202Efdp.exe'));
    expect(bidi.fileName).toBe('facturafdp.exe');
    const reserved = valueOf<DocumentView>(await world.importBytes(makeImage('image/png'), 'CON.png'));
    expect(reserved.fileName).toBe('_CON.png');
  });

  it('refuses a staged file that is too large, declared or actual, and one that expired or was used', async () => {
    await expect(world.documents.stage([Buffer.from('x')], 'big.pdf', 200 * 1024 * 1024 + 1)).rejects.toMatchObject({ reason: 'too_large' });
    const staged = await world.documents.stage([await makePdf(['z'])], 'z.pdf');
    const input = { caseId: world.cases[0]?.case.id, staged, category: 'otro', visibility: 'joint' };
    expect((await world.call('importDocument', input)).ok).toBe(true);
    expect(reasonOf(await world.call('importDocument', input))).toBe('staged_missing');
    expect(reasonOf(await world.call('importDocument', { ...input, staged: { ...staged, stagedId: '0190a1b2-0000-7000-8000-000000000000' } }))).toBe('staged_missing');
  });
});
