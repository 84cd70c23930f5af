import { z } from 'zod';
import { CaseBundle } from '../domain/case';
import { EntityId } from '../domain/ids';
import { Mediator } from '../domain/people';
import { Transition } from '../domain/transition';
import { Instant } from '../domain/ids';
import { agreementRoutes } from './agreements-api';
import { route } from './route';
import { documentRoutes } from './documents-api';
import { AssignmentStatus, FeedCursor, FeedPage } from './feed';
import { ClientId, MessageBody, PlatformMessage, WritableChannel } from './messages';
import { PlatformSession } from './records';
import { DurationMinutes, IanaZone, SessionKind, SessionMode } from '../schedule/session';

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
  /** On 409 for a session: the platform's current version of it. */
  currentSession: PlatformSession.optional(),
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

/** Sessions: the client makes the id (UUIDv7, also its local id); sessionId travels in the body. */
export const ScheduleSessionRequest = z.object({
  clientId: ClientId,
  sessionId: EntityId,
  kind: SessionKind,
  mode: SessionMode,
  startsAt: Instant,
  zone: IanaZone,
  durationMinutes: DurationMinutes,
});
export const RescheduleSessionRequest = z.object({
  clientId: ClientId,
  sessionId: EntityId,
  startsAt: Instant,
  zone: IanaZone,
  durationMinutes: DurationMinutes,
  mode: SessionMode.optional(),
  expectedVersion: z.number().int().min(1),
});
export const CancelSessionRequest = z.object({ clientId: ClientId, sessionId: EntityId, expectedVersion: z.number().int().min(1) });
export const SessionOutcomeRequest = z.object({ clientId: ClientId, sessionId: EntityId, outcome: z.enum(['held', 'no_show']), expectedVersion: z.number().int().min(1) });
export const SessionResponse = z.object({ session: PlatformSession });

export const platformRoutes = {
  signIn: route({ method: 'POST', path: '/v1/auth/sign-in', summary: 'Sign in a mediator or administrator', auth: false, body: SignInRequest, response: SignInResponse, status: 200 }),
  me: route({ method: 'GET', path: '/v1/me', summary: 'The signed-in user', auth: true, response: Mediator, status: 200 }),
  assignedCases: route({ method: 'GET', path: '/v1/cases', summary: "The caller's assigned cases (ids and versions)", auth: true, response: AssignedCasesResponse, status: 200 }),
  feed: route({ method: 'GET', path: '/v1/feed', summary: "Changes to the caller's cases after a cursor, paged", auth: true, query: FeedQuery, response: FeedPage, status: 200 }),
  postMessage: route({ method: 'POST', path: '/v1/cases/{caseId}/messages', summary: 'Post a message to the joint chat or a caucus', auth: true, body: PostMessageRequest, response: PostMessageResponse, status: 201 }),
  proposeStageChange: route({ method: 'POST', path: '/v1/cases/{caseId}/stage-proposals', summary: 'Propose a stage change (409 when expectedVersion is stale)', auth: true, body: StageProposalRequest, response: StageProposalResponse, status: 200 }),
  decideAssignment: route({ method: 'POST', path: '/v1/cases/{caseId}/assignment', summary: 'Accept or decline an assignment', auth: true, body: AssignmentDecisionRequest, response: AssignmentDecisionResponse, status: 200 }),
  scheduleSession: route({ method: 'POST', path: '/v1/cases/{caseId}/sessions', summary: 'Propose a session (the parties confirm it)', auth: true, body: ScheduleSessionRequest, response: SessionResponse, status: 201 }),
  rescheduleSession: route({ method: 'POST', path: '/v1/cases/{caseId}/sessions/reschedule', summary: 'Move a session (409 when expectedVersion is stale; SEQUENCE + 1, confirmations reset)', auth: true, body: RescheduleSessionRequest, response: SessionResponse, status: 200 }),
  cancelSession: route({ method: 'POST', path: '/v1/cases/{caseId}/sessions/cancel', summary: 'Cancel a session (409 when expectedVersion is stale; SEQUENCE + 1)', auth: true, body: CancelSessionRequest, response: SessionResponse, status: 200 }),
  ...documentRoutes,
  ...agreementRoutes,
  recordSessionOutcome: route({ method: 'POST', path: '/v1/cases/{caseId}/sessions/outcome', summary: 'Record that a session was held or a party did not show (409 when expectedVersion is stale)', auth: true, body: SessionOutcomeRequest, response: SessionResponse, status: 200 }),
} as const;

export type PlatformRoutes = typeof platformRoutes;
export type PlatformRouteName = keyof PlatformRoutes;
