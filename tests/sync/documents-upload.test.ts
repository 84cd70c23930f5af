// Uploads of the mediator's documents through the outbox, between the real reference platform
// (HTTP on 127.0.0.1) and real cores on a real SQLite file: queued in the import's (and the
// redaction's) transaction, pushed soon after, stored once across lost answers and a SIGKILL,
// retried through transient failures, refusals shown with their reason, mediator-only kept here.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { BlobStore } from '../../electron/core/documents/blob-store';
import { PLATFORM_TOKEN_KEY } from '../../electron/core/sync/secret-store';
import type { CustodyEntry, DocumentView } from '../../shared/contract/documents';
import type { SyncStatus } from '../../shared/contract/sync';
import { makePdf } from '../core/documents/support';
import {
  makeTempDir,
  mediatorAccount,
  openSyncedCore,
  platformQuery,
  removeDir,
  setFaults,
  signInAndSync,
  startServer,
  waitFor,
  type PlatformServer,
  type SyncedCore,
} from './support/platform';

let dir: string;
let server: PlatformServer;
let synced: SyncedCore;
const storePath = () => join(dir, 'mesa.sqlite');

beforeEach(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 40, messagesPerCase: 2 });
  synced = await openSyncedCore(storePath(), server);
  await signInAndSync(synced, mediatorAccount(server));
});

afterEach(async () => {
  await synced.core.close();
  await server.close();
  await removeDir(dir);
});

/** A case of the signed-in mediator in `stage` on the platform. */
function caseIn(stage: 'mediation' | 'negotiation'): string {
  const sql = "SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = ? ORDER BY id LIMIT 1";
  const found = platformQuery<{ id: string }>(dir, sql, mediatorAccount(server).userId, stage)[0];
  if (!found) throw new Error(`no case in ${stage}`);
  return found.id;
}

const list = (caseId: string) => synced.call<DocumentView[]>('listDocuments', { caseId });
const documentOf = async (caseId: string, id: string) => (await list(caseId)).find((d) => d.id === id);
const onPlatform = (documentId: string) => platformQuery<{ id: string }>(dir, 'SELECT id FROM documents WHERE id = ?', documentId);

async function importText(caseId: string, text: string, visibility: 'joint' | 'caucus_consumer' | 'mediator_only', name = 'nota.txt'): Promise<DocumentView> {
  const staged = await synced.core.files.stage(Readable.from([Buffer.from(text, 'utf8')]), name);
  return synced.call<DocumentView>('importDocument', { caseId, staged, category: 'otro', visibility });
}

