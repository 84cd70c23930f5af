import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DOCUMENT_LIMITS } from '../../../shared/contract/documents';
import type { StagedFile } from '../../../shared/contract/files';
import { writeHashed, type ByteSource } from './blob-store';
import { DocumentRefused } from './refusal';

interface Entry {
  readonly ticket: StagedFile;
  readonly path: string;
  readonly expiresAt: number;
}

/**
 * Bytes the renderer handed over before an operation consumes them (a picked or dropped file).
 * Both hosts call stage(): the web host with the request body, Electron with the IPC buffer.
 * Files live in <dataDir>/staging, on the blob store's filesystem so importing is a rename.
 * Tickets are in memory: a restart forgets them, so the folder is emptied at start; unused
 * files expire after DOCUMENT_LIMITS.stagedTtlMs.
 */
export class StagingArea {
  readonly dir: string;
  private readonly entries = new Map<string, Entry>();

  constructor(
    dir: string,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
    for (const name of readdirSync(this.dir)) rmSync(join(this.dir, name), { force: true, recursive: true });
  }

  /**
   * Streams `source` to a staging file, hashing it. `declaredSize` (Content-Length, Blob size)
   * is checked first so a huge upload is refused before a byte is written; the running count
   * refuses one that lied about its size. Refusals: empty_file, too_large.
   */
  async stage(source: ByteSource, fileName: string, declaredSize?: number): Promise<StagedFile> {
    await this.sweep();
    if (declaredSize !== undefined && declaredSize > DOCUMENT_LIMITS.maxBytes) {
      throw new DocumentRefused('too_large', `Declared ${declaredSize} bytes, limit ${DOCUMENT_LIMITS.maxBytes}`);
    }
    const stagedId = randomUUID();
    const path = join(this.dir, stagedId);
    try {
      const blob = await writeHashed(source, path, DOCUMENT_LIMITS.maxBytes);
      if (blob.size === 0) throw new DocumentRefused('empty_file', 'The file is empty');
      const ticket: StagedFile = { stagedId, fileName: fileName.slice(0, 1_000) || '?', sizeBytes: blob.size, sha256: blob.sha256 };
      this.entries.set(stagedId, { ticket, path, expiresAt: this.nowMs() + DOCUMENT_LIMITS.stagedTtlMs });
      return ticket;
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /** The staged file's path, if the ticket is current and matches what was staged (else staged_missing). */
  find(ticket: StagedFile): string {
    const entry = this.entries.get(ticket.stagedId);
    if (!entry || entry.expiresAt <= this.nowMs() || entry.ticket.sha256 !== ticket.sha256 || entry.ticket.sizeBytes !== ticket.sizeBytes) {
      throw new DocumentRefused('staged_missing', `Staged file ${ticket.stagedId} is unknown, expired or different`, 'staged');
    }
    return entry.path;
  }

  /** Forgets a ticket (its file was moved into the blob store, or is deleted here). */
  async release(stagedId: string): Promise<void> {
    const entry = this.entries.get(stagedId);
    this.entries.delete(stagedId);
    if (entry) await rm(entry.path, { force: true });
  }

  private async sweep(): Promise<void> {
    const now = this.nowMs();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) await this.release(id);
  }
}
