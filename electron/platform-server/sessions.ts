// Sessions on the reference platform: the mediator's writes (schedule, reschedule, cancel,
// outcome), the parties' confirmations (control API, auto-reply) and who takes part from which
// zone. Every change: version + 1, the record saved, a 'session.upsert' appended to the feed,
// in one transaction with the idempotency row. SEQUENCE (RFC 5545) + 1 on each change the
// parties' calendars must show (reschedule, cancel); confirmations and outcomes keep it.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CaseBundle } from '../../shared/domain/case';
import type { Mediator } from '../../shared/domain/people';
import type { CancelSessionRequest, PlatformRouteName, RescheduleSessionRequest, ScheduleSessionRequest, SessionOutcomeRequest } from '../../shared/platform/api';
import type { PlatformSession } from '../../shared/platform/records';
import type { Participant, SessionKind } from '../../shared/schedule/session';
import { transactional, type PlatformDb } from './database';
import { PlatformHttpError } from './http';
import type { Idempotency } from './idempotency';
import type { PlatformStore } from './store';
import type { WriteResult } from './writes';

/**
 * Where the demo parties live. Most consumers are in mainland Chile; some in Magallanes, on
 * Easter Island or abroad — chosen from the case id, so the same case always gets the same zone.
 * Companies answer from Santiago.
 */
const CONSUMER_ZONES = ['America/Santiago', 'America/Santiago', 'America/Santiago', 'America/Santiago', 'America/Santiago', 'America/Santiago', 'America/Punta_Arenas', 'Pacific/Easter', 'Europe/Madrid', 'America/New_York'] as const;

export function consumerZoneOf(caseId: string): string {
  const byte = createHash('sha256').update(caseId).digest()[0] ?? 0;
  return CONSUMER_ZONES[byte % CONSUMER_ZONES.length] ?? 'America/Santiago';
}

/** Who takes part in a session of this kind: a caucus is the mediator and ONE party. */
export function participantsOf(bundle: CaseBundle, kind: SessionKind, mediator: { name: string }, mediatorZone: string, confirmed = false): Participant[] {
  const consumer = bundle.parties.find((p) => p.role === 'consumer');
  const company = bundle.parties.find((p) => p.role === 'company');
  const confirmation = confirmed ? 'confirmed' : 'pending';
  const list: Participant[] = [{ role: 'mediator', name: mediator.name, zone: mediatorZone, confirmation: 'confirmed' }];
  if (kind !== 'caucus_company') list.push({ role: 'consumer', name: consumer?.name ?? 'Consumidor', zone: consumerZoneOf(bundle.case.id), confirmation });
  if (kind !== 'caucus_consumer') list.push({ role: 'company', name: company?.representative?.name ?? company?.name ?? bundle.case.brandName, zone: 'America/Santiago', confirmation });
  return list;
}

/** Confirmed once every party (not the mediator) confirmed. */
const statusAfterConfirmations = (session: PlatformSession): PlatformSession['status'] =>
  session.participants.every((p) => p.role === 'mediator' || p.confirmation === 'confirmed') ? 'confirmed' : session.status;

export type SessionWrites = ReturnType<typeof sessionWrites>;