/** The local store's outbox, read on a connection of its own (what a crash would leave). */
function localOutbox(): Array<{ client_id: string; kind: string; case_id: string; payload: string; attempts: number }> {
  const db = new BetterSqlite3(storePath(), { readonly: true });
  try {
    return db.prepare('SELECT client_id, kind, case_id, payload, attempts FROM outbox ORDER BY id').all() as ReturnType<typeof localOutbox>;
  } finally {
    db.close();
  }
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('queueing', () => {
  it('writes the outbox row in the import transaction: a failure after its insert leaves neither the document nor the row', async () => {
    const caseId = caseIn('mediation');
    // Held on the platform's side so the row can be looked at before it is pushed.
    await setFaults(server, { dropConnections: { count: 1_000, routes: ['uploadDocument'], phase: 'before' } });
    const other = new BetterSqlite3(storePath());
    other.exec(`CREATE TRIGGER test_fail_after_upload_row AFTER INSERT ON outbox WHEN NEW.kind = 'document_upload'
      BEGIN SELECT RAISE(ABORT, 'injected failure after the outbox insert'); END`);
    const staged = await synced.core.files.stage(Readable.from([Buffer.from('Propuesta de pago en cuotas.\n')]), 'propuesta.txt');
    const refused = await dispatch(synced.core.handlers, 'importDocument', { caseId, staged, category: 'otro', visibility: 'joint' });
    expect(refused.ok).toBe(false);
    expect(await list(caseId)).not.toContainEqual(expect.objectContaining({ fileName: 'propuesta.txt' }));
    expect(localOutbox()).toEqual([]);
    expect(other.prepare("SELECT count(*) AS n FROM custody_log WHERE detail LIKE '%name=propuesta.txt%'").get()).toEqual({ n: 0 });

    other.exec('DROP TRIGGER test_fail_after_upload_row');
    other.close();
    const imported = await importText(caseId, 'Propuesta de pago en cuotas.\n', 'joint', 'propuesta.txt');
    expect(imported).toMatchObject({ upload: 'pending', uploadProblem: null });
    const [row, ...more] = localOutbox();
    expect(more).toEqual([]);
    expect(row).toMatchObject({ kind: 'document_upload', case_id: caseId });
    expect(row?.client_id).toMatch(UUID_V7);
    expect(row?.client_id).not.toBe(imported.id);
    expect(JSON.parse(row?.payload ?? '{}')).toEqual({ documentId: imported.id, fileName: 'propuesta.txt', mediaType: 'text/plain', sha256: imported.sha256, visibility: 'joint' });
    expect((await synced.call<SyncStatus>('getSyncStatus')).pendingWrites).toBe(1);
  });

  it('never queues a mediator-only document', async () => {
    const caseId = caseIn('mediation');
    const imported = await importText(caseId, 'notas privadas del mediador', 'mediator_only');
    expect(imported).toMatchObject({ upload: 'not_shared', uploadProblem: null });
    expect(localOutbox()).toEqual([]);
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
    expect(onPlatform(imported.id)).toHaveLength(0);
    expect(await documentOf(caseId, imported.id)).toMatchObject({ upload: 'not_shared' });
  });

  it('pushes an import without waiting for the next poll (the engine is nudged)', async () => {
    const caseId = caseIn('mediation');
    const imported = await importText(caseId, 'Boleta 4411 por $150.000.\n', 'joint', 'boleta.txt');
    // The poll is a minute away: only the nudge after the import can push it.
    await waitFor(async () => (await documentOf(caseId, imported.id))?.upload === 'sent', 'the upload to be sent');
    expect(onPlatform(imported.id)).toHaveLength(1);
    expect(localOutbox()).toEqual([]);
    const log = await synced.call<CustodyEntry[]>('getCustodyLog', { documentId: imported.id });
    expect(log.map((e) => e.event)).toEqual(['imported', 'uploaded']);
  });

  it('queues a redacted copy of a shared document in the redaction transaction and uploads it', async () => {
    const caseId = caseIn('mediation');
    const staged = await synced.core.files.stage(Readable.from([Buffer.from(await makePdf(['RUT 12.345.678-5 SECRETO', 'Detalle del pedido']))]), 'cartola.pdf');
    const original = await synced.call<DocumentView>('importDocument', { caseId, staged, category: 'cartola', visibility: 'caucus_company' });
    await waitFor(async () => (await documentOf(caseId, original.id))?.upload === 'sent', 'the original to be sent');
    const copy = await synced.call<DocumentView>('redactDocument', { documentId: original.id, regions: [{ page: 1, x: 0, y: 0, width: 1, height: 0.2 }] });
    expect(copy).toMatchObject({ source: 'redaction', visibility: 'caucus_company', upload: 'pending' });
    await waitFor(async () => (await documentOf(caseId, copy.id))?.upload === 'sent', 'the redacted copy to be sent');
    const [stored] = platformQuery<{ record: string }>(dir, 'SELECT record FROM documents WHERE id = ?', copy.id);
    expect(JSON.parse(stored?.record ?? '{}')).toMatchObject({ sha256: copy.sha256, visibility: 'caucus_company', submittedBy: 'mediator' });
  });
});

describe('pushing', () => {
  it('retries through 5xx answers with the outbox backoff, then sends once', async () => {
    const caseId = caseIn('mediation');
    await setFaults(server, { serverError: { count: 3, routes: ['uploadDocument'] } });
    const imported = await importText(caseId, 'Seguimiento courier: entregado el 12 de noviembre.\n', 'joint', 'seguimiento.txt');
    await waitFor(async () => (await documentOf(caseId, imported.id))?.upload === 'sent', 'the upload to get through');
    expect(onPlatform(imported.id)).toHaveLength(1);
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
  });

  it('marks an upload the platform refuses as failed with its reason (case not in mediation), the document kept', async () => {
    const caseId = caseIn('negotiation');
    const imported = await importText(caseId, 'Resumen de la negociación.\n', 'joint', 'resumen.txt');
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
    expect(await documentOf(caseId, imported.id)).toMatchObject({ upload: 'failed', uploadProblem: 'not_allowed', availability: 'local', integrity: 'ok', problem: null });
    expect(onPlatform(imported.id)).toHaveLength(0);
    await synced.call('openDocument', { documentId: imported.id });
  });

  it('never sends a file that changed on disk after the import: failed, file_changed, the document flagged', async () => {
    const caseId = caseIn('mediation');
    await setFaults(server, { dropConnections: { count: 1_000, routes: ['uploadDocument'], phase: 'before' } });
    const imported = await importText(caseId, 'Comprobante de pago 998877.\n', 'joint', 'comprobante.txt');
    await writeFile(new BlobStore(join(dir, 'documents')).pathOf(imported.sha256), 'Comprobante de pago 000000.\n');
    await setFaults(server, {});
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
    expect(await documentOf(caseId, imported.id)).toMatchObject({ upload: 'failed', uploadProblem: 'file_changed', integrity: 'mismatch', problem: 'hash_mismatch' });
    expect(onPlatform(imported.id)).toHaveLength(0);
  });
});

describe('retrying a refused upload', () => {
  /** Moves the case through a stage proposal and waits until the platform took it. */
  async function transition(caseId: string, transition: Record<string, unknown>): Promise<void> {
    const { version } = await synced.call<{ version: number }>('getCase', { caseId });
    await synced.call('transitionCase', { caseId, transition, expectedVersion: version });
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
  }
  const stageOnPlatform = (caseId: string) =>
    platformQuery<{ stage: string }>(dir, "SELECT json_extract(bundle, '$.case.stage') AS stage FROM cases WHERE id = ?", caseId)[0]?.stage;

  it('sends again, with a new client id, an upload refused while the case was closed once it is back in mediation, and stores it once', async () => {
    const caseId = caseIn('mediation');
    await transition(caseId, { type: 'close', outcome: 'party_withdrew' });
    expect(stageOnPlatform(caseId)).toBe('closed');
    await setFaults(server, { dropConnections: { count: 1_000, routes: ['uploadDocument'], phase: 'before' } });
    const imported = await importText(caseId, 'Boleta 5521: pago de $150.000.\n', 'joint', 'boleta.txt');
    const [firstRow] = localOutbox();
    await setFaults(server, {});
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
    expect(await documentOf(caseId, imported.id)).toMatchObject({ upload: 'failed', uploadProblem: 'not_allowed' });

    await transition(caseId, { type: 'reopen', reason: 'new_evidence' });
    expect(stageOnPlatform(caseId)).toBe('mediation');
    // Held again so the queued row can be looked at before it is pushed.
    await setFaults(server, { dropConnections: { count: 1_000, routes: ['uploadDocument'], phase: 'before' } });
    const retried = await synced.call<DocumentView>('retryDocumentUpload', { documentId: imported.id });
    expect(retried).toMatchObject({ id: imported.id, upload: 'pending', uploadProblem: null });
    const [row, ...more] = localOutbox();
    expect(more).toEqual([]);
    expect(row).toMatchObject({ kind: 'document_upload', case_id: caseId });
    expect(row?.client_id).toMatch(UUID_V7);
    expect(row?.client_id).not.toBe(firstRow?.client_id);
    expect(JSON.parse(row?.payload ?? '{}')).toEqual({ documentId: imported.id, fileName: 'boleta.txt', mediaType: 'text/plain', sha256: imported.sha256, visibility: 'joint' });

    await setFaults(server, {});
    await waitFor(async () => (await documentOf(caseId, imported.id))?.upload === 'sent', 'the retried upload to be sent');
    expect(onPlatform(imported.id)).toHaveLength(1);
    expect(localOutbox()).toEqual([]);
    const log = await synced.call<CustodyEntry[]>('getCustodyLog', { documentId: imported.id });
    expect(log.map((e) => e.event)).toEqual(['imported', 'uploaded']);
  });

  it('refuses to retry an upload that did not fail, and one whose stored file changed, queueing nothing', async () => {
    const caseId = caseIn('mediation');
    const sent = await importText(caseId, 'Comprobante de transferencia.\n', 'joint', 'transferencia.txt');
    await waitFor(async () => (await documentOf(caseId, sent.id))?.upload === 'sent', 'the upload to be sent');
    const refusal = await dispatch(synced.core.handlers, 'retryDocumentUpload', { documentId: sent.id });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ reason: 'upload_not_failed' }] } });
    const privateNote = await importText(caseId, 'notas privadas', 'mediator_only');
    expect(await dispatch(synced.core.handlers, 'retryDocumentUpload', { documentId: privateNote.id })).toMatchObject({ ok: false, error: { issues: [{ reason: 'upload_not_failed' }] } });
    expect(localOutbox()).toEqual([]);

    const otherCase = caseIn('negotiation');
    const refused = await importText(otherCase, 'Resumen de la negociación.\n', 'joint', 'resumen.txt');
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
    await writeFile(new BlobStore(join(dir, 'documents')).pathOf(refused.sha256), 'Resumen alterado.\n');
    const changed = await dispatch(synced.core.handlers, 'retryDocumentUpload', { documentId: refused.id });
    expect(changed).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ reason: 'hash_mismatch' }] } });
    expect(localOutbox()).toEqual([]);
    expect(await documentOf(otherCase, refused.id)).toMatchObject({ upload: 'failed', uploadProblem: 'not_allowed' });
  });
});

