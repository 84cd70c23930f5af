import type { SyncStatus } from '../../../shared/contract/sync';
import type { Store } from '../db/store';
import { profileRepository } from '../repositories/profile-repository';
import { PlatformError } from './platform-error';
import { PLATFORM_TOKEN_KEY, type SecretStore } from './secret-store';
import type { SyncEngine } from './sync-engine';
import { syncStateRepository } from './sync-state';

/**
 * Signs in to the platform: the token goes to the secret store (only there), the account and
 * the user to SQLite, then the engine starts. A refusal or a network failure is answered as a
 * status whose `error` says why (bad credentials → 'unauthorized'), not as an exception, so
 * the sign-in form can show it like any other sync error.
 *
 * Another account (or server) than the last one starts the feed from the beginning, and the
 * previous account's unsent writes are dropped and their messages marked failed: they must
 * never be posted under someone else's name.
 */
export async function signIn(engine: SyncEngine, store: Store, secrets: SecretStore, credentials: { email: string; password: string }): Promise<SyncStatus> {
  let answer;
  try {
    answer = await engine.client.signIn({ body: credentials });
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    engine.reportSignInFailure(error);
    return engine.status();
  }
  await engine.stop();
  const { user } = answer;
  await store.write(async (trx) => {
    await profileRepository.upsertMediators(trx, [user]);
    await profileRepository.setCurrentUser(trx, user.id);
    const reset = await syncStateRepository.setAccount(trx, { serverUrl: engine.serverUrl, email: user.email, userId: user.id });
    if (reset) {
      await trx
        .updateTable('messages')
        .set({ delivery: 'failed', failure_code: 'unauthorized' })
        .where('client_id', 'in', trx.selectFrom('outbox').select('client_id').where('kind', '=', 'message'))
        .execute();
      await trx.deleteFrom('outbox').execute();
    }
  });
  await secrets.set(PLATFORM_TOKEN_KEY, answer.token);
  engine.signedIn(answer.token);
  return engine.status();
}

/** Stops syncing (in-flight work finishes first) and forgets the token. Local data stays. */
export async function signOut(engine: SyncEngine, secrets: SecretStore): Promise<SyncStatus> {
  await engine.signOut();
  await secrets.delete(PLATFORM_TOKEN_KEY);
  return engine.status();
}
