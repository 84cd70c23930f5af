// The reference platform's document routes over real HTTP: seeded evidence is real and matches
// its metadata, caucus documents stay on their side, fault switches spoil downloads, uploads
// are idempotent by clientId and refuse what they must.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage } from '../../shared/platform/feed';
import type { PlatformDocument } from '../../shared/platform/records';
import { request as httpRequest } from 'node:http';
import { call, casesInDb, control, errorCode, newClientId, signIn, startHarness, type Harness } from './support';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let h: Harness;
const tokens = new Map<string, string>();
const tokenOf = async (userId: string): Promise<string> => {
  const known = tokens.get(userId);
  if (known) return known;
  const token = await signIn(h.server, userId);
  tokens.set(userId, token);
  return token;
};

interface DocRow {
  id: string;
  case_id: string;
  record: string;
  mediator_id: string;
}
const documents = (): Array<PlatformDocument & { mediatorId: string }> =>
  h.db
    .prepare<[], DocRow>('SELECT d.id, d.case_id, d.record, c.mediator_id FROM documents d JOIN cases c ON c.id = d.case_id ORDER BY d.rowid')
    .all()
    .map((row) => ({ ...(JSON.parse(row.record) as PlatformDocument), mediatorId: row.mediator_id }));

async function download(doc: { id: string; caseId: string }, userId: string): Promise<Response> {
  return fetch(`${h.server.url}/v1/cases/${doc.caseId}/documents/content?documentId=${doc.id}`, { headers: { Authorization: `Bearer ${await tokenOf(userId)}` } });
}

