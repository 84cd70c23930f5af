import { randomBytes } from 'node:crypto';
import type { FileLink } from '../../../shared/contract/files';

/** What a link token grants: one blob, under one name and type, shown or saved. */
export interface LinkGrant {
  readonly sha256: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly disposition: FileLink['disposition'];
}

/** A link lives this long after its last use: long enough to seek in a long hearing recording. */
const LINK_IDLE_MS = 30 * 60 * 1000;
const MAX_LINKS = 10_000;

export type LinkHost = 'electron' | 'web';
export const ELECTRON_FILE_URL_PREFIX = 'mesa-doc://file/';
export const WEB_FILE_PATH_PREFIX = '/api/files/';

/**
 * Short-lived capability tokens for served files. A token is 32 random bytes (unguessable), is
 * the only thing in the URL, and maps to a blob and its presentation; the hosts never see a
 * path. Tokens are in memory: a restart revokes them all.
 */
export class FileLinks {
  private readonly grants = new Map<string, { grant: LinkGrant; expiresAt: number }>();

  constructor(
    private readonly host: LinkHost,
    private readonly nowMs: () => number = Date.now,
  ) {}

  grant(grant: LinkGrant): FileLink {
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    this.grants.set(token, { grant, expiresAt: this.nowMs() + LINK_IDLE_MS });
    const url = this.host === 'electron' ? `${ELECTRON_FILE_URL_PREFIX}${token}` : `${WEB_FILE_PATH_PREFIX}${token}`;
    return { url, fileName: grant.fileName, mediaType: grant.mediaType, sizeBytes: grant.sizeBytes, sha256: grant.sha256, disposition: grant.disposition };
  }

  /** The grant behind a token, extending its life; null for unknown or expired tokens. */
  resolve(token: string): LinkGrant | null {
    const entry = this.grants.get(token);
    if (!entry) return null;
    const now = this.nowMs();
    if (entry.expiresAt <= now) {
      this.grants.delete(token);
      return null;
    }
    entry.expiresAt = now + LINK_IDLE_MS;
    return entry.grant;
  }

  private sweep(): void {
    const now = this.nowMs();
    for (const [token, entry] of this.grants) if (entry.expiresAt <= now) this.grants.delete(token);
    // A runaway caller cannot grow the map without bound: the oldest grants go first.
    while (this.grants.size >= MAX_LINKS) {
      const oldest = this.grants.keys().next().value;
      if (oldest === undefined) break;
      this.grants.delete(oldest);
    }
  }
}
