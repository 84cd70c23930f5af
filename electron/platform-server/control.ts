// The control API (only with `control: true`), for tests and demos. Every request needs
// `X-Control-Token: <controlToken>`.
//   GET    /__control/faults                                   current switches and counters left
//   PUT    /__control/faults          FaultSettings            replaces every switch
//   DELETE /__control/faults                                   clears every switch
//   PUT    /__control/auto-reply      {enabled, delayMs}       consumer answers mediator joint messages
//   POST   /__control/cases/{caseId}/party-messages {role, channel, body}   a party writes (201 {message})
//   GET    /__control/parties/{role}/cases/{caseId}/messages   what that party can read ({messages})
//   GET    /__control/parties/{role}/cases/{caseId}/documents  the documents that party can see ({documents})
//   POST   /__control/cases/{caseId}/touch                     new version of the case (200 {bundle})
//   POST   /__control/sessions/{sessionId}/confirm {role}      a party confirms a session (200 {session})
//   PUT    /__control/agreement-replies {enabled, delayMs, consumer?, company?}   simulated parties
//          decide each sent agreement version after delayMs ({decision: accepted|rejected, reason?}, default accepted)
//   POST   /__control/cases/{caseId}/agreements/decide {role, number, decision, reason?}   a party decides
//          on version `number` — also an old one (200 {agreement})
//   GET    /__control/cases/{caseId}/agreements                what the parties received ({agreements: [{agreement, text}]})
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { PartyRole } from '../../shared/domain/party';
import { MessageBody, MessageChannel } from '../../shared/platform/messages';
import { secretMatches } from '../web/request-guards';
import { AgreementRepliesSettings, PartyDecisionRequest, type agreementReplies, type AgreementWrites } from './agreements';
import type { Auth } from './auth';
import type { DocumentService } from './documents';
import { FaultSettings, type FaultSwitches } from './faults';
import { PlatformHttpError, readJsonBody } from './http';
import type { Parties } from './parties';
import { parseWith, type RouteResult } from './routes';
import type { SessionWrites } from './sessions';
import type { Writes } from './writes';

const PartyMessageRequest = z.object({ role: PartyRole, channel: MessageChannel, body: MessageBody }).strict();
const ConfirmSessionRequest = z.object({ role: PartyRole }).strict();
const AutoReplyRequest = z.object({ enabled: z.boolean(), delayMs: z.number().int().min(0).max(600_000).default(1_000) }).strict();

export interface ControlContext {
  readonly token: string;
  readonly faults: FaultSwitches;
  readonly auth: Auth;
  readonly parties: Parties;
  readonly writes: Writes;
  readonly sessions: SessionWrites;
  readonly agreements: AgreementWrites;
  readonly documents: DocumentService;
  readonly agreementParties: ReturnType<typeof agreementReplies>;
  readonly now: () => Date;
}

export async function runControl(ctx: ControlContext, req: IncomingMessage, path: string): Promise<RouteResult> {
  const header = req.headers['x-control-token'];
  if (!secretMatches(typeof header === 'string' ? header : null, ctx.token)) {
    req.resume();
    throw new PlatformHttpError(401, 'unauthorized', 'X-Control-Token required');
  }
  const method = req.method ?? 'GET';
  const route = `${method} ${path}`;
  const body = async <S extends z.ZodType>(schema: S): Promise<z.infer<S>> => parseWith(schema, await readJsonBody(req), 'body');

  if (route === 'GET /__control/faults') return { status: 200, body: ctx.faults.snapshot() };
  if (route === 'PUT /__control/faults') {
    const settings = await body(FaultSettings);
    ctx.faults.set(settings);
    const expired = settings.expireTokens ? ctx.auth.expireAllTokens() : 0;
    return { status: 200, body: { ...ctx.faults.snapshot(), expiredTokens: expired } };
  }
  if (route === 'DELETE /__control/faults') {
    ctx.faults.clear();
    return { status: 200, body: ctx.faults.snapshot() };
  }
  if (route === 'PUT /__control/auto-reply') {
    const settings = await body(AutoReplyRequest);
    ctx.parties.setAutoReply(settings);
    return { status: 200, body: settings };
  }
  const partyMessage = /^POST \/__control\/cases\/([A-Za-z0-9_-]+)\/party-messages$/.exec(route);
  if (partyMessage?.[1]) {
    const request = await body(PartyMessageRequest);
    return { status: 201, body: { message: ctx.parties.post(partyMessage[1], request.role, request.channel, request.body) } };
  }
  const partyView = /^GET \/__control\/parties\/([a-z]+)\/cases\/([A-Za-z0-9_-]+)\/messages$/.exec(route);
  if (partyView?.[1] && partyView[2]) {
    const role = parseWith(PartyRole, partyView[1], 'party role');
    return { status: 200, body: { messages: ctx.parties.visibleTo(partyView[2], role) } };
  }
  const partyDocuments = /^GET \/__control\/parties\/([a-z]+)\/cases\/([A-Za-z0-9_-]+)\/documents$/.exec(route);
  if (partyDocuments?.[1] && partyDocuments[2]) {
    const role = parseWith(PartyRole, partyDocuments[1], 'party role');
    return { status: 200, body: { documents: ctx.documents.partyView(partyDocuments[2], role) } };
  }
  const touch = /^POST \/__control\/cases\/([A-Za-z0-9_-]+)\/touch$/.exec(route);
  if (touch?.[1]) {
    req.resume();
    return { status: 200, body: { bundle: ctx.writes.touch(touch[1], ctx.now()) } };
  }
  const confirm = /^POST \/__control\/sessions\/([A-Za-z0-9_-]+)\/confirm$/.exec(route);
  if (confirm?.[1]) {
    const request = await body(ConfirmSessionRequest);
    return { status: 200, body: { session: ctx.sessions.confirm(confirm[1], request.role, ctx.now()) } };
  }
  if (route === 'PUT /__control/agreement-replies') {
    const settings = await body(AgreementRepliesSettings);
    ctx.agreementParties.set(settings);
    return { status: 200, body: settings };
  }
  const decide = /^POST \/__control\/cases\/([A-Za-z0-9_-]+)\/agreements\/decide$/.exec(route);
  if (decide?.[1]) {
    const request = await body(PartyDecisionRequest);
    return { status: 200, body: { agreement: ctx.agreements.decide(decide[1], request, ctx.now()) } };
  }
  const received = /^GET \/__control\/cases\/([A-Za-z0-9_-]+)\/agreements$/.exec(route);
  if (received?.[1]) {
    req.resume();
    return { status: 200, body: { agreements: ctx.agreements.listWithText(received[1]) } };
  }
  req.resume();
  throw new PlatformHttpError(404, 'not_found', `No control route ${route}`);
}
