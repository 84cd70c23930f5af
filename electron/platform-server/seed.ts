// Seeds a new platform database with the demo center: DEMO_MEDIATORS as accounts (password
// "mesa-demo"), the demo cases (generateDemoCases), a conversation per case, some documents,
// sessions and agreements, and the feed changes of all of it. One transaction, prepared
// statements: 10 000 cases with 200 000 messages take a few seconds.
//
// Caseloads: a case that reached mediation stays with the generator's designated mediator
// (assignment 'pending' while the parties have not accepted, else 'accepted'); every other case
// (new, negotiation, closed without mediation) is followed by a mediator picked with the same
// uneven weights, with assignment NULL. bundle.case.assignedMediatorId always names the case's
// mediator, so "a mediator sees a case" ⇔ "the case is assigned to them". Administrators see all.
import { createHash } from 'node:crypto';
import type { CaseBundle } from '../../shared/domain/case';
import type { Mediator } from '../../shared/domain/people';
import type { AssignmentStatus } from '../../shared/platform/feed';
import type { MessageChannel, PlatformMessage } from '../../shared/platform/messages';
import type { PlatformAgreement, PlatformDocument, PlatformSession } from '../../shared/platform/records';
import { DEMO_MEDIATORS, generateDemoCases } from '../core/demo/generator';
import { mixSeed, Rng } from '../core/demo/prng';
import { insertUser } from './auth';
import type { PlatformDb } from './database';
import { documentContentSeeder } from './documents';
import type { CaseEvidence, EvidenceKit, SeededEvidence } from './evidence';
import * as T from './seed-text';
import { participantsOf } from './sessions';
import { Temporal } from 'temporal-polyfill';
import { SANTIAGO } from '../../shared/domain/deadlines';
import { isChileanHoliday } from '../../shared/domain/holidays';

export const DEMO_PASSWORD = 'mesa-demo';
/** Same seed as the app's own demo data, so the cases look familiar. */
const SEED = 20_260_404;
const HOUR = 3_600_000;

export interface SeedOptions {
  readonly cases: number;
  /** Messages per case (exactly); default 8. */
  readonly messagesPerCase?: number;
  readonly now?: Date;
}

export interface SeedAccount {
  readonly email: string;
  readonly password: string;
  readonly role: 'mediator' | 'administrator';
  readonly userId: string;
}

export const demoAccounts = (): SeedAccount[] => DEMO_MEDIATORS.map((m) => ({ email: m.email, password: DEMO_PASSWORD, role: m.role, userId: m.id }));

