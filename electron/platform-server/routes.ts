// The platform routes (shared/platform/api.ts platformRoutes) bound to their handlers.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { EntityId } from '../../shared/domain/ids';
import type { Mediator } from '../../shared/domain/people';
import type { PlatformRouteName } from '../../shared/platform/api';
import type { PlatformAgreement } from '../../shared/platform/records';
import { platformRoutes } from '../../shared/platform/api';
import type { AgreementWrites } from './agreements';
import type { Auth } from './auth';
import type { PlatformDb } from './database';
import type { DocumentBytes, DocumentService } from './documents';
import type { Feed } from './feed';
import { decodeCursor } from './feed';
import { bearerToken, PlatformHttpError, readJsonBody } from './http';
import type { SessionWrites } from './sessions';
import type { Writes } from './writes';

export interface RouteMatch {
  readonly name: PlatformRouteName;
  readonly caseId: string | null;
}

const compiled = (Object.keys(platformRoutes) as PlatformRouteName[]).map((name) => ({
  name,
  method: platformRoutes[name].method,
  pattern: new RegExp(`^${platformRoutes[name].path.replace('{caseId}', '([^/]+)')}$`),
}));

/** The route of a path and method; 404 for an unknown path, 405 for a known path with another method. */
export function matchRoute(method: string, path: string): RouteMatch {
  const candidates = compiled.flatMap((route) => {
    const match = route.pattern.exec(path);
    return match ? [{ route, caseId: match[1] ?? null }] : [];
  });
  if (candidates.length === 0) throw new PlatformHttpError(404, 'not_found', `No route ${path}`);
  const hit = candidates.find((candidate) => candidate.route.method === method);
  if (!hit) throw new PlatformHttpError(405, 'invalid_request', `Use ${candidates.map((c) => c.route.method).join(', ')}`, undefined, { Allow: candidates.map((c) => c.route.method).join(', ') });
  let caseId = hit.caseId;
  if (caseId !== null) {
    try {
      caseId = decodeURIComponent(caseId);
    } catch {
      /* an undecodable id fails the EntityId check below */
    }
    if (!EntityId.safeParse(caseId).success) throw new PlatformHttpError(400, 'invalid_request', 'Invalid case id');
  }
  return { name: hit.route.name, caseId };
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new PlatformHttpError(400, 'invalid_request', `Invalid ${what}: ${z.prettifyError(result.error)}`.slice(0, 2_000));
  return result.data;
}

export interface RouteResult {
  readonly status: number;
  /** An object, or JSON text already serialized (the feed). */
  readonly body: unknown;
  /** Runs after the answer is decided (auto-reply hook); only for writes that happened now. */
  readonly after?: () => void;
  /** A binary answer (downloadDocument): sent as the document's bytes instead of `body`. */
  readonly raw?: DocumentBytes;
}

export interface RouteContext {
  readonly db: PlatformDb;
  readonly epoch: string;
  readonly auth: Auth;
  readonly feed: Feed;
  readonly writes: Writes;
  readonly now: () => Date;
  readonly duplicateFeed: () => boolean;
  readonly onMediatorMessage: (message: { caseId: string; channel: string }) => void;
  readonly sessions: SessionWrites;
  /** A session was proposed or moved: the auto-reply parties confirm it after their delay. */
  readonly onSessionProposed: (sessionId: string) => void;
  readonly documents: DocumentService;
  readonly agreements: AgreementWrites;
  /** A version was sent: the simulated parties decide after their delay. */
  readonly onAgreementSent: (agreement: PlatformAgreement) => void;
}

