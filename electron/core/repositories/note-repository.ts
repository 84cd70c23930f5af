import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Note } from '../../../shared/domain/people';
import type { Store } from '../db/store';
import { auditRepository } from './audit-repository';
import { caseRepository } from './case-repository';
import { profileRepository } from './profile-repository';
import { noteFromRow } from './rows';

/**
 * The mediator's PRIVATE notes. They live in this store only: never synced, never shown to a
 * party, never copied into the audit log (audit rows name the note by id, nothing more).
 * Only the author may edit or delete a note.
 */
export const noteRepository = {
  async list(store: Store, caseId: string): Promise<Note[]> {
    await caseRepository.requireExists(store, caseId);
    const rows = await store.db.selectFrom('notes').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
    return rows.map(noteFromRow);
  },

  async add(store: Store, input: { caseId: string; body: string }, now: Date): Promise<Note> {
    return store.write(async (trx) => {
      const actorId = await profileRepository.currentUserId(trx);
      const exists = await trx.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst();
      if (!exists) throw new AppError('not_found', `No case ${input.caseId}`);
      const at = now.toISOString();
      const note: Note = { id: randomUUID(), caseId: input.caseId, authorId: actorId, body: input.body, createdAt: at, updatedAt: at, version: 1 };
      await trx
        .insertInto('notes')
        .values({ id: note.id, case_id: note.caseId, author_id: note.authorId, body: note.body, created_at: at, updated_at: at, version: 1 })
        .execute();
      await auditRepository.append(trx, { at, actorId, action: 'note.added', caseId: note.caseId, entityId: note.id });
      return note;
    });
  },

  /** Edits a note; a stale expectedVersion is a `conflict` (the other edit is never overwritten). */
  async update(store: Store, input: { noteId: string; body: string; expectedVersion: number }, now: Date): Promise<Note> {
    return store.write(async (trx) => {
      const actorId = await profileRepository.currentUserId(trx);
      const row = await trx.selectFrom('notes').selectAll().where('id', '=', input.noteId).executeTakeFirst();
      if (!row) throw new AppError('not_found', `No note ${input.noteId}`);
      if (row.author_id !== actorId) throw new AppError('forbidden', 'Only the author may edit a note');
      if (row.version !== input.expectedVersion) {
        throw new AppError('conflict', `Note ${input.noteId} is at version ${row.version}, not ${input.expectedVersion}`);
      }
      const at = now.toISOString();
      const updated = await trx
        .updateTable('notes')
        .set({ body: input.body, updated_at: at, version: row.version + 1 })
        .where('id', '=', input.noteId)
        .where('version', '=', input.expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw new AppError('conflict', `Note ${input.noteId} changed meanwhile`);
      await auditRepository.append(trx, {
        at,
        actorId,
        action: 'note.edited',
        caseId: row.case_id,
        entityId: row.id,
        data: { version: String(updated.version) },
      });
      return noteFromRow(updated);
    });
  },

  /** Deletes a note; returns its case id so the caller can announce the change. */
  async delete(store: Store, noteId: string, now: Date): Promise<{ caseId: string }> {
    return store.write(async (trx) => {
      const actorId = await profileRepository.currentUserId(trx);
      const row = await trx.selectFrom('notes').select(['case_id', 'author_id']).where('id', '=', noteId).executeTakeFirst();
      if (!row) throw new AppError('not_found', `No note ${noteId}`);
      if (row.author_id !== actorId) throw new AppError('forbidden', 'Only the author may delete a note');
      await trx.deleteFrom('notes').where('id', '=', noteId).execute();
      await auditRepository.append(trx, { at: now.toISOString(), actorId, action: 'note.deleted', caseId: row.case_id, entityId: noteId });
      return { caseId: row.case_id };
    });
  },
};
