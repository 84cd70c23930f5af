import { z } from 'zod';
import { CaseBundle } from '../domain/case';
import { EntityId } from '../domain/ids';
import { Mediator } from '../domain/people';
import { Transition } from '../domain/transition';
import { Instant } from '../domain/ids';
import { AssignmentStatus, FeedCursor, FeedPage } from './feed';
import { ClientId, MessageBody, PlatformMessage, WritableChannel } from './messages';

/**
 * The central platform's HTTP API, as one table: the reference server (electron/platform-server)
 * serves it, the core's client (electron/core/sync) calls it, and the OpenAPI document in
 * resources/platform-openapi.json is generated from it (tests check they agree).
 * Every write carries a client-made UUIDv7 `clientId`: a repeated write returns the first result.
 */

export const PlatformErrorCode = z.enum([
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_request',
  'rate_limited',
  'internal',
]);
export type PlatformErrorCode = z.infer<typeof PlatformErrorCode>;

export const PlatformErrorBody = z.object({
  error: z.object({ code: PlatformErrorCode, message: z.string().max(2_000) }),
  /** On 409 for a case: the platform's current version of it, so the client can show both. */
  current: CaseBundle.optional(),
});
export type PlatformErrorBody = z.infer<typeof PlatformErrorBody>;

export const SignInRequest = z.object({ email: z.email(), password: z.string().min(1).max(200) });
export const SignInResponse = z.object({ token: z.string().min(20).max(500), expiresAt: Instant, user: Mediator });

export const FeedQuery = z.object({
  cursor: FeedCursor.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const AssignedCase = z.object({ caseId: EntityId, version: z.number().int().min(1), assignment: AssignmentStatus.nullable() });
export const AssignedCasesResponse = z.object({ cases: z.array(AssignedCase) });

export const PostMessageRequest = z.object({ clientId: ClientId, channel: WritableChannel, body: MessageBody });
export const PostMessageResponse = z.object({ message: PlatformMessage });

export const StageProposalRequest = z.object({ clientId: ClientId, transition: Transition, expectedVersion: z.number().int().min(1) });
export const StageProposalResponse = z.object({ bundle: CaseBundle });

export const AssignmentDecisionRequest = z.object({
  clientId: ClientId,
  decision: z.enum(['accept', 'decline']),
  reason: z.string().trim().max(1_000).optional(),
});
export const AssignmentDecisionResponse = z.object({ caseId: EntityId, assignment: AssignmentStatus.nullable() });

type Method = 'GET' | 'POST';

interface RouteSpec {
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

const route = <R extends RouteSpec>(spec: R): R => spec;

export const platformRoutes = {
  signIn: route({ method: 'POST', path: '/v1/auth/sign-in', summary: 'Sign in a mediator or administrator', auth: false, body: SignInRequest, response: SignInResponse, status: 200 }),
  me: route({ method: 'GET', path: '/v1/me', summary: 'The signed-in user', auth: true, response: Mediator, status: 200 }),
  assignedCases: route({ method: 'GET', path: '/v1/cases', summary: "The caller's assigned cases (ids and versions)", auth: true, response: AssignedCasesResponse, status: 200 }),
  feed: route({ method: 'GET', path: '/v1/feed', summary: "Changes to the caller's cases after a cursor, paged", auth: true, query: FeedQuery, response: FeedPage, status: 200 }),
  postMessage: route({ method: 'POST', path: '/v1/cases/{caseId}/messages', summary: 'Post a message to the joint chat or a caucus', auth: true, body: PostMessageRequest, response: PostMessageResponse, status: 201 }),
  proposeStageChange: route({ method: 'POST', path: '/v1/cases/{caseId}/stage-proposals', summary: 'Propose a stage change (409 when expectedVersion is stale)', auth: true, body: StageProposalRequest, response: StageProposalResponse, status: 200 }),
  decideAssignment: route({ method: 'POST', path: '/v1/cases/{caseId}/assignment', summary: 'Accept or decline an assignment', auth: true, body: AssignmentDecisionRequest, response: AssignmentDecisionResponse, status: 200 }),
} as const;

export type PlatformRoutes = typeof platformRoutes;
export type PlatformRouteName = keyof PlatformRoutes;
