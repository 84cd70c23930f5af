// The three writes of the platform API. Each runs in one transaction: idempotency lookup,
// checks, the records, the feed changes and the idempotency row commit together or not at all.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CaseBundle, CaseRecord } from '../../shared/domain/case';
import type { Mediator } from '../../shared/domain/people';
import { applyTransition } from '../../shared/domain/stage-machine';
import type { AssignmentDecisionRequest, AssignmentDecisionResponse, PostMessageRequest, PostMessageResponse, StageProposalRequest, StageProposalResponse } from '../../shared/platform/api';
import type { PlatformMessage } from '../../shared/platform/messages';
import { deadlineEffects } from '../core/repositories/stage-deadlines';
import { transactional, type PlatformDb } from './database';
import { PlatformHttpError } from './http';
import type { Idempotency } from './idempotency';
import type { CaseRow, PlatformStore } from './store';

export interface WriteResult<T> {
  readonly status: number;
  readonly body: T;
  /** Set when the write happened now (not a replay): the server's hooks (auto-reply) look at it. */
  readonly fresh: boolean;
}

export type Writes = ReturnType<typeof platformWrites>;

export function platformWrites(db: PlatformDb, store: PlatformStore, idempotency: Idempotency) {
  function requireCase(caseId: string): CaseRow {
    const row = store.getCase(caseId);
    if (!row) throw new PlatformHttpError(404, 'not_found', `No case ${caseId}`);
    return row;
  }

  function requireOwner(user: Mediator, row: CaseRow): void {
    if (row.mediatorId !== user.id) throw new PlatformHttpError(403, 'forbidden', 'The case is not assigned to you');
  }

  /** Saves a new version of the case (version + 1, updatedAt) and returns it. */
  function bump(row: CaseRow, patch: Partial<CaseRecord>, at: string, extra: Partial<Pick<CaseRow, 'mediatorId' | 'assignment'>> = {}): CaseRow {
    const next: CaseRow = { ...row, ...extra, bundle: { ...row.bundle, case: { ...row.bundle.case, ...patch, updatedAt: at, version: row.bundle.case.version + 1 } } };
    store.saveCase(next);
    return next;
  }

  const upsert = (row: CaseRow, adminVisible = true): void =>
    store.appendChange(row.bundle.case.id, row.mediatorId, { type: 'case.upsert', bundle: row.bundle, assignment: row.assignment }, adminVisible);

  const postMessage = transactional(db, 
    (user: Mediator, caseId: string, request: z.infer<typeof PostMessageRequest>, now: Date): WriteResult<z.infer<typeof PostMessageResponse>> => {
      const replay = idempotency.replay(user.id, request.clientId, 'postMessage', caseId, request);
      if (replay) return { status: 200, body: replay.body as z.infer<typeof PostMessageResponse>, fresh: false };
      const row = requireCase(caseId);
      requireOwner(user, row);
      if (row.bundle.case.stage !== 'mediation') throw new PlatformHttpError(403, 'forbidden', 'Messages can only be posted while the case is in mediation');
      const message: PlatformMessage = {
        id: `msg-${randomUUID()}`,
        clientId: request.clientId,
        caseId,
        channel: request.channel,
        authorRole: 'mediator',
        authorId: user.id,
        authorName: user.name,
        body: request.body,
        sentAt: now.toISOString(),
      };
      store.insertMessage(message, row.mediatorId);
      const body = { message };
      idempotency.record(user.id, request.clientId, 'postMessage', caseId, request, body);
      return { status: 201, body, fresh: true };
    },
  );

  const proposeStageChange = transactional(db, 
    (user: Mediator, caseId: string, request: z.infer<typeof StageProposalRequest>, now: Date): WriteResult<z.infer<typeof StageProposalResponse>> => {
      const replay = idempotency.replay(user.id, request.clientId, 'proposeStageChange', caseId, request);
      if (replay) return { status: 200, body: replay.body as z.infer<typeof StageProposalResponse>, fresh: false };
      const row = requireCase(caseId);
      if (user.role !== 'administrator') requireOwner(user, row);
      const before = row.bundle.case;
      if (before.version !== request.expectedVersion) {
        throw new PlatformHttpError(409, 'conflict', `Case ${caseId} is at version ${before.version}, not ${request.expectedVersion}`, row.bundle);
      }
      const result = applyTransition(before, request.transition, { facts: before });
      if (!result.ok) throw new PlatformHttpError(422, 'invalid_request', `Transition ${request.transition.type} refused: ${result.reason}`, row.bundle);

      const at = now.toISOString();
      const closing = result.next.stage === 'closed' && before.stage !== 'closed';
      const reopening = before.stage === 'closed' && result.next.stage !== 'closed';
      const after: CaseRecord = { ...before, ...result.next, closedAt: closing ? at : reopening ? null : before.closedAt, updatedAt: at, version: before.version + 1 };
      const effects = deadlineEffects(after, request.transition, row.bundle.deadlines.filter((d) => d.status === 'open'), now);
      const statusOf = new Map(effects.statusChanges.map((change) => [change.id, change.status]));
      const deadlines = [
        ...row.bundle.deadlines.map((d) => ({ ...d, status: statusOf.get(d.id) ?? d.status })),
        ...effects.created.map((d, i) => ({ ...d, id: `${caseId}-d${row.bundle.deadlines.length + i + 1}` })),
      ];
      // Reaching mediation designates the case's mediator, who must still accept it.
      const assignment = request.transition.type === 'escalate_to_mediation' ? 'pending' : row.assignment;
      const next: CaseRow = { ...row, assignment, bundle: { ...row.bundle, case: after, deadlines } };
      store.saveCase(next);
      store.appendChange(caseId, row.mediatorId, { type: 'case.stage_changed', bundle: next.bundle, from: { stage: before.stage, subState: before.subState }, at });
      if (assignment !== row.assignment) upsert(next);
      const body = { bundle: next.bundle };
      idempotency.record(user.id, request.clientId, 'proposeStageChange', caseId, request, body);
      return { status: 200, body, fresh: true };
    },
  );

  /** The mediator a declined case goes to: the least loaded one who has not declined it. */
  const nextMediatorStatement = db.prepare<[string, string], { id: string }>(`
    SELECT u.id FROM users u
    WHERE u.role = 'mediator' AND u.id <> ? AND u.id NOT IN (SELECT user_id FROM declines WHERE case_id = ?)
    ORDER BY (SELECT count(*) FROM cases c WHERE c.mediator_id = u.id AND c.assignment IS NOT NULL), u.id LIMIT 1`);
  const recordDecline = db.prepare('INSERT OR REPLACE INTO declines (case_id, user_id, reason) VALUES (?, ?, ?)');

  const decideAssignment = transactional(db, 
    (user: Mediator, caseId: string, request: z.infer<typeof AssignmentDecisionRequest>, now: Date): WriteResult<z.infer<typeof AssignmentDecisionResponse>> => {
      const replay = idempotency.replay(user.id, request.clientId, 'decideAssignment', caseId, request);
      if (replay) return { status: 200, body: replay.body as z.infer<typeof AssignmentDecisionResponse>, fresh: false };
      const row = requireCase(caseId);
      requireOwner(user, row);
      const at = now.toISOString();
      let body: z.infer<typeof AssignmentDecisionResponse>;
      if (request.decision === 'accept') {
        if (row.assignment === null) throw new PlatformHttpError(409, 'conflict', 'There is no mediation designation to accept for this case', row.bundle);
        if (row.assignment === 'pending') upsert(bump(row, {}, at, { assignment: 'accepted' }));
        body = { caseId, assignment: 'accepted' };
      } else {
        if (row.assignment !== 'pending') throw new PlatformHttpError(409, 'conflict', 'Only a pending designation can be declined', row.bundle);
        recordDecline.run(caseId, user.id, request.reason ?? null);
        const nextMediator = nextMediatorStatement.get(user.id, caseId) ?? nextMediatorStatement.get(user.id, '');
        if (!nextMediator) throw new PlatformHttpError(409, 'conflict', 'No other mediator can take this case', row.bundle);
        store.appendChange(caseId, user.id, { type: 'case.unassigned', caseId, at }, false);
        const moved = bump(row, { assignedMediatorId: nextMediator.id }, at, { mediatorId: nextMediator.id, assignment: 'pending' });
        upsert(moved);
        store.replayCaseTo(caseId, nextMediator.id);
        body = { caseId, assignment: null };
      }
      idempotency.record(user.id, request.clientId, 'decideAssignment', caseId, request, body);
      return { status: 200, body, fresh: true };
    },
  );

  /** Control API: a new version of the case with nothing else changed (conflict tests). */
  const touch = transactional(db, (caseId: string, now: Date): CaseBundle => {
    const next = bump(requireCase(caseId), {}, now.toISOString());
    upsert(next);
    return next.bundle;
  });

  return { postMessage, proposeStageChange, decideAssignment, touch, requireCase };
}
