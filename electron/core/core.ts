// PUBLIC FACADE of the core — the only module the hosts (electron/main, electron/web) import.
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { operationNames } from '../../shared/contract/operations';
import type { Mediator } from '../../shared/domain/people';
import type { Handlers } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { openStore, type Store } from './db/store';
import { DocumentService, type CoreFiles } from './documents/document-service';
import { closePdfWorkers } from './pdf/off-thread';
import { DEMO_MEDIATORS, generateDemoCases } from './demo/generator';
import { toAppError } from './errors/to-app-error';
import { EventBus } from './events/event-bus';
import { importCaseBundlesIn } from './repositories/case-import';
import { settleElapsedRatingWindows } from './repositories/deadline-sweep';
import { profileRepository } from './repositories/profile-repository';
import type { BackoffPolicy } from './sync/backoff';
import type { SecretStore } from './sync/secret-store';
import { SyncEngine } from './sync/sync-engine';
import { silentNotifier, type Notifier } from './schedule/notifier';
import { ReminderScheduler } from './schedule/reminder-scheduler';

export interface CoreOptions {
  /** Absolute path of the SQLite file (created when missing). */
  readonly databasePath: string;
  readonly host: 'electron' | 'web';
  readonly appVersion: string;
  /** Seeds the demo mediators and this many demo cases when the store is empty. 0 = none. */
  readonly demoCases?: number;
  /** Injectable clock for tests. */
  readonly now?: () => Date;
  /**
   * The center's platform. When set, cases come from sync (no demo cases are generated, only
   * the demo mediators until someone signs in), and the engine starts if a token is stored.
   */
  readonly platform?: PlatformOptions;
  /** Shows reminders as OS notifications (Electron); silent by default (web host, tests). */
  readonly notifier?: Notifier;
}

export interface PlatformOptions {
  readonly url: string;
  readonly secretStore: SecretStore;
  /** Pull every this many ms while online (default 30 000). */
  readonly pollIntervalMs?: number;
  /** Per-request time limit (default 15 000 ms). */
  readonly requestTimeoutMs?: number;
  /** Retry delays after failures (default 1 s doubling up to 30 s, with jitter). */
  readonly backoff?: BackoffPolicy;
}

export interface MesaCore {
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** Bytes in (staged uploads) and out (served file links): the hosts' only file access. */
  readonly files: CoreFiles;
  /**
   * Stops the reminders and the sync engine (waiting for its in-flight work), then closes the
   * database (checkpointing the WAL), and ends the PDF worker threads (a job still running
   * fails). Idempotent. Without a platform the store is closed before this returns; with one, when the
   * promise resolves.
   */
  close(): Promise<void>;
}

/** The seed of the demo data: fixed, so every fresh demo store holds the same cases. */
const DEMO_SEED = 20_260_404;

/**
 * Opens the store at options.databasePath (migrating it) and returns the core. Async because
 * kysely's Migrator is. NEVER rejects: when the store cannot be opened (corrupt, written by a
 * newer version, unreadable, disk full) it resolves to a core whose every handler rejects with
 * that AppError, so the UI can show a translated full-screen error; the file is left untouched.
 */
export async function openCore(options: CoreOptions): Promise<MesaCore> {
  const events = new EventBus();
  const now = options.now ?? (() => new Date());
  let store: Store | undefined;
  try {
    store = await openStore(options.databasePath);
    await seedWhenEmpty(store, options.platform ? 0 : (options.demoCases ?? 0), now());
    await settleElapsedRatingWindows(store, now());
  } catch (error) {
    store?.close();
    return failedCore(toAppError(error), events);
  }
  const opened = store;
  const platform = options.platform;
  const engine = platform
    ? new SyncEngine({
        store: opened,
        events,
        secretStore: platform.secretStore,
        serverUrl: platform.url,
        now,
        pollIntervalMs: platform.pollIntervalMs,
        requestTimeoutMs: platform.requestTimeoutMs,
        backoff: platform.backoff,
      })
    : null;
  const sync = engine && platform ? { engine, secretStore: platform.secretStore } : undefined;
  // A shared import queues its upload in the outbox: like any other write, the engine pushes it now.
  const documents = new DocumentService({ store: opened, events, dataDir: dirname(options.databasePath), host: options.host, now, uploadQueued: () => engine?.nudge() });
  try {
    await documents.start();
    await engine?.start();
  } catch (error) {
    opened.close();
    return failedCore(toAppError(error), events);
  }
  // Reminders follow every change of sessions and deadlines (local writes and sync alike).
  const reminders = new ReminderScheduler({ store: opened, events, notifier: options.notifier ?? silentNotifier, now });
  events.subscribe((name) => {
    if (name === 'sessionsChanged' || name === 'caseChanged') void reminders.refresh();
  });
  void reminders.start();
  let closing: Promise<void> | null = null;
  return {
    handlers: createHandlers({ store: opened, events, now, host: options.host, appVersion: options.appVersion, sync, remindersChanged: () => void reminders.refresh(), documents }),
    events,
    files: documents,
    close: () => {
      if (closing) return closing;
      const remindersStopped = reminders.stop(); // the timer is cleared at once; a running check fails quietly
      if (!engine) {
        opened.close();
        closing = closePdfWorkers();
      } else {
        closing = Promise.all([remindersStopped.then(() => engine.stop()).finally(() => opened.close()), closePdfWorkers()]).then(() => undefined);
      }
      return closing;
    },
  };
}

/**
 * A fresh store (no mediators yet) gets the demo mediators, the local user (the first one with
 * role 'mediator') and `demoCases` generated cases — in ONE transaction, so a failure leaves a
 * store that is still "empty" and is seeded again next time. A store that has a user is never
 * touched, so real data can never be mixed with demo data. The mediators are seeded even with
 * demoCases = 0: until sign-in exists they are the only source of a local user.
 */
async function seedWhenEmpty(store: Store, demoCases: number, now: Date): Promise<void> {
  if ((await profileRepository.countMediators(store)) > 0) return;
  const mediators: Mediator[] = DEMO_MEDIATORS.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role }));
  const user = mediators.find((m) => m.role === 'mediator');
  if (!user) throw new AppError('internal', 'The demo data has no mediator to act as local user');
  await store.write(async (trx) => {
    await profileRepository.upsertMediators(trx, mediators);
    await profileRepository.setCurrentUser(trx, user.id);
    if (demoCases > 0) {
      await importCaseBundlesIn(trx, store.sqlite, generateDemoCases({ seed: DEMO_SEED, count: demoCases, now, mediators }), now);
    }
  });
}

/** A core that cannot serve: every operation rejects with the error that prevented opening. */
function failedCore(error: AppError, events: EventBus): MesaCore {
  const reject = () => Promise.reject(error);
  const handlers = Object.fromEntries(operationNames.map((name) => [name, reject])) as unknown as Handlers;
  return { handlers, events, files: { stage: reject, respond: reject }, close: () => Promise.resolve() };
}