export function seedPlatform(db: PlatformDb, options: SeedOptions, evidence: EvidenceKit): void {
  const now = options.now ?? new Date();
  const perCase = options.messagesPerCase ?? 8;
  const mediators = DEMO_MEDIATORS.filter((m) => m.role === 'mediator');
  const insertCase = db.prepare('INSERT INTO cases (id, bundle, version, mediator_id, assignment) VALUES (?, ?, ?, ?, ?)');
  const insertChange = db.prepare('INSERT INTO changes (case_id, type, payload, message_rowid, audience, admin_visible) VALUES (?, ?, ?, ?, ?, 1)');
  const insertMessage = db.prepare('INSERT INTO messages (id, client_id, case_id, channel, author_role, author_id, author_name, body, sent_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)');
  const insertRecord = {
    documents: db.prepare('INSERT INTO documents (id, case_id, record) VALUES (?, ?, ?)'),
    sessions: db.prepare('INSERT INTO sessions (id, case_id, record) VALUES (?, ?, ?)'),
    agreements: db.prepare('INSERT INTO agreements (id, case_id, record) VALUES (?, ?, ?)'),
  };
  const storeContent = documentContentSeeder(db);

  db.transaction(() => {
    for (const mediator of DEMO_MEDIATORS) insertUser(db, mediator, DEMO_PASSWORD);
    let index = 0;
    for (const generated of generateDemoCases({ seed: SEED, count: options.cases, now, mediators })) {
      index += 1;
      const rng = new Rng(mixSeed(SEED ^ 0x5eed, index));
      const mediatorId = generated.case.assignedMediatorId ?? rng.weighted(mediators.map((m, i) => [m.id, mediators.length + 1 - i] as const));
      const mediator = mediators.find((m) => m.id === mediatorId) ?? mediators[0];
      if (!mediator) throw new Error('Seeding needs at least one mediator');
      const bundle: CaseBundle = { ...generated, case: { ...generated.case, assignedMediatorId: mediatorId } };
      const caseId = bundle.case.id;
      const assignment = assignmentOf(bundle);
      insertCase.run(caseId, JSON.stringify(bundle), bundle.case.version, mediatorId, assignment);
      insertChange.run(caseId, 'case.upsert', JSON.stringify({ type: 'case.upsert', bundle, assignment }), null, mediatorId);
      for (const message of conversation(rng, bundle, mediator, perCase, now.getTime())) {
        const m = message;
        const { lastInsertRowid } = insertMessage.run(m.id, caseId, m.channel, m.authorRole, m.authorId, m.authorName, m.body, m.sentAt);
        insertChange.run(caseId, 'message.created', null, lastInsertRowid, mediatorId);
      }
      const { documents, sessions, agreements } = records(rng, bundle, now.getTime(), mediator, evidence.forCase(bundle));
      for (const { document, content } of documents) {
        insertRecord.documents.run(document.id, caseId, JSON.stringify(document));
        storeContent(document.id, content);
        insertChange.run(caseId, 'document.upsert', JSON.stringify({ type: 'document.upsert', document }), null, mediatorId);
      }
      for (const session of sessions) {
        insertRecord.sessions.run(session.id, caseId, JSON.stringify(session));
        insertChange.run(caseId, 'session.upsert', JSON.stringify({ type: 'session.upsert', session }), null, mediatorId);
      }
      for (const agreement of agreements) {
        insertRecord.agreements.run(agreement.id, caseId, JSON.stringify(agreement));
        insertChange.run(caseId, 'agreement.upsert', JSON.stringify({ type: 'agreement.upsert', agreement }), null, mediatorId);
      }
    }
  })();
}

const reachedMediation = (bundle: CaseBundle): boolean => bundle.deadlines.some((d) => d.kind === 'mediation_acceptance');

function assignmentOf(bundle: CaseBundle): AssignmentStatus | null {
  if (!reachedMediation(bundle)) return null;
  return bundle.case.stage === 'mediation' && bundle.case.subState === 'pending_acceptance' ? 'pending' : 'accepted';
}

/** When mediation started (the acceptance deadline's start), else null. */
const mediationStart = (bundle: CaseBundle): number | null => {
  const deadline = bundle.deadlines.find((d) => d.kind === 'mediation_acceptance');
  return deadline ? Date.parse(deadline.startsAt) : null;
};

/** `count` instants spread over [from, to], ascending, whole seconds. */
function spread(rng: Rng, count: number, from: number, to: number): string[] {
  const span = Math.max(to - from, count * 1000);
  return Array.from({ length: count }, (_, i) => from + ((i + rng.between(0.1, 0.9)) / count) * span)
    .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());
}