async function upload(caseId: string, userId: string, bytes: Uint8Array, query: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${h.server.url}/v1/cases/${caseId}/documents?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenOf(userId)}`, 'Content-Type': 'application/octet-stream', ...headers },
    body: bytes,
  });
}

/** Announces a 201 MiB body, sends a few bytes and reads the status: refused before the body is read. */
function announceHugeUpload(path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${h.server.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': String(201 * 1024 * 1024) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write('%PDF-');
  });
}

beforeAll(async () => {
  h = await startHarness({ cases: 120, messagesPerCase: 4 });
});
afterAll(async () => {
  await h.close();
});

describe('seeded evidence', () => {
  it('gives every case at least one document, of every kind across the center', () => {
    const all = documents();
    const withDocs = new Set(all.map((d) => d.caseId));
    for (const c of casesInDb(h.db)) expect(withDocs.has(c.id), c.id).toBe(true);
    const names = new Set(all.map((d) => d.fileName.replace(/-\d\.jpg$/, '.jpg')));
    for (const name of ['boleta.pdf', 'factura.pdf', 'comprobante-pago.pdf', 'informe-despacho.pdf', 'foto-danio.jpg', 'captura-chat-tienda.png', 'correo-tienda.eml', 'chat-tienda.txt']) {
      expect(names, name).toContain(name);
    }
  });

  it('serves bytes that match the metadata, with the hash headers, for each kind', async () => {
    const byName = new Map<string, PlatformDocument & { mediatorId: string }>();
    for (const d of documents()) if (!byName.has(d.fileName)) byName.set(d.fileName, d);
    for (const d of byName.values()) {
      const answer = await download(d, d.mediatorId);
      expect(answer.status, d.fileName).toBe(200);
      const bytes = new Uint8Array(await answer.arrayBuffer());
      expect(answer.headers.get('content-type')).toBe(d.mediaType);
      expect(Number(answer.headers.get('content-length'))).toBe(d.sizeBytes);
      expect(answer.headers.get('x-content-sha256')).toBe(d.sha256);
      expect(answer.headers.get('etag')).toBe(`"${d.sha256}"`);
      expect(sha256(bytes)).toBe(d.sha256);
      const magic = Buffer.from(bytes.subarray(0, 8));
      if (d.mediaType === 'application/pdf') expect(magic.toString('latin1')).toMatch(/^%PDF-/);
      if (d.mediaType === 'image/jpeg') expect([...magic.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      if (d.mediaType === 'image/png') expect(magic.toString('latin1', 1, 4)).toBe('PNG');
    }
  });

  it('prints the case in the receipt (two pages) and attaches it to the store e-mail', async () => {
    const receipt = documents().find((d) => d.fileName === 'boleta.pdf');
    const email = documents().find((d) => d.fileName === 'correo-tienda.eml');
    if (!receipt || !email) throw new Error('seed has no boleta or e-mail');
    const bundle = JSON.parse(h.db.prepare<[string], { bundle: string }>('SELECT bundle FROM cases WHERE id = ?').get(receipt.caseId)?.bundle ?? '{}') as { case: { orderNumber: string } };
    const pdfBytes = new Uint8Array(await (await download(receipt, receipt.mediatorId)).arrayBuffer());
    expect((await PDFDocument.load(pdfBytes)).getPageCount()).toBe(2);
    // Helvetica text is written as hex strings: the order number is in the page, in the clear.
    expect(Buffer.from(pdfBytes).toString('latin1')).toContain(Buffer.from(bundle.case.orderNumber, 'latin1').toString('hex').toUpperCase());

    const parsed = await PostalMime.parse(await (await download(email, email.mediatorId)).arrayBuffer());
    expect(parsed.subject).toMatch(/^Re: Reclamo pedido /);
    expect(parsed.attachments.map((a) => [a.filename, a.mimeType])).toEqual([['boleta.pdf', 'application/pdf']]);
  });
});

describe('who gets a document', () => {
  it('gives the mediator every side, a party the joint ones and its own caucus only', async () => {
    const caucus = documents().find((d) => d.visibility === 'caucus_company');
    if (!caucus) throw new Error('no caucus document seeded');
    expect((await download(caucus, caucus.mediatorId)).status).toBe(200);
    const consumerView = (await control(h.server, 'GET', `/parties/consumer/cases/${caucus.caseId}/documents`)).json as { documents: PlatformDocument[] };
    const companyView = (await control(h.server, 'GET', `/parties/company/cases/${caucus.caseId}/documents`)).json as { documents: PlatformDocument[] };
    expect(consumerView.documents.map((d) => d.visibility)).not.toContain('caucus_company');
    expect(companyView.documents.map((d) => d.id)).toContain(caucus.id);
    expect(companyView.documents.map((d) => d.visibility)).not.toContain('caucus_consumer');
  });

  it('refuses another mediator (403), a document of another case (404) and no token (401)', async () => {
    const doc = documents()[0];
    if (!doc) throw new Error('no document');
    const other = h.server.accounts.find((a) => a.role === 'mediator' && a.userId !== doc.mediatorId);
    if (!other) throw new Error('no other mediator');
    expect((await download(doc, other.userId)).status).toBe(403);
    const elsewhere = documents().find((d) => d.caseId !== doc.caseId && d.mediatorId === doc.mediatorId);
    if (!elsewhere) throw new Error('no second case');
    expect((await download({ id: elsewhere.id, caseId: doc.caseId }, doc.mediatorId)).status).toBe(404);
    const anonymous = await call(h.server, 'downloadDocument', { caseId: doc.caseId, query: { documentId: doc.id } });
    expect(anonymous.status).toBe(401);
  });
});

describe('download fault switches', () => {
  it('corrupts, truncates and fails only the documents named', async () => {
    const [first, second] = documents().filter((d) => d.mediaType === 'application/pdf');
    if (!first || !second) throw new Error('two PDFs needed');
    await control(h.server, 'PUT', '/faults', { corruptDocuments: { count: 1, documentIds: [first.id] } });
    expect(sha256(new Uint8Array(await (await download(second, second.mediatorId)).arrayBuffer()))).toBe(second.sha256);
    const corrupted = await download(first, first.mediatorId);
    expect(corrupted.headers.get('x-content-sha256')).toBe(first.sha256);
    const bytes = new Uint8Array(await corrupted.arrayBuffer());
    expect(bytes.length).toBe(first.sizeBytes);
    expect(sha256(bytes)).not.toBe(first.sha256);

    await control(h.server, 'PUT', '/faults', { truncateDocuments: { count: 1 } });
    const truncated = await download(first, first.mediatorId);
    expect(truncated.status).toBe(200);
    await expect(truncated.arrayBuffer()).rejects.toThrow();

    await control(h.server, 'PUT', '/faults', { slowDocuments: { bytesPerSecond: 20_000 } });
    expect(sha256(new Uint8Array(await (await download(first, first.mediatorId)).arrayBuffer()))).toBe(first.sha256);

    await control(h.server, 'PUT', '/faults', { serverError: { count: 1, routes: ['downloadDocument'] } });
    expect((await download(first, first.mediatorId)).status).toBe(500);
    expect(sha256(new Uint8Array(await (await download(first, first.mediatorId)).arrayBuffer()))).toBe(first.sha256);
    await control(h.server, 'DELETE', '/faults');
  });
});

describe('upload', () => {
  const mediation = () => {
    const c = casesInDb(h.db).find((row) => row.stage === 'mediation');
    if (!c) throw new Error('no mediation case');
    return c;
  };
  const describeUpload = (bytes: Uint8Array, extra: Record<string, string> = {}) => ({
    clientId: newClientId(),
    documentId: newClientId().replaceAll('-', ''),
    fileName: 'acta firmada — versión 2.pdf',
    mediaType: 'application/pdf',
    sha256: sha256(bytes),
    visibility: 'joint',
    ...extra,
  });

  it('stores the bytes once per clientId, answers the first result again and announces it in the feed', async () => {
    const c = mediation();
    const bytes = new TextEncoder().encode('%PDF-1.4\n% un documento del mediador\n%%EOF\n');
    const query = describeUpload(bytes);
    const first = await upload(c.id, c.mediator_id, bytes, query);
    expect(first.status).toBe(201);
    const created = ((await first.json()) as { document: PlatformDocument }).document;
    expect(created).toMatchObject({ id: query.documentId, caseId: c.id, fileName: query.fileName, sha256: query.sha256, sizeBytes: bytes.length, submittedBy: 'mediator' });
    const again = await upload(c.id, c.mediator_id, bytes, query);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { document: PlatformDocument }).document).toEqual(created);
    expect(h.db.prepare('SELECT count(*) AS n FROM documents WHERE id = ?').get(query.documentId)).toEqual({ n: 1 });

    const downloaded = await download(created, c.mediator_id);
    expect(sha256(new Uint8Array(await downloaded.arrayBuffer()))).toBe(query.sha256);
    const feed = await call(h.server, 'feed', { token: await tokenOf(c.mediator_id), query: { limit: '1000' } });
    let page = feed.json as FeedPage;
    const upserts: string[] = [];
    for (;;) {
      for (const change of page.changes) if (change.type === 'document.upsert' && change.document.id === created.id) upserts.push(change.document.id);
      if (!page.hasMore) break;
      page = (await call(h.server, 'feed', { token: await tokenOf(c.mediator_id), query: { limit: '1000', cursor: page.cursor } })).json as FeedPage;
    }
    expect(upserts).toEqual([created.id]);
  });

  it('refuses a wrong hash, an empty file, a hostile name, a wrong type, an oversized body and a case not in mediation', async () => {
    const c = mediation();
    const bytes = new TextEncoder().encode('contenido');
    const before = h.db.prepare('SELECT count(*) AS n FROM documents').get();
    const wrongHash = await upload(c.id, c.mediator_id, bytes, describeUpload(bytes, { sha256: sha256(new TextEncoder().encode('otro')) }));
    expect(wrongHash.status).toBe(422);
    expect(await wrongHash.text()).toMatch(/declared sha256/);
    expect((await upload(c.id, c.mediator_id, new Uint8Array(0), describeUpload(new Uint8Array(0)))).status).toBe(422);
    for (const fileName of ['../../etc/passwd', 'a\u0000b.pdf', 'línea\nnueva.txt', '..']) {
      const hostile = await upload(c.id, c.mediator_id, bytes, describeUpload(bytes, { fileName }));
      expect(hostile.status, JSON.stringify(fileName)).toBe(400);
    }
    expect((await upload(c.id, c.mediator_id, bytes, describeUpload(bytes), { 'Content-Type': 'application/json' })).status).toBe(415);
    const huge = await announceHugeUpload(`/v1/cases/${c.id}/documents?${new URLSearchParams(describeUpload(bytes)).toString()}`, await tokenOf(c.mediator_id));
    expect(huge).toBe(413);
    const negotiation = casesInDb(h.db).find((row) => row.stage === 'negotiation');
    if (!negotiation) throw new Error('no negotiation case');
    const refused = await upload(negotiation.id, negotiation.mediator_id, bytes, describeUpload(bytes));
    expect(refused.status).toBe(403);
    expect(errorCode({ status: 403, headers: refused.headers, text: '', json: await refused.json() })).toBe('forbidden');
    expect(h.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual(before);
  });
});
