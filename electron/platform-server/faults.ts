// Fault switches of the reference platform (control API). Each switch fires for the next
// `count` matching requests (exact, for tests) and/or at a `rate` (0-1, for demos), optionally
// only for some routes. Only /v1 routes are affected, never /__control.
import { z } from 'zod';
import type { PlatformRouteName } from '../../shared/platform/api';
import { platformRoutes } from '../../shared/platform/api';
import { EntityId } from '../../shared/domain/ids';

const RouteName = z.enum(Object.keys(platformRoutes) as [PlatformRouteName, ...PlatformRouteName[]]);

const Counter = z
  .object({
    count: z.number().int().min(0).max(1_000_000).default(0),
    rate: z.number().min(0).max(1).default(0),
    routes: z.array(RouteName).min(1).optional(),
  })
  .strict();

/** A downloads-only counter, optionally for some documents only. */
const DocumentCounter = Counter.omit({ routes: true }).extend({ documentIds: z.array(EntityId).min(1).max(1_000).optional() }).strict();

export const FaultSettings = z
  .object({
    /** Added to every /v1 request before it is handled. */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Destroy the socket without answering; phase 'after' runs the request first (the write happens, the answer is lost). */
    dropConnections: Counter.extend({ phase: z.enum(['before', 'after']).default('before') }).optional(),
    /** 500 internal before handling. */
    serverError: Counter.optional(),
    /** 429 rate_limited with Retry-After before handling. */
    rateLimit: Counter.extend({ retryAfterSeconds: z.number().int().min(0).max(3600).default(1) }).optional(),
    /** Expire every token issued so far (an action, applied when the settings are put). */
    expireTokens: z.boolean().optional(),
    /** 200 with a truncated JSON body (the request did run). */
    malformedJson: Counter.optional(),
    /** 200 with valid JSON that breaks the response schema (the request did run). */
    schemaInvalid: Counter.optional(),
    /** The feed answers a page that overlaps the request's cursor: up to half a page of changes the caller already has, then the next ones (cursor = its last change). */
    duplicateFeedPages: Counter.omit({ routes: true }).optional(),
    /** Downloads: bytes with one byte flipped (same length, another SHA-256 than the metadata). */
    corruptDocuments: DocumentCounter.optional(),
    /** Downloads: the full Content-Length is announced, half the bytes sent, then the socket closes. */
    truncateDocuments: DocumentCounter.optional(),
    /** Downloads: at most this many bytes per second. */
    slowDocuments: z.object({ bytesPerSecond: z.number().int().min(1).max(1_000_000_000) }).strict().optional(),
  })
  .strict();
export type FaultSettings = z.infer<typeof FaultSettings>;

type CounterState = { count: number; rate: number; routes?: readonly PlatformRouteName[]; documentIds?: readonly string[] };
type SwitchName = 'dropConnections' | 'serverError' | 'rateLimit' | 'malformedJson' | 'schemaInvalid' | 'duplicateFeedPages' | 'corruptDocuments' | 'truncateDocuments';
const SWITCHES: readonly SwitchName[] = ['dropConnections', 'serverError', 'rateLimit', 'malformedJson', 'schemaInvalid', 'duplicateFeedPages', 'corruptDocuments', 'truncateDocuments'];

export class FaultSwitches {
  private settings: FaultSettings = {};
  private counters = new Map<SwitchName, CounterState>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces every switch (PUT semantics); `expireTokens` is returned for the caller to act on. */
  set(settings: FaultSettings): void {
    this.settings = settings;
    this.counters.clear();
    for (const name of SWITCHES) {
      const value = settings[name];
      if (value) {
        this.counters.set(name, { count: value.count, rate: value.rate, routes: 'routes' in value ? value.routes : undefined, documentIds: 'documentIds' in value ? value.documentIds : undefined });
      }
    }
  }

  clear(): void {
    this.set({});
  }

  get latencyMs(): number {
    return this.settings.latencyMs ?? 0;
  }

  get dropPhase(): 'before' | 'after' {
    return this.settings.dropConnections?.phase ?? 'before';
  }

  /** The download bandwidth limit (slowDocuments), or null. */
  get documentBytesPerSecond(): number | null {
    return this.settings.slowDocuments?.bytesPerSecond ?? null;
  }

  get retryAfterSeconds(): number {
    return this.settings.rateLimit?.retryAfterSeconds ?? 1;
  }

  /** Whether switch `name` fires for this request; consumes one from its counter when it does. */
  fires(name: SwitchName, route: PlatformRouteName, documentId?: string): boolean {
    const state = this.counters.get(name);
    if (!state) return false;
    if (state.documentIds !== undefined && (documentId === undefined || !state.documentIds.includes(documentId))) return false;
    if (name === 'duplicateFeedPages' ? route !== 'feed' : state.routes !== undefined && !state.routes.includes(route)) return false;
    if (state.count > 0) {
      state.count -= 1;
      return true;
    }
    return state.rate > 0 && this.random() < state.rate;
  }

  /** What is set and what is left of each counter (GET /__control/faults). */
  snapshot(): Record<string, unknown> {
    const remaining = Object.fromEntries([...this.counters].map(([name, state]) => [name, state.count]));
    return { settings: this.settings, remaining };
  }
}