function conversation(rng: Rng, bundle: CaseBundle, mediator: Mediator, total: number, nowMs: number): PlatformMessage[] {
  const c = bundle.case;
  const consumer = bundle.parties.find((p) => p.role === 'consumer');
  const company = bundle.parties.find((p) => p.role === 'company');
  const vars = {
    order: c.orderNumber,
    amount: `$${c.amountClp.toLocaleString('es-CL')}`,
    consumer: consumer?.name.split(' ')[0] ?? 'cliente',
    brand: c.brandName,
    mediator: mediator.name,
  };
  const consumerAuthor = { authorRole: 'consumer', authorId: consumer?.id ?? null, authorName: consumer?.name ?? 'Consumidor' } as const;
  const companyAuthor = { authorRole: 'company', authorId: company?.id ?? null, authorName: company?.representative?.name ?? company?.name ?? c.brandName } as const;
  const mediatorAuthor = { authorRole: 'mediator', authorId: mediator.id, authorName: mediator.name } as const;
  const platformAuthor = { authorRole: 'platform', authorId: null, authorName: 'Plataforma Resolución en Línea' } as const;

  const filed = Date.parse(c.filedAt);
  const end = c.closedAt ? Date.parse(c.closedAt) : nowMs;
  const mediationAt = mediationStart(bundle);
  const counts = mediationAt === null ? { negotiation: total, joint: 0, caucus: 0 } : split(total);
  const messages: PlatformMessage[] = [];
  const add = (channel: MessageChannel, author: Pick<PlatformMessage, 'authorRole' | 'authorId' | 'authorName'>, text: string, sentAt: string): void => {
    messages.push({ id: `${c.id}-m${messages.length + 1}`, clientId: null, caseId: c.id, channel, ...author, body: T.fillText(text, vars), sentAt });
  };

  spread(rng, counts.negotiation, filed + HOUR, mediationAt ?? end).forEach((at, i) => {
    if (i === 0) add('negotiation', platformAuthor, T.PLATFORM_OPENING, at);
    else if (i % 2 === 1) add('negotiation', consumerAuthor, rng.pick(T.NEGOTIATION_CONSUMER), at);
    else add('negotiation', companyAuthor, rng.pick(T.NEGOTIATION_COMPANY), at);
  });
  if (mediationAt === null) return messages;
  spread(rng, counts.joint, mediationAt + HOUR, end).forEach((at, i) => {
    if (i === 0) add('joint', mediatorAuthor, T.JOINT_MEDIATOR[0], at);
    else if (i % 3 === 0) add('joint', mediatorAuthor, rng.pick(T.JOINT_MEDIATOR.slice(1)), at);
    else add('joint', i % 3 === 1 ? consumerAuthor : companyAuthor, rng.pick(i % 3 === 1 ? T.JOINT_CONSUMER : T.JOINT_COMPANY), at);
  });
  for (const [channel, party, lines] of [
    ['caucus_consumer', consumerAuthor, T.CAUCUS_CONSUMER],
    ['caucus_company', companyAuthor, T.CAUCUS_COMPANY],
  ] as const) {
    spread(rng, counts.caucus, mediationAt + 2 * HOUR, end).forEach((at, i) => {
      add(channel, i % 2 === 0 ? mediatorAuthor : party, i === 0 ? T.CAUCUS_MEDIATOR[0] : rng.pick(i % 2 === 0 ? T.CAUCUS_MEDIATOR : lines), at);
    });
  }
  return messages;
}

/** A mediation case's messages: ~40 % negotiation history, ~30 % joint, the rest in the two caucuses. */
function split(total: number): { negotiation: number; joint: number; caucus: number } {
  const caucus = Math.floor((total * 0.3) / 2);
  const joint = Math.floor(total * 0.3);
  return { negotiation: total - joint - 2 * caucus, joint, caucus };
}

type SeededDocument = { document: PlatformDocument; content: SeededEvidence };

