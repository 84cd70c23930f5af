import type { z } from 'zod';

type Method = 'GET' | 'POST';

export interface RouteSpec {
  readonly method: Method;
  /** OpenAPI-style template; `{caseId}` is the only parameter. */
  readonly path: string;
  readonly summary: string;
  readonly auth: boolean;
  readonly query?: z.ZodType;
  /** A JSON body (application/json), validated with this schema. */
  readonly body?: z.ZodType;
  /**
   * The body is the bytes themselves (application/octet-stream, at most `maxBytes`); what
   * describes them travels in the query. Never together with `body`.
   */
  readonly rawBody?: { readonly maxBytes: number };
  /**
   * `json` (default): `response` validates the JSON answer. `binary`: the answer is the bytes
   * themselves and `response` validates its headers (lower-case names) instead.
   */
  readonly responseKind?: 'json' | 'binary';
  readonly response: z.ZodType;
  /** HTTP status of success. */
  readonly status: 200 | 201;
}

/** Keeps a route's literal types (for the server's and client's inference). */
export const route = <R extends RouteSpec>(spec: R): R => spec;
