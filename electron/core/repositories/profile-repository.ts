import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/contract/app';
import { AppError } from '../../../shared/contract/errors';
import type { Mediator } from '../../../shared/domain/people';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';
import { mediatorFromRow } from './rows';

export interface LocalProfile {
  readonly user: Mediator;
  readonly locale: Locale;
}

/** Mediators known to this installation, and the local profile (current user + locale). */
export const profileRepository = {
  async upsertMediators(trx: Kysely<Database>, mediators: ReadonlyArray<Mediator>): Promise<void> {
    if (mediators.length === 0) return;
    await trx
      .insertInto('mediators')
      .values(mediators.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), email: eb.ref('excluded.email'), role: eb.ref('excluded.role') })),
      )
      .execute();
  },

  async countMediators(store: Store): Promise<number> {
    const row = await store.db.selectFrom('mediators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async setCurrentUser(trx: Kysely<Database>, userId: string): Promise<void> {
    await trx
      .insertInto('local_profile')
      .values({ id: 1, user_id: userId })
      .onConflict((oc) => oc.column('id').doUpdateSet({ user_id: userId }))
      .execute();
  },

  /** The current user's id; every audit row names it as actor. */
  async currentUserId(db: Kysely<Database>): Promise<string> {
    const row = await db.selectFrom('local_profile').select('user_id').where('id', '=', 1).executeTakeFirst();
    if (!row) throw new AppError('forbidden', 'No local user is configured on this installation');
    return row.user_id;
  },

  async get(db: Kysely<Database>): Promise<LocalProfile> {
    const row = await db
      .selectFrom('local_profile')
      .innerJoin('mediators', 'mediators.id', 'local_profile.user_id')
      .select(['mediators.id', 'mediators.name', 'mediators.email', 'mediators.role', 'local_profile.locale'])
      .where('local_profile.id', '=', 1)
      .executeTakeFirst();
    if (!row) throw new AppError('forbidden', 'No local user is configured on this installation');
    return { user: mediatorFromRow(row), locale: row.locale as Locale };
  },

  async setLocale(store: Store, locale: Locale): Promise<Locale> {
    const result = await store.db.updateTable('local_profile').set({ locale }).where('id', '=', 1).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('forbidden', 'No local user is configured on this installation');
    return locale;
  },
};
