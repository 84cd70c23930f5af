import { execFile } from 'node:child_process';
import { chmod, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustodyEntry, CustodyVerification, DocumentView, OpenedDocument } from '../../../shared/contract/documents';
import type { FileLink } from '../../../shared/contract/files';
import type { z } from 'zod';
import { GENESIS_HASH, entryHash } from '../../../electron/core/documents/custody';
import { removeDir } from '../support/fixtures';
import { makePdf, openDocumentsWorld, reasonOf, valueOf, type DocumentsWorld } from './support';

let world: DocumentsWorld;
let doc: DocumentView;
let bytes: Uint8Array;
beforeEach(async () => {
  world = await openDocumentsWorld();
  bytes = await makePdf(['Contrato de compraventa', 'Cláusula de garantía']);
  doc = valueOf<DocumentView>(await world.importBytes(bytes, 'contrato.pdf'));
});
afterEach(async () => {
  world.store.close();
  await removeDir(world.dir);
});

const blobPath = () => join(world.dir, 'documents', doc.sha256.slice(0, 2), doc.sha256.slice(2));
const open = async () => world.call('openDocument', { documentId: doc.id });
const log = async () => valueOf<CustodyEntry[]>(await world.call('getCustodyLog', { documentId: doc.id }));
const verify = async () => valueOf<CustodyVerification>(await world.call('verifyCustody', { documentId: doc.id }));

/** A second connection to the same file, as someone editing the database by hand would use. */
function tamper(statements: string[]): void {
  const raw = new BetterSqlite3(join(world.dir, 'mesa.sqlite'));
  try {
    for (const statement of statements) raw.exec(statement);
  } finally {
    raw.close();
  }
}

describe('chain of custody', () => {
  it('records imported, opened, exported and verified as a hash chain from 64 zeros', async () => {
    expect((await open()).ok).toBe(true);
    const link = valueOf<FileLink>(await world.call('exportDocument', { documentId: doc.id }));
    expect(link).toMatchObject({ disposition: 'attachment', sha256: doc.sha256, fileName: 'contrato.pdf', url: expect.stringMatching(/^\/api\/files\/[A-Za-z0-9_-]{43}$/) });
    expect(await verify()).toEqual({ ok: true, entries: 3, fileIntact: true });
    const entries = await log();
    expect(entries.map((e) => e.event)).toEqual(['imported', 'opened', 'exported', 'verified']);
    expect(entries[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actor: 'Ana Contreras (med-ana)', detail: expect.stringContaining(`sha256=${doc.sha256}`) });
    for (const [i, entry] of entries.entries()) {
      expect(entry.prevHash).toBe(i === 0 ? GENESIS_HASH : entries[i - 1]?.hash);
      expect(entry.hash).toBe(entryHash(entry.prevHash, doc.id, entry.seq, entry));
    }
  });

  it('refuses UPDATE and DELETE on the log (triggers)', () => {
    expect(() => tamper([`UPDATE custody_log SET actor = 'x' WHERE document_id = '${doc.id}'`])).toThrow(/append-only/);
    expect(() => tamper([`DELETE FROM custody_log WHERE document_id = '${doc.id}'`])).toThrow(/append-only/);
  });

  it('reports the first broken link after the SQLite file was edited with the trigger dropped', async () => {
    await open();
    await open();
    await open();
    tamper(['DROP TRIGGER custody_log_no_update', `UPDATE custody_log SET detail = 'sha256=0000' WHERE document_id = '${doc.id}' AND seq = 3`]);
    expect(await verify()).toEqual({ ok: false, entries: 4, firstBrokenSeq: 3, reason: 'hash_mismatch', fileIntact: true });

    // Re-hashing the edited entry to hide the edit breaks the next link instead.
    const raw = new BetterSqlite3(join(world.dir, 'mesa.sqlite'));
    const row = raw.prepare('SELECT * FROM custody_log WHERE document_id = ? AND seq = 3').get(doc.id) as { prev_hash: string; event: CustodyEntry['event']; at: string; actor: string; detail: string };
    raw.prepare('UPDATE custody_log SET hash = ? WHERE document_id = ? AND seq = 3').run(entryHash(row.prev_hash, doc.id, 3, row), doc.id);
    raw.close();
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'prev_hash_mismatch' });

    // The command reads the same verdict from the file.
    const run = promisify(execFile);
    const cli = join(import.meta.dirname, '../../../electron/core/documents/verify-custody-cli.ts');
    const failed = await run('npx', ['tsx', cli, join(world.dir, 'mesa.sqlite'), doc.id]).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 1, stdout: expect.stringContaining(`${doc.id}: BROKEN at entry 4 (prev_hash_mismatch)`) });
  });

  it('finds a deleted entry as a sequence gap', async () => {
    await open();
    await open();
    tamper(['DROP TRIGGER custody_log_no_delete', `DELETE FROM custody_log WHERE document_id = '${doc.id}' AND seq = 2`]);
    expect(await verify()).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'sequence_gap' });
  });
});

describe('integrity on every open', () => {
  it('never serves a stored file whose bytes changed, marks it, and a fresh import of the original repairs it', async () => {
    await chmod(blobPath(), 0o644);
    const altered = Buffer.from(bytes);
    altered[altered.length - 20] = 0x41;
    await writeFile(blobPath(), altered);

    const result = await open();
    expect(reasonOf(result)).toBe('hash_mismatch');
    expect(reasonOf(await world.call('exportDocument', { documentId: doc.id }))).toBe('hash_mismatch');
    const [listed] = valueOf<DocumentView[]>(await world.call('listDocuments', { caseId: doc.caseId }));
    expect(listed).toMatchObject({ integrity: 'mismatch', problem: 'hash_mismatch' });
    expect((await verify()).fileIntact).toBe(false);

    // The mediator imports the original again: same document, the damaged blob is replaced.
    expect(valueOf<DocumentView>(await world.importBytes(bytes, 'contrato.pdf')).id).toBe(doc.id);
    const reopened = valueOf<z.infer<typeof OpenedDocument>>(await open());
    expect(reopened.document).toMatchObject({ integrity: 'ok', problem: null });
  });

  it('says file_missing when the stored file was deleted outside Mesa', async () => {
    await rm(blobPath(), { force: true });
    expect(reasonOf(await open())).toBe('file_missing');
  });
});
