import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { DocumentRefused } from './refusal';

export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
}

export interface PutOptions {
  /** Refuse (too_large) as soon as more than this many bytes arrived. */
  readonly maxBytes?: number;
  /** Refuse (hash_mismatch) when the content's hash differs: nothing is stored then. */
  readonly expectedSha256?: string;
}

/** A request, a file stream, or bytes already in memory. */
export type ByteSource = Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.incoming-';

/**
 * Content-addressed files: `<root>/<first 2 hex>/<other 62 hex>` named by the lowercase SHA-256
 * of their content. A new file is written to a temp file in the root (same filesystem, so the
 * rename is atomic) while it is hashed, fsynced, then renamed into place: a crash leaves either
 * the complete file or a temp file that the next start deletes, never half a blob under a hash
 * name. The same content twice is stored once. Blobs are made read-only and never rewritten,
 * except to repair one whose bytes no longer match its name.
 */
export class BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    mkdirSync(this.root, { recursive: true });
  }

  /** The path of a blob; throws for anything that is not a SHA-256 (the path guard's first half). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256.slice(0, 80)}`);
    const path = resolve(this.root, sha256.slice(0, 2), sha256.slice(2));
    if (!path.startsWith(this.root + sep)) throw new Error('Blob path escapes the store');
    return path;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  /** Streams `source` into the store, hashing as it goes. */
  async putStream(source: ByteSource, options: PutOptions = {}): Promise<StoredBlob> {
    const temp = join(this.root, `${TEMP_PREFIX}${randomUUID()}`);
    try {
      const blob = await writeHashed(source, temp, options.maxBytes);
      if (options.expectedSha256 !== undefined && blob.sha256 !== options.expectedSha256) {
        throw new DocumentRefused('hash_mismatch', `Content hash ${blob.sha256} differs from the expected ${options.expectedSha256}`);
      }
      await this.settle(temp, blob);
      return blob;
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** Copies a file into the store (the source is left untouched). */
  putFile(path: string, options: PutOptions = {}): Promise<StoredBlob> {
    return this.putStream(createReadStream(path), options);
  }

  /**
   * Moves a file whose hash the caller computed itself (e.g. a staged upload) into the store
   * without copying. It must be on the same filesystem (the data dir). Trusting the hash is safe
   * because it was computed by the core while the bytes arrived; openDocument re-hashes anyway.
   */
  async adopt(path: string, blob: StoredBlob): Promise<StoredBlob> {
    try {
      await this.settle(path, blob);
      return blob;
    } finally {
      await rm(path, { force: true });
    }
  }

  /** Re-hashes a stored blob; null when it is missing. */
  async rehash(sha256: string): Promise<StoredBlob | null> {
    try {
      return await hashStream(createReadStream(this.pathOf(sha256)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Deletes temp files a crash left behind (call at start, before any write). */
  async removeLeftovers(): Promise<void> {
    for (const name of await readdir(this.root)) {
      if (name.startsWith(TEMP_PREFIX)) await rm(join(this.root, name), { force: true });
    }
  }

  /** Puts the complete temp file under its hash name, unless an intact copy is already there. */
  private async settle(temp: string, blob: StoredBlob): Promise<void> {
    const target = this.pathOf(blob.sha256);
    const existing = await this.rehash(blob.sha256);
    if (existing?.sha256 === blob.sha256) return; // stored once
    await mkdir(join(this.root, blob.sha256.slice(0, 2)), { recursive: true });
    if (existing) await chmod(target, 0o644); // a damaged copy is replaced (repair), never kept
    await chmod(temp, 0o444);
    await rename(temp, target);
    await fsyncDir(join(this.root, blob.sha256.slice(0, 2)));
  }
}

async function hashStream(source: ByteSource): Promise<StoredBlob> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Writes `source` to `path` (created exclusively), hashing it; fsyncs before resolving. */
export async function writeHashed(source: ByteSource, path: string, maxBytes?: number): Promise<StoredBlob> {
  const hash = createHash('sha256');
  let size = 0;
  const out = await open(path, 'wx', 0o600);
  try {
    for await (const chunk of source) {
      const bytes = chunk as Uint8Array;
      size += bytes.length;
      if (maxBytes !== undefined && size > maxBytes) throw new DocumentRefused('too_large', `More than ${maxBytes} bytes`);
      hash.update(bytes);
      await out.write(bytes);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return { sha256: hash.digest('hex'), size };
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable (POSIX); Windows cannot open directories, which is harmless. */
async function fsyncDir(path: string): Promise<void> {
  try {
    await fsyncFile(path);
  } catch {
    // EISDIR/EPERM on platforms without directory fsync.
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
