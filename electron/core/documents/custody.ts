import { createHash } from 'node:crypto';
import type { CustodyBreak, CustodyEntry, CustodyEvent } from '../../../shared/contract/documents';
import type { SqliteHandle } from '../db/store';

export const GENESIS_HASH = '0'.repeat(64);

export interface CustodyFacts {
  readonly event: CustodyEvent;
  readonly at: string;
  readonly actor: string;
  readonly detail: string;
}

/**
 * The hash of one entry: SHA-256 over the previous hash followed by the canonical JSON of the
 * entry (fixed key order, no whitespace) — documentId and seq included, so an entry cannot be
 * moved to another document or position without breaking the chain.
 */
export function entryHash(prevHash: string, documentId: string, seq: number, facts: CustodyFacts): string {
  const canonical = JSON.stringify({ documentId, seq, event: facts.event, at: facts.at, actor: facts.actor, detail: facts.detail });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

type Row = { seq: number; event: string; at: string; actor: string; detail: string; prev_hash: string; hash: string };

/**
 * Appends one entry to a document's chain. Call inside the write transaction of the change it
 * records (the trigger-protected table refuses updates and deletes, so appending is all there is).
 */
export function appendCustody(sqlite: SqliteHandle, documentId: string, facts: CustodyFacts): CustodyEntry {
  const last = sqlite.prepare('SELECT seq, hash FROM custody_log WHERE document_id = ? ORDER BY seq DESC LIMIT 1').get(documentId) as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, documentId, seq, facts);
  sqlite
    .prepare('INSERT INTO custody_log (document_id, seq, event, at, actor, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(documentId, seq, facts.event, facts.at, facts.actor, facts.detail, prevHash, hash);
  return { seq, ...facts, prevHash, hash };
}

/** Write-transaction only. */
export function hasCustody(sqlite: SqliteHandle, documentId: string): boolean {
  return sqlite.prepare('SELECT 1 FROM custody_log WHERE document_id = ? LIMIT 1').get(documentId) !== undefined;
}

export function toCustodyEntry(r: Row): CustodyEntry {
  return { seq: r.seq, event: r.event as CustodyEvent, at: r.at, actor: r.actor, detail: r.detail, prevHash: r.prev_hash, hash: r.hash };
}

export type ChainCheck = { readonly ok: true; readonly entries: number } | { readonly ok: false; readonly entries: number; readonly firstBrokenSeq: number; readonly reason: CustodyBreak };

/**
 * Walks the chain from the first entry and reports the first link that does not follow:
 * a missing or extra position (sequence_gap), an entry that does not point at its
 * predecessor's hash (prev_hash_mismatch), or one whose content no longer gives its hash
 * (hash_mismatch: it was edited).
 */
export function checkChain(documentId: string, entries: readonly CustodyEntry[]): ChainCheck {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const broken = (reason: CustodyBreak): ChainCheck => ({ ok: false, entries: entries.length, firstBrokenSeq: Math.max(1, Math.min(entry.seq, index + 1)), reason });
    if (entry.seq !== index + 1) return broken('sequence_gap');
    if (entry.prevHash !== prevHash) return broken('prev_hash_mismatch');
    if (entryHash(entry.prevHash, documentId, entry.seq, entry) !== entry.hash) return broken('hash_mismatch');
    prevHash = entry.hash;
  }
  return { ok: true, entries: entries.length };
}
