import type { z } from 'zod';
import { PlatformErrorBody, platformRoutes, type PlatformRouteName, type PlatformRoutes } from '../../../shared/platform/api';
import { PlatformError, classifyFetchFailure, parseRetryAfter } from './platform-error';
import type { RouteSpec } from '../../../shared/platform/route';

/**
 * The platform's HTTP client: one function per route of shared/platform/api.ts `platformRoutes`,
 * made from that table (method, path template, schemas), so a route exists here exactly when it
 * exists in the contract. Every request has a time limit; every response is validated with its
 * route's zod schema before anyone sees it; every failure is a PlatformError of one kind.
 * The bearer token is read per request and never written anywhere (not in errors, not in logs).
 */

type RouteSpecOf<K extends PlatformRouteName> = PlatformRoutes[K];

export type RouteInput<K extends PlatformRouteName> = { readonly caseId?: string } & (RouteSpecOf<K> extends { body: infer B extends z.ZodType }
  ? { readonly body: z.input<B> }
  : unknown) &
  (RouteSpecOf<K> extends { query: infer Q extends z.ZodType } ? { readonly query?: z.input<Q> } : unknown) &
  (RouteSpecOf<K> extends { rawBody: object } ? { readonly content: RawContent } : unknown);

/** A raw request body: the bytes, or a stream of them (read once per call). */
export type RawContent = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * A binary answer: its validated headers and the body as a stream. The request's time limit
 * then applies between chunks (a stalled transfer fails as a timeout, a slow one goes on).
 */
export type BinaryOutput<H> = H & { readonly body: ReadableStream<Uint8Array> };

export type RouteOutput<K extends PlatformRouteName> = RouteSpecOf<K> extends { responseKind: 'binary' }
  ? BinaryOutput<z.output<RouteSpecOf<K>['response']>>
  : z.output<RouteSpecOf<K>['response']>;

export type PlatformClient = {
  readonly [K in PlatformRouteName]: (input: RouteInput<K>) => Promise<RouteOutput<K>>;
};

export interface PlatformClientOptions {
  /** e.g. "http://127.0.0.1:4100" (no trailing path). */
  readonly baseUrl: string;
  /** The current token, or null when signed out (auth routes then fail as unauthorized). */
  readonly getToken: () => string | null;
  /** Per-request time limit, headers and body included. */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

type AnyRoute = Pick<RouteSpec, 'method' | 'path' | 'auth' | 'query' | 'body' | 'rawBody' | 'responseKind' | 'response'>;

interface AnyInput {
  readonly caseId?: string;
  readonly body?: unknown;
  readonly query?: Record<string, unknown>;
  readonly content?: RawContent;
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call(name: string, spec: AnyRoute, input: AnyInput): Promise<unknown> {
    const url = new URL(base + buildPath(spec.path, input.caseId));
    if (spec.query && input.query) {
      const query = spec.query.parse(input.query) as Record<string, unknown>;
      for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.auth) {
      const token = options.getToken();
      if (token === null) throw new PlatformError('unauthorized', `${name}: not signed in`);
      headers.authorization = `Bearer ${token}`;
    }
    let body: string | RawContent | undefined;
    if (spec.body) {
      body = JSON.stringify(spec.body.parse(input.body));
      headers['content-type'] = 'application/json';
    }
    if (spec.rawBody) {
      if (input.content === undefined) throw new PlatformError('rejected', `${name} needs content`);
      body = input.content;
      headers['content-type'] = 'application/octet-stream';
    }

    const controller = new AbortController();
    let timer = setTimeout(() => controller.abort(), timeoutMs);
    let streaming = false;
    try {
      let response: Response;
      try {
        // duplex 'half': a streamed request body (undici requires saying so).
        response = await doFetch(url, { method: spec.method, headers, body: body as RequestInit['body'], signal: controller.signal, ...(spec.rawBody ? { duplex: 'half' } : {}) } as RequestInit);
        if (response.ok && spec.responseKind === 'binary') {
          const validated = parseHeaders(name, spec.response, response.headers) as Record<string, unknown>;
          streaming = true;
          const restart = (): void => {
            clearTimeout(timer);
            timer = setTimeout(() => controller.abort(), timeoutMs);
          };
          return { ...validated, body: guardStream(response.body, restart, () => clearTimeout(timer), (error) => classifyFetchFailure(error, controller.signal.aborted, name)) };
        }
        const text = await response.text();
        if (response.ok) return parseBody(name, spec.response, text);
        throw errorFromResponse(name, response, text, now());
      } catch (error) {
        if (error instanceof PlatformError) throw error;
        throw classifyFetchFailure(error, controller.signal.aborted, name);
      }
    } finally {
      if (!streaming) clearTimeout(timer);
    }
  }

  const entries = Object.entries(platformRoutes as Readonly<Record<string, AnyRoute>>).map(([name, spec]) => [
    name,
    (input: AnyInput) => call(name, spec, input ?? {}),
  ]);
  return Object.fromEntries(entries) as PlatformClient;
}

/** Fills `{caseId}` (the only parameter of the table's paths), URL-encoded. */
function buildPath(template: string, caseId: string | undefined): string {
  if (!template.includes('{caseId}')) return template;
  if (caseId === undefined) throw new PlatformError('rejected', `${template} needs a caseId`);
  return template.replace('{caseId}', encodeURIComponent(caseId));
}

function parseHeaders(name: string, schema: z.ZodType, headers: Headers): unknown {
  const parsed = schema.safeParse(Object.fromEntries(headers.entries()));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PlatformError('invalid_response', `${name}: the platform's headers do not match the contract (${first ? `${first.path.join('.')}: ${first.message}` : 'schema'})`);
  }
  return parsed.data;
}

/** Passes the body through, restarting the idle timer per chunk; transport failures become PlatformErrors. */
function guardStream(body: ReadableStream<Uint8Array> | null, onChunk: () => void, onEnd: () => void, classify: (error: unknown) => PlatformError): ReadableStream<Uint8Array> {
  const reader = (body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })).getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          onEnd();
          controller.close();
          return;
        }
        onChunk();
        controller.enqueue(value);
      } catch (error) {
        onEnd();
        controller.error(classify(error));
      }
    },
    async cancel(reason) {
      onEnd();
      await reader.cancel(reason);
    },
  });
}

function parseBody(name: string, schema: z.ZodType, text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PlatformError('invalid_response', `${name}: the platform answered malformed JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PlatformError('invalid_response', `${name}: the platform's answer does not match the contract (${first ? `${first.path.join('.')}: ${first.message}` : 'schema'})`);
  }
  return parsed.data;
}

function errorFromResponse(name: string, response: Response, text: string, nowMs: number): PlatformError {
  const status = response.status;
  let errorBody: PlatformErrorBody | null = null;
  try {
    const parsed = PlatformErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) errorBody = parsed.data;
  } catch {
    /* an error page that is not JSON: the status decides */
  }
  const platformCode = errorBody?.error.code ?? null;
  const details = { status, platformCode, retryAt: parseRetryAfter(response.headers.get('retry-after'), nowMs), currentSession: errorBody?.currentSession ?? null };
  const what = `${name}: HTTP ${status}${platformCode ? ` ${platformCode}` : ''}`;
  if (status === 401) return new PlatformError('unauthorized', what, details);
  if (status === 409) return new PlatformError('conflict', what, { ...details, current: errorBody?.current ?? null });
  if (status === 429) return new PlatformError('rate_limited', what, details);
  if (status >= 500) return new PlatformError('server_error', what, details);
  return new PlatformError('rejected', what, details);
}
