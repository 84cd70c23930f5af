// Documents between the real reference platform (HTTP on 127.0.0.1) and a real core on a real
// SQLite file: download with hash check, the documents' fault switches, and hearing preparation
// that then works offline. Uploads: documents-upload.test.ts.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import type { CustodyEntry, DocumentView, HearingReadiness } from '../../shared/contract/documents';
import {
  makeTempDir,
  mediatorAccount,
  openSyncedCore,
  platformQuery,
  removeDir,
  setFaults,
  signInAndSync,
  startServer,
  type PlatformServer,
  type SyncedCore,
} from './support/platform';

let dir: string;
let server: PlatformServer;
let synced: SyncedCore;

beforeEach(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 60, messagesPerCase: 4 });
  synced = await openSyncedCore(join(dir, 'mesa.sqlite'), server);
  await signInAndSync(synced, mediatorAccount(server));
});

afterEach(async () => {
  await synced.core.close();
  await server.close();
  await removeDir(dir);
});

/** A mediation case of the signed-in mediator with at least `documents` documents. */
function mediationCase(documents = 2): string {
  const account = mediatorAccount(server);
  const rows = platformQuery<{ id: string; n: number }>(
    dir,
    `SELECT c.id, count(d.id) AS n FROM cases c JOIN documents d ON d.case_id = c.id
     WHERE c.mediator_id = ? AND json_extract(c.bundle, '$.case.stage') = 'mediation' GROUP BY c.id HAVING n >= ? ORDER BY c.id LIMIT 1`,
    account.userId,
    documents,
  );
  const found = rows[0];
  if (!found) throw new Error('no mediation case with documents');
  return found.id;
}

const list = (caseId: string) => synced.call<DocumentView[]>('listDocuments', { caseId });

/** The refusal reason of a failed operation (the renderer translates it). */
async function refusalOf(name: string, input: unknown): Promise<string | undefined> {
  const result = await dispatch(synced.core.handlers, name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error.issues?.[0]?.reason ?? result.error.code;
}

/** Every file in the blob store (and any temp file a failed download left). */
async function storedFiles(): Promise<string[]> {
  const root = join(dir, 'documents');
  const names: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory()) for (const file of await readdir(join(root, entry.name))) names.push(entry.name + file);
    else names.push(entry.name);
  }
  return names.sort();
}

describe('download', () => {
  it('stores the bytes under their hash, marks the document local and records custody', async () => {
    const caseId = mediationCase();
    const [first] = await list(caseId);
    if (!first) throw new Error('no document');
    expect(first).toMatchObject({ source: 'platform', availability: 'remote' });
    const view = await synced.call<DocumentView>('downloadDocument', { documentId: first.id });
    expect(view).toMatchObject({ id: first.id, availability: 'local', integrity: 'ok', sha256: first.sha256, problem: null });
    expect(await storedFiles()).toContain(first.sha256);
    const log = await synced.call<CustodyEntry[]>('getCustodyLog', { documentId: first.id });
    expect(log.map((e) => e.event)).toEqual(['received', 'downloaded']);
    await synced.call('openDocument', { documentId: first.id });
  });

  it('refuses bytes whose hash does not match the platform: nothing stored, the document flagged, the others intact', async () => {
    const caseId = mediationCase();
    const [good, bad] = await list(caseId);
    if (!good || !bad) throw new Error('two documents needed');
    await synced.call('downloadDocument', { documentId: good.id });
    const before = await storedFiles();
    await setFaults(server, { corruptDocuments: { count: 5, documentIds: [bad.id] } });
    expect(await refusalOf('downloadDocument', { documentId: bad.id })).toBe('hash_mismatch');
    expect(await storedFiles()).toEqual(before);
    const after = await list(caseId);
    expect(after.find((d) => d.id === bad.id)).toMatchObject({ availability: 'failed', problem: 'hash_mismatch' });
    expect(after.find((d) => d.id === good.id)).toMatchObject({ availability: 'local', integrity: 'ok', problem: null });
    await synced.call('openDocument', { documentId: good.id });

    // The platform serves the right bytes again: the same document downloads and is clean.
    await setFaults(server, {});
    expect(await synced.call<DocumentView>('downloadDocument', { documentId: bad.id })).toMatchObject({ availability: 'local', problem: null });
  });

  it('retries a truncated body, and leaves the document remote when the cut persists', async () => {
    const caseId = mediationCase();
    const [once, always] = await list(caseId);
    if (!once || !always) throw new Error('two documents needed');
    await setFaults(server, { truncateDocuments: { count: 1, documentIds: [once.id] } });
    expect(await synced.call<DocumentView>('downloadDocument', { documentId: once.id })).toMatchObject({ availability: 'local', integrity: 'ok' });

    const before = await storedFiles();
    await setFaults(server, { truncateDocuments: { count: 100, documentIds: [always.id] } });
    expect(await refusalOf('downloadDocument', { documentId: always.id })).toBe('not_available_offline');
    expect(await storedFiles()).toEqual(before);
    expect((await list(caseId)).find((d) => d.id === always.id)).toMatchObject({ availability: 'remote', problem: null });
  });
});

