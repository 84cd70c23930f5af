import type { z } from 'zod';

type Method = 'GET' | 'POST';

export interface RouteSpec {
  readonly method: Method;
  /** OpenAPI-style template; `{caseId}` is the only parameter. */
  readonly path: string;
  readonly summary: string;
  readonly auth: boolean;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  /** HTTP status of success. */
  readonly status: 200 | 201;
}

/** Keeps a route's literal types (for the server's and client's inference). */
export const route = <R extends RouteSpec>(spec: R): R => spec;
