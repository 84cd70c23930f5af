import type { SyncErrorCode, SyncState, SyncStatus } from '../../../shared/contract/sync';
import type { MessageChannel } from '../../../shared/platform/messages';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { conflictRepository } from './conflicts';
import { performance } from 'node:perf_hooks';
import { FeedApplier } from './feed-applier';
import { INITIAL_PAGE_SIZE, nextPageSize } from './page-size';
import { outboxRepository } from './outbox';
import { pushOutbox, type PushContext } from './outbox-pusher';
import { createPlatformClient, type PlatformClient } from './platform-client';
import { PlatformError, type PlatformErrorKind } from './platform-error';
import { PLATFORM_TOKEN_KEY, type SecretStore } from './secret-store';
import { syncStateRepository } from './sync-state';
import { yieldToEventLoop } from './yield';

export interface SyncEngineOptions {
  readonly store: Store;
  readonly events: EventBus;
  readonly secretStore: SecretStore;
  readonly serverUrl: string;
  readonly now: () => Date;
  /** Pull every this many ms while online. Default 30 s. */
  readonly pollIntervalMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly requestTimeoutMs?: number;
  /** Minimum ms between two progress events of one sync. Default 250. */
  readonly progressIntervalMs?: number;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
}

type SyncError = NonNullable<SyncStatus['error']>;

/** Repeated pages (no new change, same cursor) tolerated in a row within one cycle. */
const MAX_STALLED_PAGES = 20;
type Progress = NonNullable<SyncStatus['progress']>;

const ERROR_CODE: Record<PlatformErrorKind, SyncErrorCode> = {
  offline: 'offline',
  timeout: 'timeout',
  unauthorized: 'unauthorized',
  rate_limited: 'rate_limited',
  server_error: 'server_error',
  invalid_response: 'invalid_response',
  conflict: 'conflict',
  rejected: 'invalid_response',
};

/**
 * The sync loop. States (shared/contract/sync.ts SyncState):
 *   signed_out — no token; nothing runs.
 *   idle       — signed in, last cycle succeeded; the next pull is pollIntervalMs away.
 *   syncing    — a cycle runs: push the outbox, then pull the feed until hasMore is false.
 *   offline    — the platform cannot be reached (network error or timeout); retried with
 *                backoff up to ~30 s, and at once when a write is queued or syncNow is called.
 *   error      — unauthorized (stops until the user signs in again; the outbox is kept), or a
 *                5xx / 429 / invalid answer (retried with backoff, Retry-After honoured).
 * One cycle at a time; a nudge during a cycle runs one more right after it.
 */