describe('download retries', () => {
  it('gets through two 5xx answers, and reports a document of the platform offline without marking it', async () => {
    const caseId = mediationCase();
    const [first, second] = await list(caseId);
    if (!first || !second) throw new Error('two documents needed');
    await setFaults(server, { serverError: { count: 2, routes: ['downloadDocument'] } });
    expect(await synced.call<DocumentView>('downloadDocument', { documentId: first.id })).toMatchObject({ availability: 'local' });

    await server.close();
    const readiness = await synced.call<HearingReadiness>('prepareHearing', { caseId });
    expect(readiness).toMatchObject({ ready: false, documentsFailed: 0 });
    expect(readiness.documentsLocal).toBe(1);
    expect((await list(caseId)).find((d) => d.id === second.id)).toMatchObject({ availability: 'remote', problem: null });
  });
});

describe('hearing preparation', () => {
  it('brings the case to ready, then works with the platform stopped', async () => {
    const caseId = mediationCase();
    const before = await synced.call<HearingReadiness>('getHearingReadiness', { caseId });
    expect(before.ready).toBe(false);
    expect(before.documentsLocal).toBeLessThan(before.documentsTotal);

    const ready = await synced.call<HearingReadiness>('prepareHearing', { caseId });
    expect(ready).toMatchObject({ caseId, ready: true, messagesComplete: true, documentsFailed: 0 });
    expect(ready.documentsLocal).toBe(ready.documentsTotal);
    const documents = await list(caseId);
    expect(documents.every((d) => d.availability === 'local' && d.integrity === 'ok')).toBe(true);

    await server.close();
    expect(await synced.call<HearingReadiness>('getHearingReadiness', { caseId })).toMatchObject({ ready: true });
    expect(await synced.call<HearingReadiness>('prepareHearing', { caseId })).toMatchObject({ ready: true });
    for (const d of documents) await synced.call('openDocument', { documentId: d.id });
    const messages = await synced.call<unknown[]>('listMessages', { caseId, channel: 'joint' });
    expect(messages.length).toBeGreaterThan(0);
  });

  it('reports a document the platform spoils as failed, the others local', async () => {
    const caseId = mediationCase();
    const [bad] = await list(caseId);
    if (!bad) throw new Error('no document');
    await setFaults(server, { corruptDocuments: { count: 100, documentIds: [bad.id] } });
    const readiness = await synced.call<HearingReadiness>('prepareHearing', { caseId });
    expect(readiness).toMatchObject({ ready: false, documentsFailed: 1, messagesComplete: true });
    expect(readiness.documentsLocal).toBe(readiness.documentsTotal - 1);
  });
});
