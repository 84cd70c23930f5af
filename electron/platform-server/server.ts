// The reference central platform: the API of shared/platform/api.ts over real HTTP on
// 127.0.0.1, backed by its own SQLite file. For development, demos and tests — never packaged.
// Seeded (only when the database is new) with the demo center: DEMO_MEDIATORS as accounts,
// every password "mesa-demo" (see seed.ts for who gets which case). With `control: true` it
// also serves the control API (control.ts): fault switches, party messages, auto-reply.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { agreementReplies, agreementWrites } from './agreements';
import { authService } from './auth';
import { runControl } from './control';
import { corruptResponse } from './corrupt';
import { createIndexes, databaseEpoch, isEmpty, openPlatformDb } from './database';
import { documentService, sendDocumentBytes } from './documents';
import { loadEvidenceKit } from './evidence';
import { FaultSwitches } from './faults';
import { feedService } from './feed';
import { PlatformHttpError, sendError, sendJson } from './http';
import { idempotencyStore } from './idempotency';
import { partyService } from './parties';
import { matchRoute, runRoute, type RouteContext, type RouteResult } from './routes';
import { demoAccounts, seedPlatform } from './seed';
import { platformStore } from './store';
import { sessionWrites } from './sessions';
import { platformWrites } from './writes';

export interface PlatformServerOptions {
  readonly databasePath: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Seeds a new (empty) database; an existing one is served as it is. */
  readonly seed?: { cases: number; messagesPerCase?: number; now?: Date };
  /** Serves /__control (fault switches and party simulation) behind a per-run token. */
  readonly control?: boolean;
}

export interface PlatformServer {
  readonly url: string;
  readonly port: number;
  readonly controlToken: string | null;
  readonly accounts: Array<{ email: string; password: string; role: 'mediator' | 'administrator'; userId: string }>;
  close(): Promise<void>;
}

export async function startPlatformServer(options: { databasePath: string; port?: number; seed?: { cases: number; messagesPerCase?: number; now?: Date }; control?: boolean }): Promise<{
  url: string;
  port: number;
  controlToken: string | null;
  accounts: Array<{ email: string; password: string; role: 'mediator' | 'administrator'; userId: string }>;
  close(): Promise<void>;
}> {
  const db = openPlatformDb(options.databasePath);
  const evidence = await loadEvidenceKit();
  if (isEmpty(db)) {
    seedPlatform(db, options.seed ?? { cases: 0 }, evidence);
    createIndexes(db);
  }
  const now = (): Date => new Date();
  const epoch = databaseEpoch(db);
  const store = platformStore(db);
  const auth = authService(db);
  const writes = platformWrites(db, store, idempotencyStore(db));
  const parties = partyService(db, store, now);
  const sessions = sessionWrites(db, store, idempotencyStore(db));
  const agreements = agreementWrites(db, store, idempotencyStore(db));
  const agreementParties = agreementReplies(agreements.decide, now);
  const faults = new FaultSwitches();
  const controlToken = options.control ? randomBytes(24).toString('base64url') : null;

  const ctx: RouteContext = {
    db,
    epoch,
    auth,
    feed: feedService(db, epoch),
    writes,
    now,
    duplicateFeed: () => faults.fires('duplicateFeedPages', 'feed'),
    onMediatorMessage: (message) => parties.onMediatorMessage(message),
    sessions,
    onSessionProposed: (sessionId) => {
      const invited = sessions.requireSession(null, sessionId).participants.flatMap((p) => (p.role === 'mediator' ? [] : [p.role]));
      parties.onSessionProposed(sessionId, (id, role) => sessions.confirm(id, role, now()), invited);
    },
    documents: documentService(db, store, idempotencyStore(db), evidence),
    agreements,
    onAgreementSent: (agreement) => agreementParties.onAgreementSent(agreement),
  };

  async function handlePlatform(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    const route = match.name;
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    if (faults.dropPhase === 'before' && faults.fires('dropConnections', route)) return void req.socket.destroy();
    if (faults.fires('serverError', route)) throw new PlatformHttpError(500, 'internal', 'Injected server error');
    if (faults.fires('rateLimit', route)) {
      throw new PlatformHttpError(429, 'rate_limited', 'Too many requests', undefined, { 'Retry-After': String(faults.retryAfterSeconds) });
    }
    const result: RouteResult = await runRoute(ctx, match, req, url);
    result.after?.();
    if (result.raw) return sendDocumentBytes(res, result.raw, faults);
    if (faults.dropPhase === 'after' && faults.fires('dropConnections', route)) return void req.socket.destroy();
    if (faults.fires('malformedJson', route)) {
      const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
      return sendJson(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    }
    if (faults.fires('schemaInvalid', route)) return sendJson(res, 200, corruptResponse(route, result.body));
    sendJson(res, result.status, result.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__control' || url.pathname.startsWith('/__control/')) {
      if (controlToken === null) throw new PlatformHttpError(404, 'not_found', 'Control API disabled');
      const result = await runControl({ token: controlToken, faults, auth, parties, writes, sessions, agreements, agreementParties, documents: ctx.documents, now }, req, url.pathname);
      return sendJson(res, result.status, result.body);
    }
    return handlePlatform(req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) return void res.destroy();
      if (error instanceof PlatformHttpError) return sendError(res, error);
      console.error('[mesa platform] request failed', error);
      sendError(res, new PlatformHttpError(500, 'internal', 'Internal error'));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    controlToken,
    accounts: demoAccounts(),
    close: () =>
      (closed ??= new Promise<void>((resolveClose) => {
        parties.stop();
        agreementParties.stop();
        server.close(() => {
          db.close();
          resolveClose();
        });
        server.closeAllConnections();
      })),
  };
}