export class SyncEngine {
  readonly client: PlatformClient;
  readonly serverUrl: string;
  readonly #options: SyncEngineOptions;
  readonly #applier: FeedApplier;
  readonly #backoff: BackoffPolicy;
  #token: string | null = null;
  #running = false;
  #state: SyncState = 'signed_out';
  #error: SyncError | null = null;
  #progress: Progress | null = null;
  #timer: NodeJS.Timeout | null = null;
  #cycle: Promise<void> | null = null;
  #again = false;
  #failures = 0;
  /** Epoch ms before which the platform asked not to be called (Retry-After). */
  #notBefore = 0;
  /** The retry delay chosen for the failure of the running cycle (shared by outbox row and status). */
  #plannedDelay: number | null = null;
  #lastProgressAt = 0;
  #pageSize = INITIAL_PAGE_SIZE;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
    this.serverUrl = options.serverUrl;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#applier = new FeedApplier(options.store, options.now);
    this.client = createPlatformClient({
      baseUrl: options.serverUrl,
      getToken: () => this.#token,
      timeoutMs: options.requestTimeoutMs,
      fetch: options.fetch,
      now: () => options.now().getTime(),
    });
  }

  /** Starts syncing when a token is stored (the user signed in on an earlier run). */
  async start(): Promise<void> {
    const token = await this.#options.secretStore.get(PLATFORM_TOKEN_KEY);
    if (token !== null) this.signedIn(token);
  }

  /** Signed in (token already stored by the caller): sync at once. */
  signedIn(token: string): void {
    this.#token = token;
    this.#running = true;
    this.#failures = 0;
    this.#notBefore = 0;
    this.#error = null;
    this.#state = 'idle';
    this.#schedule(0);
  }

  /** Stops the loop and waits for in-flight work; forgets the token (the caller deletes it). */
  async signOut(): Promise<void> {
    await this.stop();
    this.#token = null;
    this.#state = 'signed_out';
    this.#error = null;
    this.#progress = null;
    await this.#emitStatus();
  }

  /** Stops scheduling and waits for the running cycle, if any. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#clearTimer();
    while (this.#cycle) await this.#cycle;
  }

  get signedInNow(): boolean {
    return this.#token !== null;
  }

  /** A local write was queued (or anything worth a prompt sync): try now, not at the next poll. */
  nudge(): void {
    if (!this.#running) return;
    if (this.#cycle) {
      this.#again = true;
      return;
    }
    this.#schedule(0);
  }

  /** Runs a cycle now (after the running one) and answers the status it left. */
  async syncNow(): Promise<SyncStatus> {
    if (this.#token !== null && !this.#running && this.#error?.code === 'unauthorized') return this.status();
    if (this.#token !== null) this.#running = true;
    if (!this.#running) return this.status();
    while (this.#cycle) await this.#cycle;
    if (this.#running && this.#options.now().getTime() >= this.#notBefore) {
      this.#clearTimer();
      await this.#startCycle();
    }
    return this.status();
  }

  /** For signIn failures: shown in the status while signed out. */
  reportSignInFailure(error: PlatformError): void {
    if (this.#running) return;
    this.#error = { code: ERROR_CODE[error.kind], message: error.message, retryAt: null };
  }

  async status(): Promise<SyncStatus> {
    const { db } = this.#options.store;
    const [state, pendingWrites, openConflicts] = await Promise.all([syncStateRepository.get(db), outboxRepository.count(db), conflictRepository.countOpen(db)]);
    const signedIn = this.#token !== null;
    return {
      state: signedIn ? this.#state : 'signed_out',
      serverUrl: this.serverUrl,
      accountEmail: signedIn ? state.account_email : null,
      lastSyncedAt: state.last_synced_at,
      progress: this.#progress,
      error: this.#error,
      pendingWrites,
      openConflicts,
    };
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return;
    this.#clearTimer();
    const wait = Math.max(delayMs, this.#notBefore - this.#options.now().getTime(), 0);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#startCycle();
    }, wait);
    this.#timer.unref?.();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #startCycle(): Promise<void> {
    if (this.#cycle) {
      this.#again = true;
      return this.#cycle;
    }
    const cycle = this.#runCycle().finally(() => {
      this.#cycle = null;
    });
    this.#cycle = cycle;
    return cycle;
  }

  async #runCycle(): Promise<void> {
    if (!this.#running) return;
    this.#again = false;
    this.#plannedDelay = null;
    this.#state = 'syncing';
    this.#progress = { changes: 0, cases: 0, messages: 0, hasMore: true };
    await this.#emitStatus();
    let next: number | null;
    try {
      await pushOutbox(this.#pushContext(), () => !this.#running);
      await this.#pull();
      this.#failures = 0;
      this.#error = null;
      this.#state = 'idle';
      next = this.#options.pollIntervalMs ?? 30_000;
    } catch (error) {
      next = this.#onFailure(error);
    }
    this.#progress = null;
    await this.#emitStatus();
    if (!this.#running || next === null) return;
    if (this.#again) this.#schedule(0);
    else this.#schedule(next);
  }

  async #pull(): Promise<void> {
    const { store, events } = this.#options;
    let stalled = 0;
    for (;;) {
      if (!this.#running) return;
      const before = await syncStateRepository.get(store.db);
      const page = await this.client.feed({ query: { cursor: before.cursor ?? undefined, limit: this.#pageSize } });
      const applyStarted = performance.now();
      const summary = await this.#applier.applyPage(page);
      this.#pageSize = nextPageSize(this.#pageSize, performance.now() - applyStarted, summary.changes);
      for (const caseId of summary.touchedCases) events.emit('caseChanged', { caseId });
      for (const caseId of summary.touchedSessionCases) events.emit('sessionsChanged', { caseId });
      for (const caseId of summary.touchedAgreementCases) events.emit('agreementsChanged', { caseId });
      for (const key of summary.touchedChannels) {
        const [caseId = '', channel] = key.split('\n');
        events.emit('messagesChanged', { caseId, channel: channel as MessageChannel });
      }
      const progress = this.#progress ?? { changes: 0, cases: 0, messages: 0, hasMore: true };
      this.#progress = {
        changes: progress.changes + summary.changes,
        cases: progress.cases + summary.cases,
        messages: progress.messages + summary.messages,
        hasMore: page.hasMore,
      };
      await this.#emitProgress();
      if (!page.hasMore) return;
      // No new change although more were announced: the platform repeated changes we have
      // (its cursor may even be behind ours; the applier kept ours). Ask again a few times
      // (a glitch), then leave it to the next cycle instead of spinning.
      stalled = summary.changes === 0 ? stalled + 1 : 0;
      if (stalled > MAX_STALLED_PAGES) return;
      await yieldToEventLoop();
    }
  }

  #pushContext(): PushContext {
    const { store, events, now } = this.#options;
    return {
      store,
      client: this.client,
      now,
      caseChanged: (caseId) => events.emit('caseChanged', { caseId }),
      messagesChanged: (caseId, channel) => events.emit('messagesChanged', { caseId, channel }),
      sessionsChanged: (caseId) => events.emit('sessionsChanged', { caseId }),
      agreementsChanged: (caseId) => events.emit('agreementsChanged', { caseId }),
      documentsChanged: (caseId) => events.emit('documentsChanged', { caseId }),
      retryAtFor: (error) => new Date(now().getTime() + this.#planRetry(error)),
    };
  }

  /** The delay before the next try after `error`; chosen once per cycle. */
  #planRetry(error: PlatformError | null): number {
    if (this.#plannedDelay !== null) return this.#plannedDelay;
    const nowMs = this.#options.now().getTime();
    let delay = backoffDelay(this.#failures + 1, this.#backoff, this.#options.random);
    if (error?.retryAt !== null && error?.retryAt !== undefined) {
      delay = Math.max(error.retryAt - nowMs, 0);
      this.#notBefore = error.retryAt;
    }
    this.#plannedDelay = delay;
    return delay;
  }

  /** Decides the state after a failed cycle; returns the delay of the next try (null: none). */
  #onFailure(error: unknown): number | null {
    const platformError = error instanceof PlatformError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    if (platformError?.kind === 'unauthorized') {
      // The token is refused (expired or revoked): only the user can fix that. Outbox kept.
      this.#running = false;
      this.#state = 'error';
      this.#error = { code: 'unauthorized', message, retryAt: null };
      return null;
    }
    const delay = this.#planRetry(platformError);
    this.#failures += 1;
    const kind = platformError?.kind ?? 'invalid_response';
    this.#state = kind === 'offline' || kind === 'timeout' ? 'offline' : 'error';
    this.#error = { code: ERROR_CODE[kind], message, retryAt: new Date(this.#options.now().getTime() + delay).toISOString() };
    return delay;
  }

  async #emitProgress(): Promise<void> {
    const nowMs = Date.now();
    if (nowMs - this.#lastProgressAt < (this.#options.progressIntervalMs ?? 250)) return;
    this.#lastProgressAt = nowMs;
    await this.#emitStatus();
  }

  async #emitStatus(): Promise<void> {
    try {
      this.#options.events.emit('syncStatusChanged', await this.status());
    } catch {
      /* the store is closing; nobody is left to tell */
    }
  }
}