export function sessionWrites(db: PlatformDb, store: PlatformStore, idempotency: Idempotency) {
  const getRecord = db.prepare<[string], { case_id: string; record: string }>('SELECT case_id, record FROM sessions WHERE id = ?');
  const insertRecord = db.prepare('INSERT INTO sessions (id, case_id, record) VALUES (?, ?, ?)');
  const updateRecord = db.prepare('UPDATE sessions SET record = ? WHERE id = ?');

  const caseOf = (caseId: string) => {
    const row = store.getCase(caseId);
    if (!row) throw new PlatformHttpError(404, 'not_found', `No case ${caseId}`);
    return row;
  };

  function mediatorCase(user: Mediator, caseId: string) {
    const row = caseOf(caseId);
    if (row.mediatorId !== user.id) throw new PlatformHttpError(403, 'forbidden', 'The case is not assigned to you');
    return row;
  }

  function requireSession(caseId: string | null, sessionId: string): PlatformSession {
    const row = getRecord.get(sessionId);
    if (!row || (caseId !== null && row.case_id !== caseId)) throw new PlatformHttpError(404, 'not_found', `No session ${sessionId}`);
    return JSON.parse(row.record) as PlatformSession;
  }

  /** Saves a new version and appends it to the feed of the case's mediator. */
  function save(next: PlatformSession): PlatformSession {
    updateRecord.run(JSON.stringify(next), next.id);
    store.appendChange(next.caseId, caseOf(next.caseId).mediatorId, { type: 'session.upsert', session: next });
    return next;
  }

  function changeable(session: PlatformSession, expectedVersion: number): void {
    if (session.version !== expectedVersion) {
      throw new PlatformHttpError(409, 'conflict', `Session ${session.id} is at version ${session.version}, not ${expectedVersion}`, undefined, undefined, session);
    }
    if (session.status === 'cancelled' || session.status === 'held' || session.status === 'no_show') {
      throw new PlatformHttpError(422, 'invalid_request', `Session ${session.id} is ${session.status}; it can no longer change`, undefined, undefined, session);
    }
  }

  const schedule = transactional(db, (user: Mediator, caseId: string, request: z.infer<typeof ScheduleSessionRequest>, now: Date): WriteResult<{ session: PlatformSession }> => {
    const replay = idempotency.replay(user.id, request.clientId, 'scheduleSession', caseId, request);
    if (replay) return { status: 200, body: replay.body as { session: PlatformSession }, fresh: false };
    const row = mediatorCase(user, caseId);
    if (row.bundle.case.stage !== 'mediation') throw new PlatformHttpError(403, 'forbidden', 'Sessions can only be scheduled while the case is in mediation');
    if (getRecord.get(request.sessionId)) throw new PlatformHttpError(409, 'conflict', `Session ${request.sessionId} already exists`);
    const session: PlatformSession = {
      id: request.sessionId,
      caseId,
      kind: request.kind,
      mode: request.mode,
      startsAt: request.startsAt,
      zone: request.zone,
      durationMinutes: request.durationMinutes,
      participants: participantsOf(row.bundle, request.kind, user, request.zone),
      status: 'proposed',
      sequence: 0,
      version: 1,
      updatedAt: now.toISOString(),
    };
    insertRecord.run(session.id, caseId, JSON.stringify(session));
    store.appendChange(caseId, row.mediatorId, { type: 'session.upsert', session });
    const body = { session };
    idempotency.record(user.id, request.clientId, 'scheduleSession', caseId, request, body);
    return { status: 201, body, fresh: true };
  });

  /** One mediator write to an existing session, idempotent by clientId, version-checked. */
  const change = <R extends { clientId: string; sessionId: string; expectedVersion: number }>(route: PlatformRouteName, apply: (session: PlatformSession, request: R, at: string) => PlatformSession) =>
    transactional(db, (user: Mediator, caseId: string, request: R, now: Date): WriteResult<{ session: PlatformSession }> => {
      const replay = idempotency.replay(user.id, request.clientId, route, caseId, request);
      if (replay) return { status: 200, body: replay.body as { session: PlatformSession }, fresh: false };
      mediatorCase(user, caseId);
      const current = requireSession(caseId, request.sessionId);
      changeable(current, request.expectedVersion);
      const session = save({ ...apply(current, request, now.toISOString()), version: current.version + 1, updatedAt: now.toISOString() });
      const body = { session };
      idempotency.record(user.id, request.clientId, route, caseId, request, body);
      return { status: 200, body, fresh: true };
    });

  const reschedule = change<z.infer<typeof RescheduleSessionRequest>>('rescheduleSession', (s, r) => ({
    ...s,
    startsAt: r.startsAt,
    zone: r.zone,
    durationMinutes: r.durationMinutes,
    mode: r.mode ?? s.mode,
    status: 'rescheduled',
    sequence: s.sequence + 1,
    participants: s.participants.map((p) => (p.role === 'mediator' ? p : { ...p, confirmation: 'pending' })),
  }));
  const cancel = change<z.infer<typeof CancelSessionRequest>>('cancelSession', (s) => ({ ...s, status: 'cancelled', sequence: s.sequence + 1 }));
  const outcome = change<z.infer<typeof SessionOutcomeRequest>>('recordSessionOutcome', (s, r) => ({ ...s, status: r.outcome }));

  /** A party confirms (control API, auto-reply). A closed session or a party not invited: 409. */
  const confirm = transactional(db, (sessionId: string, role: 'consumer' | 'company', now: Date): PlatformSession => {
    const current = requireSession(null, sessionId);
    if (current.status === 'cancelled' || current.status === 'held' || current.status === 'no_show') throw new PlatformHttpError(409, 'conflict', `Session ${sessionId} is ${current.status}`);
    if (!current.participants.some((p) => p.role === role)) throw new PlatformHttpError(409, 'conflict', `The ${role} is not invited to session ${sessionId}`);
    const participants = current.participants.map((p) => (p.role === role ? { ...p, confirmation: 'confirmed' as const } : p));
    const next = { ...current, participants };
    return save({ ...next, status: statusAfterConfirmations(next), version: current.version + 1, updatedAt: now.toISOString() });
  });

  return { schedule, reschedule, cancel, outcome, confirm, requireSession };
}