describe('idempotency', () => {
  it('stores the document once after lost answers and a SIGKILL, pushed again by the next run', async () => {
    const caseId = caseIn('mediation');
    const token = synced.secrets.values.get(PLATFORM_TOKEN_KEY) ?? '';
    await synced.core.close();
    // Every push is stored by the platform and its answer lost, until the process is killed.
    await setFaults(server, { dropConnections: { count: 1_000, routes: ['uploadDocument'], phase: 'after' } });
    const text = 'Acta de acuerdo parcial: la empresa devolverá $150.000 en 10 días hábiles.\n';
    // node itself with tsx as a loader: the tsx CLI would run the script in a grandchild that SIGKILL misses.
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'documents-upload-child.ts')], {
      env: { ...process.env, MESA_DB: storePath(), MESA_PLATFORM_URL: server.url, MESA_TOKEN: token, MESA_CASE: caseId, MESA_TEXT: text },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let documentId: string;
    try {
      documentId = await waitFor(() => /queued (\S+)/.exec(out)?.[1], 'the child to queue the upload', 60_000);
      await waitFor(() => onPlatform(documentId).length > 0, 'the platform to store the first push');
    } catch (error) {
      throw new Error(`${String(error)}; child stderr: ${err}`);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(localOutbox()).toEqual([expect.objectContaining({ kind: 'document_upload' })]);

    await setFaults(server, {});
    synced = await openSyncedCore(storePath(), server, { secrets: synced.secrets });
    expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', pendingWrites: 0 });
    const sha256 = (await documentOf(caseId, documentId))?.sha256;
    expect(platformQuery(dir, "SELECT id FROM documents WHERE case_id = ? AND json_extract(record, '$.sha256') = ?", caseId, sha256)).toEqual([{ id: documentId }]);
    const mine = (await list(caseId)).filter((d) => d.sha256 === sha256);
    expect(mine).toEqual([expect.objectContaining({ id: documentId, upload: 'sent', uploadProblem: null, visibility: 'caucus_consumer', availability: 'local' })]);
    const log = await synced.call<CustodyEntry[]>('getCustodyLog', { documentId });
    expect(log.map((e) => e.event)).toEqual(['imported', 'uploaded']);
    // Caucus confidentiality on the platform: the company never sees the consumer's caucus document.
    const companyView = await fetch(`${server.url}/__control/parties/company/cases/${caseId}/documents`, { headers: { 'x-control-token': server.controlToken ?? '' } });
    expect(((await companyView.json()) as { documents: Array<{ id: string }> }).documents.map((d) => d.id)).not.toContain(documentId);
  });
});