/** Authenticates, validates query and body with the route's schemas, runs the handler. */
export async function runRoute(ctx: RouteContext, match: RouteMatch, req: IncomingMessage, url: URL): Promise<RouteResult> {
  const spec = platformRoutes[match.name];
  const user: Mediator | null = spec.auth ? ctx.auth.authenticate(bearerToken(req.headers.authorization)) : null;
  const query = 'query' in spec ? parseWith(spec.query, Object.fromEntries(url.searchParams), 'query') : undefined;
  // A raw body (uploadDocument) is left unread for its handler to stream.
  const body = 'body' in spec ? parseWith(spec.body, await readJsonBody(req), 'body') : 'rawBody' in spec ? undefined : (req.resume(), undefined);
  const caseId = match.caseId ?? '';
  const need = (): Mediator => {
    if (!user) throw new PlatformHttpError(401, 'unauthorized', 'Sign in first');
    return user;
  };

  switch (match.name) {
    case 'signIn': {
      const { email, password } = body as z.infer<typeof platformRoutes.signIn.body>;
      return { status: 200, body: ctx.auth.signIn(email, password) };
    }
    case 'me':
      return { status: 200, body: need() };
    case 'assignedCases': {
      const me = need();
      const rows =
        me.role === 'administrator'
          ? ctx.db.prepare<[], Row>('SELECT id, version, assignment FROM cases ORDER BY id').all()
          : ctx.db.prepare<[string], Row>('SELECT id, version, assignment FROM cases WHERE mediator_id = ? ORDER BY id').all(me.id);
      return { status: 200, body: { cases: rows.map((row) => ({ caseId: row.id, version: row.version, assignment: row.assignment })) } };
    }
    case 'feed': {
      const me = need();
      const { cursor, limit } = query as z.infer<typeof platformRoutes.feed.query>;
      const afterSeq = decodeCursor(ctx.epoch, cursor);
      // duplicateFeedPages: changes the caller already has again, from THIS request's cursor
      // (two app instances of one mediator sit at different cursors).
      const page = ctx.duplicateFeed() ? ctx.feed.overlappingPage(me, afterSeq, limit) : ctx.feed.page(me, afterSeq, limit);
      return { status: 200, body: page.json };
    }
    case 'postMessage': {
      const result = ctx.writes.postMessage(need(), caseId, body as z.infer<typeof platformRoutes.postMessage.body>, ctx.now());
      const { message } = result.body;
      return { status: result.status, body: result.body, after: result.fresh ? () => ctx.onMediatorMessage(message) : undefined };
    }
    case 'proposeStageChange':
      return ctx.writes.proposeStageChange(need(), caseId, body as z.infer<typeof platformRoutes.proposeStageChange.body>, ctx.now());
    case 'decideAssignment':
      return ctx.writes.decideAssignment(need(), caseId, body as z.infer<typeof platformRoutes.decideAssignment.body>, ctx.now());
    case 'scheduleSession': {
      const result = ctx.sessions.schedule(need(), caseId, body as z.infer<typeof platformRoutes.scheduleSession.body>, ctx.now());
      const { session } = result.body;
      return { status: result.status, body: result.body, after: result.fresh ? () => ctx.onSessionProposed(session.id) : undefined };
    }
    case 'rescheduleSession': {
      const result = ctx.sessions.reschedule(need(), caseId, body as z.infer<typeof platformRoutes.rescheduleSession.body>, ctx.now());
      const { session } = result.body;
      return { status: result.status, body: result.body, after: result.fresh ? () => ctx.onSessionProposed(session.id) : undefined };
    }
    case 'cancelSession':
      return ctx.sessions.cancel(need(), caseId, body as z.infer<typeof platformRoutes.cancelSession.body>, ctx.now());
    case 'recordSessionOutcome':
      return ctx.sessions.outcome(need(), caseId, body as z.infer<typeof platformRoutes.recordSessionOutcome.body>, ctx.now());
    case 'sendAgreement': {
      const result = ctx.agreements.send(need(), caseId, body as z.infer<typeof platformRoutes.sendAgreement.body>, ctx.now());
      const { agreement } = result.body;
      return { status: result.status, body: result.body, after: result.fresh ? () => ctx.onAgreementSent(agreement) : undefined };
    }
    case 'recordAgreementFulfilment':
      return ctx.agreements.recordFulfilment(need(), caseId, body as z.infer<typeof platformRoutes.recordAgreementFulfilment.body>, ctx.now());
    case 'downloadDocument': {
      const { documentId } = query as z.infer<typeof platformRoutes.downloadDocument.query>;
      return { status: 200, body: null, raw: ctx.documents.download(need(), caseId, documentId) };
    }
    case 'uploadDocument': {
      const me = need();
      return ctx.documents.upload(me, caseId, query as z.infer<typeof platformRoutes.uploadDocument.query>, req, ctx.now());
    }
    default: {
      const unknownRoute: never = match.name;
      throw new PlatformHttpError(404, 'not_found', `No handler for ${String(unknownRoute)}`);
    }
  }
}

interface Row {
  id: string;
  version: number;
  assignment: 'pending' | 'accepted' | null;
}