function records(
  rng: Rng,
  bundle: CaseBundle,
  nowMs: number,
  mediator: Mediator,
  evidence: CaseEvidence,
): { documents: SeededDocument[]; sessions: PlatformSession[]; agreements: PlatformAgreement[] } {
  const c = bundle.case;
  const documents: SeededDocument[] = [];
  const sessions: PlatformSession[] = [];
  const agreements: PlatformAgreement[] = [];
  const filed = Date.parse(c.filedAt);
  const doc = (content: SeededEvidence, submittedBy: PlatformDocument['submittedBy'], visibility: PlatformDocument['visibility'], atMs: number): void => {
    const id = `${c.id}-doc${documents.length + 1}`;
    const receivedAt = new Date(Math.floor(atMs / 1000) * 1000).toISOString();
    documents.push({ document: { id, caseId: c.id, fileName: content.fileName, mediaType: content.mediaType, sizeBytes: content.bytes.length, sha256: content.sha256, submittedBy, visibility, receivedAt }, content });
  };
  // The random draws are the ones of the first seed (boleta 60 %, an image 30 %, the company's
  // report in mediation), so the sessions drawn after them stay the same; the e-mail and the chat
  // export come from the case id instead of new draws.
  if (rng.chance(0.6)) doc(evidence.receipt(rng.pick(['boleta', 'comprobante_pago', 'factura'] as const), rng.int(40_000, 2_500_000)), 'consumer', 'joint', filed + 60_000);
  if (rng.chance(0.3)) {
    const image = rng.pick(['chat', 'photo'] as const);
    const variant = rng.pick([0, 1] as const);
    doc(image === 'chat' ? evidence.chatScreenshot() : evidence.damagePhoto(variant), 'consumer', 'joint', filed + 120_000);
  }
  const idByte = createHash('sha256').update(c.id).digest()[0] ?? 0;
  const mediationAt = mediationStart(bundle);
  if (idByte % 2 === 0 || documents.length === 0) doc(evidence.storeEmail(), 'consumer', 'joint', filed + 180_000);
  if (idByte % 5 < 2) doc(evidence.chatExport(), 'consumer', mediationAt === null ? 'joint' : 'caucus_consumer', (mediationAt ?? filed) + 240_000);
  if (mediationAt === null) return { documents, sessions, agreements };

  doc(evidence.courierReport(rng.int(40_000, 2_500_000)), 'company', 'caucus_company', mediationAt + 5 * HOUR);
  const accepted = bundle.deadlines.find((d) => d.kind === 'mediation_window');
  if (accepted) {
    const start = Date.parse(accepted.startsAt);
    const session = (kind: PlatformSession['kind'], aroundMs: number): void => {
      const id = `${c.id}-s${sessions.length + 1}`;
      const startsAt = officeHourOn(aroundMs, id);
      const atMs = Date.parse(startsAt);
      const status = atMs < nowMs ? (rng.chance(0.9) ? 'held' : 'no_show') : 'confirmed';
      // No extra rng draws (they would change every later case): the mode and the parties'
      // zones (participantsOf: some consumers on Easter Island, in Magallanes or abroad) come from the ids.
      const mode = id.charCodeAt(id.length - 1) % 3 === 0 ? { type: 'place' as const, address: 'Centro de Mediación, Av. Libertador Bernardo O\'Higgins 1234, Santiago' } : { type: 'video' as const, url: `https://video.cam-santiago.example/sala/${id}` };
      sessions.push({
        id,
        caseId: c.id,
        kind,
        mode,
        startsAt,
        zone: 'America/Santiago',
        durationMinutes: rng.pick([30, 45, 60]),
        participants: participantsOf(bundle, kind, mediator, 'America/Santiago', true),
        status,
        sequence: 0,
        version: 1,
        updatedAt: new Date(Math.min(atMs, nowMs)).toISOString(),
      });
    };
    session('joint', start + rng.between(20, 60) * HOUR);
    if (rng.chance(0.5)) session(rng.pick(['caucus_consumer', 'caucus_company'] as const), start + rng.between(60, 120) * HOUR);
  }
  const drafting = c.stage === 'mediation' && c.subState === 'agreement_drafting';
  if (drafting || c.outcome === 'agreement_in_mediation') {
    const settled = c.outcome === 'agreement_in_mediation';
    const updatedAt = c.closedAt ?? c.updatedAt;
    agreements.push({
      id: `${c.id}-a1`,
      caseId: c.id,
      number: 1,
      status: settled ? 'accepted' : rng.pick(['draft', 'sent'] as const),
      consumerDecision: settled ? 'accepted' : 'pending',
      companyDecision: settled ? 'accepted' : 'pending',
      updatedAt,
      version: 1,
    });
  }
  return { documents, sessions, agreements };
}

/**
 * A plausible session start near `aroundMs`: a weekday that is not a Chilean holiday, on the
 * hour between 09:00 and 16:00 in Santiago. The hour comes from the session id, not from the
 * random stream (an extra draw would change every later demo case).
 */
function officeHourOn(aroundMs: number, id: string): string {
  let day = Temporal.Instant.fromEpochMilliseconds(Math.round(aroundMs)).toZonedDateTimeISO(SANTIAGO).toPlainDate();
  while (day.dayOfWeek > 5 || isChileanHoliday(day.toString())) day = day.add({ days: 1 });
  const hour = 9 + (createHash('sha256').update(id).digest()[0] ?? 0) % 8;
  return day.toZonedDateTime({ timeZone: SANTIAGO, plainTime: Temporal.PlainTime.from({ hour }) }).toInstant().toString();
}
